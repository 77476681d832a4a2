package dev.questbench.ui.quest;

import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent.TodoUpdated.TodoItem;
import java.util.List;

/**
 * One row of the conversation: a message, a quiet note, or a card. Cards carry whether they still wait for the
 * user ({@code open}); when that changes the row is replaced, so its cell redraws.
 */
public sealed interface TranscriptRow {

    /** The journal entry the row shows. */
    JournalEntry entry();

    /** A user or agent message, drawn as a bubble. */
    record Message(JournalEntry entry, boolean fromUser, String text) implements TranscriptRow {
    }

    /** A status change ({@code detail} false) or a quiet detail such as a tool that ran. */
    record Note(JournalEntry entry, String text, boolean detail) implements TranscriptRow {
    }

    /**
     * A tool use that asked for permission: open while the quest waits for this answer; {@code answer} once given.
     */
    record Approval(JournalEntry entry, String tool, ToolInput input, Answer answer, boolean open)
            implements TranscriptRow {
    }

    /** How the user answered an approval. */
    record Answer(Decision decision, boolean alwaysForQuest, String message) {
    }

    /** An error (Retry), an interruption (Resume) or the user's Stop; open while it is the way on. */
    record Notice(JournalEntry entry, NoticeKind kind, String text, boolean open) implements TranscriptRow {
    }

    /** A proposed spec; {@code accepted} is {@code build} or {@code schedule} once chosen; open while it waits. */
    record Spec(JournalEntry entry, String markdown, List<TodoItem> tasks, String accepted, boolean open)
            implements TranscriptRow {
    }

    /** Which notice a {@link Notice} is. */
    enum NoticeKind { ERROR, INTERRUPTED, STOPPED }
}
