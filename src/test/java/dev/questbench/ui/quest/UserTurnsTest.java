package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user's turns as the side rail and Alt+Up / Alt+Down find them. */
class UserTurnsTest {

    @Test
    void findsEachUserMessageWithItsFirstLineAndTheTurnsAroundARow() {
        List<TranscriptRow> rows = new ArrayList<>();
        rows.add(message(0, true, "  Add paging\nto the orders table"));
        rows.add(message(1, false, "Done."));
        rows.add(message(2, false, "More."));
        rows.add(message(3, true, "Now sort it"));
        rows.add(message(4, false, "Sorted."));

        UserTurns turns = UserTurns.of(rows);

        assertEquals(List.of(new UserTurns.Turn(0, "Add paging"), new UserTurns.Turn(3, "Now sort it")),
                turns.turns());
        assertEquals(0.0, turns.fraction(turns.turns().get(0)));
        assertEquals(0.75, turns.fraction(turns.turns().get(1)));
        assertEquals(3, turns.next(1));
        assertEquals(-1, turns.next(3), "none after the last");
        assertEquals(0, turns.previous(3));
        assertEquals(3, turns.previous(4));
        assertEquals(-1, turns.previous(0), "none before the first");
    }

    @Test
    void longFirstLinesAreCut() {
        String line = UserTurns.firstLine("x".repeat(200));

        assertEquals(90, line.length());
        assertEquals('…', line.charAt(89));
    }

    private static TranscriptRow message(int seq, boolean user, String text) {
        QuestEvent event = user ? QuestEvent.UserMessage.text(text) : QuestEvent.AgentMessage.text(text);
        return new TranscriptRow.Message(new JournalEntry("evt_" + seq, "q", seq + 1, Instant.EPOCH, event), user,
                text);
    }
}
