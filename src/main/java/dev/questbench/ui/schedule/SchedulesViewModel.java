package dev.questbench.ui.schedule;

import dev.questbench.domain.schedule.RunState;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleRun;
import dev.questbench.engine.schedule.Scheduler;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.FxBatcher;
import dev.questbench.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Schedules page: every schedule as a card (with its last run), the selected schedule's Run History,
 * and the card commands (enable switch, Run Now, Edit, Delete). Follows the scheduler's change feed, so
 * runs that start, succeed or fail update the page by themselves.
 */
public final class SchedulesViewModel implements AutoCloseable {
    static final int HISTORY_LIMIT = 100;

    private final Scheduler scheduler;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<String> openQuest;
    private final ScheduleEditor editor;
    private final ObservableList<ScheduleItem> items = FXCollections.observableArrayList();
    private final ObservableList<ScheduleRun> history = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> selectedId = new ReadOnlyObjectWrapper<>(this, "selectedId");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final FxBatcher<String, List<String>> changes;
    private final Subscription subscription;
    private long listGeneration;
    private long historyGeneration;

    /**
     * @param fxExecutor hands the scheduler's change feed to the FX thread
     * @param openQuest  opens a quest's conversation (a run's quest, from the history)
     */
    public SchedulesViewModel(Scheduler scheduler, TaskRunner tasks, DialogService dialogs, Executor fxExecutor,
                              Consumer<String> openQuest, ScheduleEditor editor) {
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.openQuest = openQuest;
        this.editor = editor;
        this.changes = FxBatcher.inOrder(fxExecutor, this::changed);
        this.subscription = scheduler.subscribe(changes::offer);
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The cards, in the scheduler's order (by name). */
    public ObservableList<ScheduleItem> items() {
        return items;
    }

    /** The selected schedule's runs, newest first. */
    public ObservableList<ScheduleRun> history() {
        return history;
    }

    public ReadOnlyObjectProperty<String> selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    /** The outcome of the last command, in words ("Run Now started a quest"); null for none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Loads every schedule and its last run; keeps the selection if it still exists, else picks the first. */
    public void reload() {
        long asked = ++listGeneration;
        tasks.run(this::loadItems, loaded -> {
            if (asked != listGeneration) {
                return;
            }
            items.setAll(loaded);
            String keep = selectedId.get();
            boolean kept = loaded.stream().anyMatch(item -> item.id().equals(keep));
            select(kept ? keep : loaded.isEmpty() ? null : loaded.get(0).id());
            if (kept) {
                loadHistory();
            }
        }, failure -> message.set("The schedules could not be loaded: " + failure.getMessage()));
    }

    /** Shows this schedule's Run History. */
    public void select(String scheduleId) {
        if (!Objects.equals(selectedId.get(), scheduleId)) {
            selectedId.set(scheduleId);
            history.clear();
            loadHistory();
        }
    }

    public void newSchedule() {
        editor.edit(null).ifPresent(saved -> {
            message.set("Saved \"" + saved.name() + "\".");
            select(saved.id());
            reload();
        });
    }

    public void edit(String scheduleId) {
        find(scheduleId).flatMap(item -> editor.edit(item.schedule())).ifPresent(saved -> reload());
    }

    /** The card's switch; on failure (a one-time schedule whose time passed) the message says why. */
    public void setEnabled(String scheduleId, boolean enabled) {
        tasks.run(() -> scheduler.setEnabled(scheduleId, enabled), saved -> reload(), failure -> {
            message.set(failure.getMessage());
            reload(); // puts the switch back
        });
    }

    /** Starts a run now, whether the schedule is enabled or not; its history shows it as Running. */
    public void runNow(String scheduleId) {
        tasks.run(() -> scheduler.runNow(scheduleId), run -> {
            message.set(run.state() == RunState.FAILED ? run.message() : "Started a run: open it from the Run History.");
            select(scheduleId);
            reload();
        }, failure -> message.set(failure.getMessage()));
    }

    /** Deletes the schedule and its history after asking; the quests it started stay. */
    public void delete(String scheduleId) {
        find(scheduleId).ifPresent(item -> {
            if (dialogs.confirm("Delete \"" + item.schedule().name() + "\"?", "The schedule and its run history "
                    + "are deleted; quests it started stay. This can't be undone.", "Delete Schedule")) {
                tasks.run(() -> scheduler.delete(scheduleId), failure -> message.set(failure.getMessage()));
            }
        });
    }

    /** Opens the quest a run started or continued. */
    public void openRun(ScheduleRun run) {
        if (run.questId() != null) {
            openQuest.accept(run.questId());
        }
    }

    @Override
    public void close() {
        subscription.close();
        changes.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A few schedules at most: reloading them all is simpler than patching the changed ones, and cheap. */
    private void changed(List<String> scheduleIds) {
        reload();
    }

    private List<ScheduleItem> loadItems() {
        List<ScheduleItem> loaded = new ArrayList<>();
        for (Schedule schedule : scheduler.list()) {
            List<ScheduleRun> last = scheduler.runs(schedule.id(), 1);
            loaded.add(new ScheduleItem(schedule, last.isEmpty() ? null : last.get(0)));
        }
        return loaded;
    }

    private void loadHistory() {
        String scheduleId = selectedId.get();
        long asked = ++historyGeneration;
        if (scheduleId == null) {
            history.clear();
            return;
        }
        tasks.run(() -> scheduler.runs(scheduleId, HISTORY_LIMIT), runs -> {
            if (asked == historyGeneration) {
                history.setAll(runs);
            }
        }, failure -> message.set("The run history could not be loaded: " + failure.getMessage()));
    }

    private Optional<ScheduleItem> find(String scheduleId) {
        return items.stream().filter(item -> item.id().equals(scheduleId)).findFirst();
    }
}
