package dev.questbench.ui.quest;

import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent.TodoUpdated.TodoItem;
import java.util.List;

/**
 * One row of the conversation: a message, a quiet note, a tool step, or a card. Cards and steps carry what the
 * user sees change (open, state, output, expanded); when that changes the row is replaced, so its cell redraws.
 */
public sealed interface TranscriptRow {

    /** The journal entry the row shows (for the streaming bubble, a stand-in that is not journaled). */
    JournalEntry entry();

    /**
     * A user or agent message, drawn as a bubble; {@code checkpoint} when the files were recorded before the turn
     * this user message started, so that turn can be reverted.
     */
    record Message(JournalEntry entry, boolean fromUser, String text, boolean checkpoint) implements TranscriptRow {
        public Message(JournalEntry entry, boolean fromUser, String text) {
            this(entry, fromUser, text, false);
        }
    }

    /** A status change ({@code detail} false) or a quiet detail. */
    record Note(JournalEntry entry, String text, boolean detail) implements TranscriptRow {
    }

    /**
     * A tool use that asked for permission and has no answer yet: open while the quest waits for this answer.
     * Once answered it becomes a {@link Step} that says how. {@code requester} is empty for the quest's agent, else
     * the subagent that asks; {@code reason} says why when that needs saying (it failed in the sandbox), else empty.
     */
    record Approval(JournalEntry entry, String tool, ToolInput input, boolean open, String requester, String reason)
            implements TranscriptRow {
    }

    /** How the user answered an approval. */
    record Answer(Decision decision, boolean alwaysForQuest, String message) {
    }

    /**
     * One tool the agent used, with its outcome: {@code output} is the tail of the result (or, while it runs, of
     * its progress); {@code truncated} when more output exists than the tail shows; {@code answer} when the user
     * approved or denied it; {@code durationMs} once it finished.
     */
    record Step(JournalEntry entry, String tool, ToolInput input, StepState state, Answer answer, Long durationMs,
                String output, boolean truncated, boolean expanded) implements TranscriptRow {
    }

    /** Where a {@link Step} is. */
    enum StepState {
        /** Waiting for an approval (its own or an earlier step's). */
        WAITING("Waiting for approval"),
        RUNNING("Running"),
        DONE("Done"),
        ERROR("Failed"),
        DENIED("Denied"),
        /** The turn ended (stopped, failed, interrupted) before the tool reported back. */
        UNFINISHED("Did not finish");

        private final String label;

        StepState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A question the agent asked ({@code AskUserQuestion}): open while the quest waits for the answer;
     * {@code reply} once answered, {@code declined} when it was dismissed instead.
     */
    record Question(JournalEntry entry, String question, List<String> options, String defaultOption, String reply,
                    boolean declined, boolean open) implements TranscriptRow {
    }

    /** The agent's message as the model writes it (not journaled); {@code thinking} while only reasoning came. */
    record Streaming(JournalEntry entry, String text, boolean thinking) implements TranscriptRow {
    }

    /**
     * The agent thought before acting: a collapsed "Thinking…" line, the reasoning on expand when the backend
     * exposes it ({@code text} empty otherwise).
     */
    record Thinking(JournalEntry entry, String text, boolean expanded) implements TranscriptRow {
    }

    /** The agent's to-do list for the turn: one checklist that updates in place as the agent ticks items off. */
    record Todos(JournalEntry entry, List<TodoItem> items) implements TranscriptRow {
        public long done() {
            return items.stream().filter(item -> "completed".equals(item.status())).count();
        }
    }

    /** A hook command that ran: a small muted line, its output on expand. */
    record HookRun(JournalEntry entry, String hookEvent, String command, String outcome, int exitCode,
                   String output, long durationMs, boolean expanded) implements TranscriptRow {
    }

    /** Older messages were summarised for the context window: a divider, the summary on expand. */
    record Compacted(JournalEntry entry, String summary, long tokensBefore, long tokensAfter, boolean expanded)
            implements TranscriptRow {
    }

    /**
     * The quest works in its own git worktree: an info line, the folder in its tooltip. {@code baseBranch} is null
     * when the worktree started from a detached HEAD ({@code baseCommit}).
     */
    record Worktree(JournalEntry entry, String branch, String baseBranch, String baseCommit, String path,
                    boolean includedUncommitted) implements TranscriptRow {
    }

    /**
     * The worktree's setup script: one foldable line for all its output batches, the tail on expand.
     * {@code exitCode} is null while it runs; {@code running} false when it never reported an end (the app stopped).
     */
    record Setup(JournalEntry entry, String output, boolean truncated, Integer exitCode, boolean running,
                 boolean expanded) implements TranscriptRow {
    }

    /** The files were restored to the checkpoint before {@code turn}: a divider across the conversation. */
    /** A turn that changed files ended: how many and which, with a way into the Review tab. */
    record Changes(JournalEntry entry, java.util.List<String> paths) implements TranscriptRow {
    }

    record Reverted(JournalEntry entry, int turn, String safetyCommit) implements TranscriptRow {
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
