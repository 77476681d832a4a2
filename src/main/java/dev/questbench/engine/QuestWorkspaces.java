package dev.questbench.engine;

import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.workspace.checkpoint.Checkpoints;
import dev.questbench.workspace.env.RemoveResult;
import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The workspace side of running quests, wired onto an executor: where each quest works (Local or its worktree),
 * a checkpoint before every turn, Revert and edit-and-resend, Move to local, and cleaning up a deleted quest's
 * worktree and checkpoints. Without git, quests still run in their folders; checkpoints and worktrees then say
 * why they are unavailable ({@link #gitProblem()}).
 */
public final class QuestWorkspaces {
    private static final Logger LOG = Logger.getLogger(QuestWorkspaces.class.getName());

    private final Store store;
    private final QuestExecutor executor;
    private final QuestWorktrees worktrees;
    private final Checkpoints checkpoints;
    private final Revert revert;
    private final String gitProblem;

    private QuestWorkspaces(Store store, QuestExecutor executor, QuestWorktrees worktrees, Checkpoints checkpoints,
                            Revert revert, String gitProblem) {
        this.store = store;
        this.executor = executor;
        this.worktrees = worktrees;
        this.checkpoints = checkpoints;
        this.revert = revert;
        this.gitProblem = gitProblem;
    }

    /** Finds git and wires environments and checkpoints onto the executor (before it starts quests). */
    public static QuestWorkspaces install(Store store, QuestExecutor executor, Map<String, String> env) {
        Git git = null;
        String problem = null;
        try {
            git = Git.locate(env);
        } catch (GitException e) {
            problem = e.getMessage();
            LOG.warning("checkpoints and worktrees are off: " + problem);
        }
        Git found = git;
        String why = problem;
        QuestEnvironments environments = new QuestEnvironments(store, () -> {
            if (found == null) {
                throw new GitException(why, -1, "");
            }
            return found;
        }, store.dataDir().resolve("worktrees"));
        executor.setWorkingDirectories(environments);
        Checkpoints checkpoints = null;
        Revert revert = null;
        if (git != null) {
            checkpoints = new Checkpoints(git, store.dataDir().resolve("checkpoints"));
            executor.addTurnHook(CheckpointHook.forExecutor(store, checkpoints, executor));
            revert = Revert.forExecutor(store, checkpoints, executor);
        }
        return new QuestWorkspaces(store, executor, new QuestWorktrees(store, environments), checkpoints, revert,
                problem);
    }

    /** Why checkpoints and worktrees are unavailable (git missing or too old), or null when they work. */
    public String gitProblem() {
        return gitProblem;
    }

    public QuestWorktrees worktrees() {
        return worktrees;
    }

    /** Restores the files to the checkpoint before that turn. Call off the FX thread, with the quest idle. */
    public QuestEvent.Reverted revertTurn(String questId, int turn) {
        return requireRevert().revertTurn(questId, turn);
    }

    /** Reverts to the turn that message started, then sends the new text as a fresh message. */
    public void editAndResend(String questId, String userMessageEventId, String newText) {
        requireRevert().editAndResend(executor, questId, userMessageEventId, newText);
    }

    /** Brings a Worktree quest's branch and changes into the workspace; the next turn works there. */
    public void moveToLocal(String questId) {
        worktrees.moveToLocal(questId);
        executor.reopenSession(questId);
    }

    /**
     * Deletes a quest with its worktree (and branch when merged) and checkpoints. An unmerged or dirty worktree
     * is kept unless {@code force}: the result then says what would be lost, for the user to confirm.
     */
    public Optional<RemoveResult> delete(String questId, boolean force) {
        Optional<RemoveResult> removal = Optional.empty();
        try {
            if (worktrees.worktreeOf(questId).isPresent()) {
                RemoveResult result = worktrees.removeForDeletedQuest(questId, force);
                if (result.status() == RemoveResult.Status.NEEDS_CONFIRMATION) {
                    return Optional.of(result);
                }
                removal = Optional.of(result);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not remove the worktree of " + questId + "; deleting the quest anyway", e);
        }
        deleteCheckpoints(questId);
        executor.delete(questId);
        return removal;
    }

    /** The quest's checkpoint refs live in its workspace's repository (shared by its worktrees). */
    private void deleteCheckpoints(String questId) {
        if (checkpoints == null) {
            return;
        }
        try {
            store.quests().get(questId).flatMap(quest -> quest.workspaceId() == null ? Optional.empty()
                    : store.workspaces().get(quest.workspaceId()))
                    .ifPresent(workspace -> checkpoints.delete(java.nio.file.Path.of(workspace.path()), questId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not delete the checkpoints of " + questId, e);
        }
    }

    private Revert requireRevert() {
        if (revert == null) {
            throw new IllegalStateException("Revert needs git: " + gitProblem);
        }
        return revert;
    }

    /** For tests and tools: the checkpoint store, or null without git. */
    Checkpoints checkpoints() {
        return checkpoints;
    }
}
