package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Remembered row heights: per row content and width, so a changed row or a new width is measured again. */
class RowHeightsTest {

    @Test
    void aHeightIsKnownForTheSameRowAtTheSameWidthOnly() {
        RowHeights heights = new RowHeights();
        TranscriptRow.Message row = message("## Done");
        heights.put(row, 640.2, 180);

        assertEquals(180.0, heights.get(message("## Done"), 640.4), "an equal row, the same width rounded");
        assertNull(heights.get(row, 500), "another width");
        assertNull(heights.get(message("## Done, and more"), 640), "the row changed");
    }

    private static TranscriptRow.Message message(String text) {
        return new TranscriptRow.Message(new JournalEntry("evt_1", "qst_1", 1, Instant.EPOCH,
                QuestEvent.AgentMessage.text(text)), false, text);
    }
}
