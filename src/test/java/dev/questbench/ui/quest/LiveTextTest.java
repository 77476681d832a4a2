package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.AgentContentBlockDelta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming bubble's text: which deltas count, and which journaled events settle it. */
class LiveTextTest {

    @Test
    void deltasJoinUntilTheMessageLandsAndLatePiecesOfItAreIgnored() {
        LiveText live = new LiveText();
        live.reset(true);
        live.delta(thinking("msg_1"));
        assertTrue(live.row("q").thinking());
        live.delta(text("msg_1", "Hel"));
        live.delta(text("msg_1", "lo"));
        assertEquals("Hello", live.row("q").text());
        assertFalse(live.row("q").thinking(), "text replaces the thinking marker");

        live.journaled(QuestEvent.AgentMessage.text("Hello"));
        assertFalse(live.shown());
        live.delta(text("msg_1", " late"));
        assertFalse(live.shown(), "a piece of a message that landed");
        live.delta(text("msg_2", "Next"));
        assertEquals("Next", live.row("q").text(), "the next call streams again");
        live.journaled(QuestEvent.SessionStatusIdle.endTurn());
        assertFalse(live.shown());
    }

    @Test
    void aPageThatEndedItsModelCallsTakesNoDeltasUntilTheNextStarts() {
        assertFalse(LiveText.modelBusy(page(new QuestEvent.ModelRequestStart("m"),
                new QuestEvent.ModelRequestEnd("m", null, 5L))));
        assertTrue(LiveText.modelBusy(page(new QuestEvent.ModelRequestEnd("m", null, 5L),
                new QuestEvent.ModelRequestStart("m"))));
        assertTrue(LiveText.modelBusy(page(QuestEvent.SessionStatusIdle.endTurn(),
                new QuestEvent.SessionStatusRunning())), "a running turn without model spans");

        LiveText live = new LiveText();
        live.reset(false);
        live.delta(text("msg_1", "stale"));
        assertFalse(live.shown(), "from the call the page already ended");
        live.journaled(new QuestEvent.ModelRequestStart("m"));
        live.delta(text("msg_2", "fresh"));
        assertEquals("fresh", live.row("q").text());
    }

    private static AgentContentBlockDelta text(String id, String text) {
        return new AgentContentBlockDelta(id, 0, AgentContentBlockDelta.Delta.text(text));
    }

    private static AgentContentBlockDelta thinking(String id) {
        return new AgentContentBlockDelta(id, 0, new AgentContentBlockDelta.Delta("thinking_delta", null, "…", null));
    }

    private static List<JournalEntry> page(QuestEvent... events) {
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            entries.add(new JournalEntry("evt_" + i, "q", i + 1, Instant.now(), events[i]));
        }
        return entries;
    }
}
