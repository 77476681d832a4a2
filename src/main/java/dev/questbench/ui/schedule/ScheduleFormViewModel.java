package dev.questbench.ui.schedule;

import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleDraft;
import dev.questbench.domain.schedule.ScheduleRule;
import dev.questbench.engine.schedule.Scheduler;
import dev.questbench.store.QuestQuery;
import dev.questbench.store.QuestSort;
import dev.questbench.store.Store;
import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.TaskRunner;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The schedule form (new or edit): name, when ({@link RuleFields}), time zone, instructions, workspace,
 * model, goal mode and the quest to continue. Shows the next five run times as the user types (debounced,
 * computed by the {@link Scheduler} off the FX thread, stale answers dropped) and saves through the
 * scheduler, whose messages appear in {@link #problemProperty()}.
 */
public final class ScheduleFormViewModel {
    static final int PREVIEW_COUNT = 5;
    private static final int QUEST_CHOICES = 200;
    static final Choice NO_WORKSPACE = new Choice(null, "No workspace");
    static final Choice NEW_QUEST = new Choice(null, "Start a new quest on each run");

    private final Scheduler scheduler;
    private final Store store;
    private final TaskRunner tasks;
    private final Debouncer debouncer;
    private final Clock clock;
    private final Schedule editing;
    private final RuleFields rule;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone");
    private final StringProperty instructions = new SimpleStringProperty(this, "instructions", "");
    private final ObjectProperty<Choice> workspace = new SimpleObjectProperty<>(this, "workspace", NO_WORKSPACE);
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final BooleanProperty goal = new SimpleBooleanProperty(this, "goal");
    private final ObjectProperty<Choice> continueQuest = new SimpleObjectProperty<>(this, "continueQuest", NEW_QUEST);
    private final ObservableList<Choice> workspaces = FXCollections.observableArrayList(NO_WORKSPACE);
    private final ObservableList<Choice> quests = FXCollections.observableArrayList(NEW_QUEST);
    private final ObservableList<String> preview = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewError = new ReadOnlyStringWrapper(this, "previewError");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private long previewGeneration;

    /**
     * @param editing the schedule to edit, or null for a new one
     * @param clock   "now" for the default date and interval anchors (the scheduler previews from its own)
     */
    public ScheduleFormViewModel(Scheduler scheduler, Store store, TaskRunner tasks, Debouncer debouncer,
                                 Clock clock, Schedule editing) {
        this.scheduler = scheduler;
        this.store = store;
        this.tasks = tasks;
        this.debouncer = debouncer;
        this.clock = clock;
        this.editing = editing;
        this.rule = new RuleFields(LocalDate.now(clock));
        if (editing != null) {
            fill(editing);
        }
        List<Observable> inputs = new ArrayList<>(List.of(rule.all()));
        inputs.add(zone);
        inputs.forEach(input -> input.addListener(observable -> debouncer.submit(this::refreshPreview)));
        List.<Observable>of(name, instructions, workspace, continueQuest).forEach(
                input -> input.addListener(observable -> problem.set(null)));
        refreshPreview();
    }

    // ---- properties ----------------------------------------------------------------------------

    /** True when the form edits a saved schedule, false for a new one. */
    public boolean isEdit() {
        return editing != null;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The "when" fields. */
    public RuleFields rule() {
        return rule;
    }

    /** The zone the times are read in; null for the system's zone. */
    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public StringProperty instructionsProperty() {
        return instructions;
    }

    public ObjectProperty<Choice> workspaceProperty() {
        return workspace;
    }

    /** Free text for now; blank uses the backend's default model. */
    public StringProperty modelProperty() {
        return model;
    }

    public BooleanProperty goalProperty() {
        return goal;
    }

    /** The quest each run continues, or {@link #NEW_QUEST}. */
    public ObjectProperty<Choice> continueQuestProperty() {
        return continueQuest;
    }

    public ObservableList<Choice> workspaces() {
        return workspaces;
    }

    public ObservableList<Choice> quests() {
        return quests;
    }

    /** The next run times, formatted; empty while the rule is incomplete. */
    public ObservableList<String> preview() {
        return preview;
    }

    /** Why there is no preview (an invalid cron, a time in the past...); null when there is one. */
    public ReadOnlyStringProperty previewErrorProperty() {
        return previewError.getReadOnlyProperty();
    }

    /** What stopped Save, in the scheduler's words; null when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Loads the pickers' workspaces and recent quests in the background. */
    public void loadChoices() {
        String keep = editing == null ? null : editing.continueQuestId();
        tasks.run(() -> new Choices(workspaceChoices(), questChoices(keep)), loaded -> {
            workspaces.setAll(loaded.workspaces());
            quests.setAll(loaded.quests());
            workspace.set(find(workspaces, workspace.get()));
            continueQuest.set(find(quests, continueQuest.get()));
        }, failure -> { });
    }

    /** Recomputes the preview now (the fields' listeners do it after a pause). */
    public void refreshPreview() {
        long asked = ++previewGeneration;
        ScheduleRule built;
        try {
            built = rule.rule(clock.instant());
        } catch (IllegalArgumentException e) {
            showPreview(asked, List.of(), e.getMessage());
            return;
        }
        ZoneId chosen = zoneOrSystem();
        tasks.run(() -> scheduler.preview(built, chosen, PREVIEW_COUNT), times -> showPreview(asked,
                        times.stream().map(RunTimes::full).toList(), times.isEmpty()
                                ? "It would never run: the time has passed. Pick a time in the future." : null),
                failure -> showPreview(asked, List.of(), failure.getMessage()));
    }

    /** Validates through the scheduler and saves; {@code onSaved} gets the schedule on the FX thread. */
    public void save(Consumer<Schedule> onSaved) {
        ScheduleDraft draft;
        try {
            draft = draft();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set(null);
        saving.set(true);
        tasks.run(() -> editing == null ? scheduler.create(draft) : scheduler.update(editing.id(), draft), saved -> {
            saving.set(false);
            onSaved.accept(saved);
        }, failure -> {
            saving.set(false);
            problem.set(failure.getMessage());
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ScheduleDraft draft() {
        ScheduleRule built = rule.rule(clock.instant());
        return new ScheduleDraft(name.get(), built, instructions.get(), workspace.get().id(), model.get(),
                goal.get(), continueQuest.get().id(), editing == null || editing.enabled(), zoneOrSystem());
    }

    private void fill(Schedule schedule) {
        name.set(schedule.name());
        rule.load(schedule.rule());
        zone.set(schedule.zone().equals(ZoneId.systemDefault()) ? null : schedule.zone());
        instructions.set(schedule.prompt());
        model.set(schedule.model() == null ? "" : schedule.model());
        goal.set(schedule.goal());
        if (schedule.workspaceId() != null) {
            workspace.set(new Choice(schedule.workspaceId(), "Workspace"));
        }
        if (schedule.continueQuestId() != null) {
            continueQuest.set(new Choice(schedule.continueQuestId(), "Quest"));
        }
    }

    private ZoneId zoneOrSystem() {
        return zone.get() == null ? ZoneId.systemDefault() : zone.get();
    }

    private void showPreview(long asked, List<String> times, String error) {
        if (asked == previewGeneration) {
            preview.setAll(times);
            previewError.set(error);
        }
    }

    private List<Choice> workspaceChoices() {
        List<Choice> choices = new ArrayList<>(List.of(NO_WORKSPACE));
        for (Workspace each : store.workspaces().list()) {
            choices.add(new Choice(each.id(), each.name() + "  —  " + each.path()));
        }
        return choices;
    }

    private List<Choice> questChoices(String keep) {
        List<Choice> choices = new ArrayList<>(List.of(NEW_QUEST));
        QuestQuery recent = new QuestQuery(null, Set.of(), null, false, QuestSort.RECENT_ACTIVITY, false,
                QUEST_CHOICES);
        List<QuestSummary> found = new ArrayList<>(store.quests().list(recent));
        if (keep != null && found.stream().noneMatch(summary -> summary.id().equals(keep))) {
            store.quests().summary(keep).ifPresent(found::add);
        }
        found.forEach(summary -> choices.add(new Choice(summary.id(), summary.quest().title())));
        return choices;
    }

    /** The loaded entry with the same id (it has the real label), or the none entry if it is gone. */
    private static Choice find(List<Choice> choices, Choice wanted) {
        return choices.stream().filter(choice -> Objects.equals(choice.id(), wanted.id())).findFirst()
                .orElse(choices.get(0));
    }

    private record Choices(List<Choice> workspaces, List<Choice> quests) {
    }
}
