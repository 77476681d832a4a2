package dev.questbench.ui.quest;

import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestSummary;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.workspace.env.RemoveResult;
import dev.questbench.workspace.env.WorktreeInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * Pause, Resume, Stop, Retry, Archive, Unarchive, Delete, Move to local and Fork on a quest, as commands enabled by
 * the quest's status. Each calls the {@link QuestExecutor} (or, for worktrees, the {@link QuestWorkspaces}) through
 * the task runner and reports a failure in a dialog.
 */
public final class QuestActions {
    private final QuestExecutor executor;
    private final QuestWorkspaces workspaces;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<String> openQuest;

    /** Without the workspace side: Delete leaves worktrees alone and Move to local is never possible. */
    public QuestActions(QuestExecutor executor, TaskRunner tasks, DialogService dialogs, Consumer<String> openQuest) {
        this(executor, null, tasks, dialogs, openQuest);
    }

    /**
     * @param workspaces the engine's workspace side (Delete removes a quest's worktree, Move to local); may be null
     * @param openQuest  shows a quest (a fork opens as soon as it exists)
     */
    public QuestActions(QuestExecutor executor, QuestWorkspaces workspaces, TaskRunner tasks, DialogService dialogs,
                        Consumer<String> openQuest) {
        this.executor = executor;
        this.workspaces = workspaces;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.openQuest = openQuest;
    }

    /** One command per action. */
    public record Commands(Command pause, Command resume, Command stop, Command retry, Command archive,
                           Command unarchive, Command delete, Command moveToLocal) {
        /** The actions that steer a run, in toolbar order. */
        public List<Command> run() {
            return List.of(pause, resume, stop, retry);
        }
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Commands acting on whichever quest {@code target} holds: the selected quest, or one list row. */
    public Commands commandsFor(ObservableValue<QuestSummary> target) {
        return new Commands(
                command(QuestAction.PAUSE, target, "Pause", Feather.PAUSE, "Shortcut+Shift+P"),
                command(QuestAction.RESUME, target, "Resume", Feather.PLAY, "Shortcut+Shift+R"),
                command(QuestAction.STOP, target, "Stop", Feather.SQUARE, "Shortcut+Period"),
                command(QuestAction.RETRY, target, "Retry", Feather.ROTATE_CW, "Shortcut+Shift+T"),
                command(QuestAction.ARCHIVE, target, "Archive", Feather.ARCHIVE, "Shortcut+Shift+A"),
                command(QuestAction.UNARCHIVE, target, "Unarchive", Feather.INBOX, null),
                command(QuestAction.DELETE, target, "Delete…", Feather.TRASH_2, "Shortcut+Shift+Delete"),
                command(QuestAction.MOVE_TO_LOCAL, target, "Move to local", Feather.DOWNLOAD, null));
    }

    /** Whether the action can run on the quest now: its status allows it and, for Move to local, worktrees work. */
    public boolean canPerform(QuestAction action, QuestSummary quest) {
        return action.allowedFor(quest) && (action != QuestAction.MOVE_TO_LOCAL || workspaces != null);
    }

    /** Runs one action on the quest now, if its status allows it; Delete asks first. */
    public void perform(QuestAction action, QuestSummary quest) {
        if (!canPerform(action, quest)) {
            return;
        }
        String id = quest.id();
        switch (action) {
            case PAUSE -> background(() -> executor.pause(id), "Pausing failed");
            case RESUME -> background(() -> executor.resume(id), "Resuming failed");
            case STOP -> background(() -> executor.stop(id), "Stopping failed");
            case RETRY -> background(() -> executor.retry(id), "Retrying failed");
            case ARCHIVE -> background(() -> executor.archive(id, true), "Archiving failed");
            case UNARCHIVE -> background(() -> executor.archive(id, false), "Unarchiving failed");
            case DELETE -> delete(quest);
            case MOVE_TO_LOCAL -> moveToLocal(quest);
        }
    }

    /** Copies the quest's transcript up to this event into a new quest, and opens it. */
    public void fork(String questId, String upToEventId) {
        tasks.run(() -> executor.fork(questId, upToEventId).id(), openQuest,
                failure -> dialogs.showError("Forking failed", failure.getMessage()));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * Asks, then deletes. With the workspace side the quest's worktree goes too; when it holds work that would be
     * lost (unmerged commits, uncommitted files) nothing is deleted until the user agrees a second time.
     */
    private void delete(QuestSummary quest) {
        String id = quest.id();
        String title = quest.quest().title();
        boolean worktree = quest.quest().environment() == QuestEnvironment.WORKTREE && workspaces != null;
        if (!dialogs.confirm("Delete “" + title + "”?", "The quest and its conversation are deleted for good; a "
                + "running turn is stopped first. " + (worktree ? "Its worktree is removed too (you are asked "
                + "again if it holds work that is not merged). " : "") + "Files in the workspace are not touched.",
                "Delete")) {
            return;
        }
        if (workspaces == null) {
            background(() -> executor.delete(id), "Deleting failed");
            return;
        }
        tasks.run(() -> workspaces.delete(id, false), removal -> {
            RemoveResult asked = removal.filter(RemoveResult::needsConfirmation).orElse(null);
            if (asked != null && dialogs.confirm("Delete “" + title + "” and its work?", asked.message(),
                    "Delete anyway")) {
                tasks.run(() -> workspaces.delete(id, true), done -> { },
                        failure -> dialogs.showError("Deleting failed", failure.getMessage()));
            }
        }, failure -> dialogs.showError("Deleting failed", failure.getMessage()));
    }

    /** Moves the worktree's branch and changes into the workspace, then says where the quest works now. */
    private void moveToLocal(QuestSummary quest) {
        String id = quest.id();
        tasks.run(() -> {
            Optional<String> branch = workspaces.worktrees().worktreeOf(id).map(WorktreeInfo::branch);
            workspaces.moveToLocal(id);
            return branch;
        }, branch -> dialogs.showInfo("Moved to local", "“" + quest.quest().title() + "” now works in your "
                + "workspace" + branch.map(name -> ", on branch " + name).orElse("")
                + ". Its worktree was removed."), failure -> dialogs.showError("Move to local failed",
                failure.getMessage()));
    }

    private Command command(QuestAction action, ObservableValue<QuestSummary> target, String name, Ikon icon,
                           String shortcut) {
        Command.Builder builder = Command.named(name).icon(icon)
                .executableWhen(Bindings.createBooleanBinding(() -> canPerform(action, target.getValue()), target));
        if (shortcut != null) {
            builder.shortcut(shortcut);
        }
        return builder.does(() -> perform(action, Objects.requireNonNull(target.getValue())));
    }

    private void background(TaskRunner.CheckedRunnable work, String failureTitle) {
        tasks.run(work, failure -> dialogs.showError(failureTitle, failure.getMessage()));
    }
}
