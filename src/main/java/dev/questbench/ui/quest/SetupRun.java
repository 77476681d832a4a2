package dev.questbench.ui.quest;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;

/**
 * One run of a worktree's setup script as the transcript knows it: the output of all its batches so far (the end
 * of it, when long; the journal keeps the rest) and how it ended.
 */
final class SetupRun {
    /** Enough for the tail a row shows, and a little more. */
    private static final int KEPT = 64_000;

    private final StringBuilder output = new StringBuilder();
    private boolean cut;
    private Integer exitCode;

    void add(QuestEvent.SetupOutput batch) {
        output.append(batch.text() == null ? "" : batch.text());
        if (output.length() > KEPT) {
            output.delete(0, output.length() - KEPT);
            cut = true;
        }
        if (batch.exitCode() != null) {
            exitCode = batch.exitCode();
        }
    }

    /** The row, drawn for the run's first entry; it runs while no exit code came and the quest is active. */
    TranscriptRow.Setup row(JournalEntry first, QuestStatus status, boolean expanded) {
        OutputTail tail = OutputTail.of(output.toString(), false);
        return new TranscriptRow.Setup(first, tail.text(), cut || tail.truncated(), exitCode,
                exitCode == null && status.isActive(), expanded);
    }
}
