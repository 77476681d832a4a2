package dev.questbench.preview;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.store.EventJournal;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.Diffs;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.git.Git;
import java.nio.file.Path;
import java.util.List;

/**
 * A quest's artifacts as they are now: what its journal names plus what changed since its first checkpoint. Runs
 * git and reads the journal, so call it off the FX thread.
 */
public final class Artifacts {
    private final EventJournal journal;
    private final Git git;
    private final Path shadowRoot;

    /** @param git null when git is missing: then only the journal's artifacts are found */
    public Artifacts(EventJournal journal, Git git, Path shadowRoot) {
        this.journal = journal;
        this.git = git;
        this.shadowRoot = shadowRoot;
    }

    /** The quest's artifacts under {@code folder}, newest first. */
    public List<Artifact> list(String questId, Path folder) {
        List<JournalEntry> entries = journal.readByType(questId, ArtifactDetector.TYPES, 0);
        List<Artifact> named = ArtifactDetector.fromJournal(entries, folder);
        String first = ArtifactDetector.firstCheckpoint(entries);
        if (git == null || first == null) {
            return named;
        }
        List<FileDiff> changed;
        try {
            changed = new Diffs(git).diff(folder, DiffScope.CURRENT_QUEST, first, shadowRoot);
        } catch (RuntimeException e) {
            return named; // the checkpoint is gone or git failed: the journal still says enough
        }
        return ArtifactDetector.withChanges(named, changed, folder);
    }
}
