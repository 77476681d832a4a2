package dev.questbench.ui.quest;

import dev.questbench.domain.QuestSummary;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.TaskRunner;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * Pause, Resume, Stop, Retry, Archive, Unarchive, Delete and Fork on a quest, as commands enabled by the quest's
 * status. Each calls the {@link QuestExecutor} through the task runner and reports a failure in a dialog.
 */
public final class QuestActions {
    private final QuestExecutor executor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<String> openQuest;

    /** @param openQuest shows a quest (a fork opens as soon as it exists) */
    public QuestActions(QuestExecutor executor, TaskRunner tasks, DialogService dialogs, Consumer<String> openQuest) {
        this.executor = executor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.openQuest = openQuest;
    }

    /** One command per action. */
    public record Commands(Command pause, Command resume, Command stop, Command retry, Command archive,
                           Command unarchive, Command delete) {
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
                command(QuestAction.DELETE, target, "Delete…", Feather.TRASH_2, "Shortcut+Shift+Delete"));
    }

    /** Runs one action on the quest now, if its status allows it; Delete asks first. */
    public void perform(QuestAction action, QuestSummary quest) {
        if (!action.allowedFor(quest)) {
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
            case DELETE -> {
                if (dialogs.confirm("Delete “" + quest.quest().title() + "”?", "The quest and its conversation are "
                        + "deleted for good; a running turn is stopped first. Files in the workspace are not touched.",
                        "Delete")) {
                    background(() -> executor.delete(id), "Deleting failed");
                }
            }
        }
    }

    /** Copies the quest's transcript up to this event into a new quest, and opens it. */
    public void fork(String questId, String upToEventId) {
        tasks.run(() -> executor.fork(questId, upToEventId).id(), openQuest,
                failure -> dialogs.showError("Forking failed", failure.getMessage()));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Command command(QuestAction action, ObservableValue<QuestSummary> target, String name, Ikon icon,
                           String shortcut) {
        Command.Builder builder = Command.named(name).icon(icon)
                .executableWhen(Bindings.createBooleanBinding(() -> action.allowedFor(target.getValue()), target));
        if (shortcut != null) {
            builder.shortcut(shortcut);
        }
        return builder.does(() -> perform(action, Objects.requireNonNull(target.getValue())));
    }

    private void background(TaskRunner.CheckedRunnable work, String failureTitle) {
        tasks.run(work, failure -> dialogs.showError(failureTitle, failure.getMessage()));
    }
}
