package dev.questbench.ui.quest;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.AgentContentBlockDelta;
import java.time.Instant;

/**
 * The agent's message while the model writes it, from streaming deltas (which are not journaled). A journaled
 * event that follows the stream settles it: the final message, a tool use, the model call's end, the turn's end.
 * Known limit: if a settling event reaches the view after the next call's first deltas, that call's text stays
 * hidden until its own message lands.
 */
final class LiveText {
    private final StringBuilder text = new StringBuilder();
    private String messageId;
    private String settledId;
    private boolean thinking;
    private boolean accepting = true;
    private Instant startedAt;

    /** Starts over; {@code modelBusy} says whether the journal shows a model call that has not ended. */
    void reset(boolean modelBusy) {
        text.setLength(0);
        messageId = null;
        settledId = null;
        thinking = false;
        accepting = modelBusy;
    }

    /** Adds a streamed piece. */
    void delta(AgentContentBlockDelta delta) {
        AgentContentBlockDelta.Delta piece = delta.delta();
        if (!accepting || piece == null || delta.messageId() != null && delta.messageId().equals(settledId)) {
            return; // late pieces of a message that already landed, or from before this view loaded
        }
        String id = delta.messageId() == null ? "" : delta.messageId();
        if (!id.equals(messageId)) {
            text.setLength(0);
            thinking = false;
            messageId = id;
            startedAt = Instant.now();
        }
        if ("text_delta".equals(piece.type()) && piece.text() != null) {
            text.append(piece.text());
        } else if ("thinking_delta".equals(piece.type())) {
            thinking = true;
        }
    }

    /** Takes in a journaled event: a model call starting opens the stream, one that settles it clears it. */
    void journaled(QuestEvent event) {
        if (event instanceof QuestEvent.ModelRequestStart || event instanceof QuestEvent.SessionStatusRunning) {
            accepting = true;
            return;
        }
        boolean turnEnded = event instanceof QuestEvent.SessionStatusIdle || event instanceof QuestEvent.SessionError
                || event instanceof QuestEvent.Interrupted || event instanceof QuestEvent.Paused;
        boolean settles = turnEnded || event instanceof QuestEvent.AgentMessage
                || event instanceof QuestEvent.AgentToolUse || event instanceof QuestEvent.ModelRequestEnd;
        if (!settles || messageId == null) {
            if (turnEnded) {
                settledId = null; // message ids start again in the next session
            }
            return;
        }
        settledId = turnEnded ? null : messageId;
        messageId = null;
        text.setLength(0);
        thinking = false;
    }

    boolean shown() {
        return messageId != null && (text.length() > 0 || thinking);
    }

    /** The provisional bubble; call only while {@link #shown()}. */
    TranscriptRow.Streaming row(String questId) {
        JournalEntry stand = new JournalEntry("live_" + messageId, questId, 0, startedAt,
                new AgentContentBlockDelta(messageId, 0, AgentContentBlockDelta.Delta.text("")));
        return new TranscriptRow.Streaming(stand, text.toString(), thinking && text.length() == 0);
    }

    /** Whether a page of the journal ends inside a model call or a running turn (or says nothing either way). */
    static boolean modelBusy(java.util.List<JournalEntry> page) {
        for (int i = page.size() - 1; i >= 0; i--) {
            QuestEvent event = page.get(i).event();
            if (event instanceof QuestEvent.ModelRequestStart || event instanceof QuestEvent.SessionStatusRunning) {
                return true; // a call under way, or a turn whose backend journals no model calls
            }
            if (event instanceof QuestEvent.ModelRequestEnd || event instanceof QuestEvent.SessionStatusIdle
                    || event instanceof QuestEvent.SessionError || event instanceof QuestEvent.Interrupted) {
                return false;
            }
        }
        return true;
    }
}
