package dev.questbench.engine;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.Workspace;
import dev.questbench.store.Store;
import dev.questbench.workspace.env.RemoveResult;
import dev.questbench.workspace.env.WorktreeEntry;
import dev.questbench.workspace.env.WorktreeInfo;
import dev.questbench.workspace.env.Worktrees;
import dev.questbench.workspace.git.GitException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the user does with a Worktree quest's worktree: Move to local, delete it with the quest, see the disk it
 * takes. The worktree is the one the quest's journal records ({@code quest.worktree_created}). Blocking (git
 * runs); call from a background task.
 */
public final class QuestWorktrees {
    private final Store store;
    private final QuestEnvironments environments;

    public QuestWorktrees(Store store, QuestEnvironments environments) {
        this.store = store;
        this.environments = environments;
    }

    /** A worktree with the quest it belongs to (null when unknown) and the bytes its files take. */
    public record Usage(WorktreeInfo info, String questId, long bytes) {
    }

    /** The quest's worktree, if it has one. */
    public Optional<WorktreeInfo> worktreeOf(String questId) {
        return QuestEnvironments.recorded(store, questId);
    }

    /**
     * Brings the quest's branch and uncommitted changes into the workspace's own checkout, removes the worktree,
     * and makes the quest a Local one, so its next turns work in the workspace.
     *
     * @throws IllegalStateException for the user: the workspace has uncommitted changes (named), the quest is
     *                               running, or it has no worktree
     */
    public void moveToLocal(String questId) {
        Quest quest = quest(questId);
        QuestStatus status = store.quests().summary(questId).orElseThrow().status();
        if (status.isActive()) {
            throw new IllegalStateException("The quest is still working. Stop it or wait until it is done, then Move "
                    + "to local.");
        }
        WorktreeInfo wt = worktreeOf(questId).orElseThrow(() -> new IllegalStateException(
                "This quest has no worktree to move: it works in the workspace already."));
        call(() -> {
            environments.worktrees().moveToLocal(repo(quest), wt);
            return null;
        });
        store.quests().update(new Quest(quest.id(), quest.title(), quest.prompt(), quest.workspaceId(),
                quest.backend(), quest.model(), quest.mode(), QuestEnvironment.LOCAL, quest.options(), quest.pinned(),
                quest.archived(), quest.read(), quest.createdAt(), Instant.now()));
    }

    /**
     * Removes the quest's worktree before the quest is deleted (the journal that names it goes with the quest).
     * Without {@code force}, unmerged commits or uncommitted files make it return
     * {@link RemoveResult.Status#NEEDS_CONFIRMATION} and remove nothing; ask the user, then call again with force.
     * A quest without a worktree returns {@link RemoveResult.Status#REMOVED} at once.
     */
    public RemoveResult removeForDeletedQuest(String questId, boolean force) {
        Quest quest = quest(questId);
        Optional<WorktreeInfo> wt = worktreeOf(questId);
        if (wt.isEmpty() || quest.workspaceId() == null) {
            return new RemoveResult(RemoveResult.Status.REMOVED, 0, 0, "The quest has no worktree.");
        }
        return call(() -> environments.worktrees().remove(repo(quest), wt.get(), force));
    }

    /** The workspace's Questbench worktrees with their disk use (walks every file: slow for big checkouts). */
    public List<Usage> usage(String workspaceId) {
        Workspace workspace = store.workspaces().get(workspaceId).orElseThrow(() -> new IllegalStateException(
                "The workspace is no longer open."));
        Worktrees worktrees = environments.worktrees();
        return call(() -> {
            List<WorktreeEntry> entries = worktrees.entries(Path.of(workspace.path()));
            return entries.stream().map(entry -> new Usage(entry.info(), entry.questId(),
                    worktrees.diskUse(entry.info().path()))).toList();
        });
    }

    /**
     * Which files two or more of the workspace's worktree quests change (path → quest ids), so parallel quests
     * that will conflict show before anyone merges.
     */
    public java.util.Map<String, List<String>> conflictForecast(String workspaceId) {
        Workspace workspace = store.workspaces().get(workspaceId).orElseThrow(() -> new IllegalStateException(
                "The workspace is no longer open."));
        Worktrees worktrees = environments.worktrees();
        return call(() -> {
            List<dev.questbench.workspace.actions.ConflictForecast.Worktree> active = new java.util.ArrayList<>();
            for (WorktreeEntry entry : worktrees.entries(Path.of(workspace.path()))) {
                if (entry.questId() != null) {
                    active.add(new dev.questbench.workspace.actions.ConflictForecast.Worktree(entry.questId(),
                            entry.info().path(), entry.info().baseCommit()));
                }
            }
            return dev.questbench.workspace.actions.ConflictForecast.forecast(environments.git(), active);
        });
    }

    private Quest quest(String questId) {
        return store.quests().get(questId).orElseThrow(() -> new IllegalStateException(
                "The quest no longer exists."));
    }

    private Path repo(Quest quest) {
        Workspace workspace = store.workspaces().get(quest.workspaceId()).orElseThrow(
                () -> new IllegalStateException("The quest's workspace is no longer open."));
        return Path.of(workspace.path());
    }

    private static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (GitException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
