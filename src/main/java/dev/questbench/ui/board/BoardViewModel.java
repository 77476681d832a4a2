package dev.questbench.ui.board;

import dev.questbench.domain.BoardColumn;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.store.QuestChange;
import dev.questbench.store.QuestQuery;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.FxBatcher;
import dev.questbench.ui.common.QuestLook;
import dev.questbench.ui.common.StableOrder;
import dev.questbench.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The My Quests board: every quest matching the search, split into Running / Waiting / Completed and
 * filtered by workspace tab. Searches run in the background and carry a generation number, so an older
 * answer never overwrites a newer one; live changes move single cards instead of reloading.
 */
public final class BoardViewModel implements AutoCloseable {
    /** Beyond this many cards changing columns in one batch, the columns are refilled instead. */
    static final int MOVES_BEFORE_REFILL = 8;

    private final Store store;
    private final TaskRunner tasks;
    private final Debouncer debouncer;
    /** How far back a card's work line is read when the board opens: enough for the last todo list and step. */
    private static final int PROGRESS_EVENTS = 300;
    private final StableOrder order = new StableOrder();
    private final BoardColumns columns = new BoardColumns(order.comparator());
    private final Map<String, QuestSummary> results = new HashMap<>();
    private final Map<String, String> workspaceNames = new HashMap<>();
    private final ObservableList<WorkspaceTab> tabs = FXCollections.observableArrayList();
    // One read-only view, kept: a wrapper made per call would drop its listeners when collected.
    private final ObservableList<WorkspaceTab> tabsView = FXCollections.unmodifiableObservableList(tabs);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<String> workspaceFilter = new SimpleObjectProperty<>(this, "workspaceFilter");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final FxBatcher<QuestChange, Map<String, QuestChange>> changes;
    private final Subscription subscription;
    private final Subscription journal;
    private final javafx.collections.ObservableMap<String, CardProgress> progress =
            FXCollections.observableHashMap();
    private final javafx.collections.ObservableMap<String, CardProgress> progressView =
            FXCollections.unmodifiableObservableMap(progress);
    private final java.util.Set<String> progressAsked = new java.util.HashSet<>();
    private long generation;
    private final FxBatcher<dev.questbench.domain.event.JournalEntry,
            List<dev.questbench.domain.event.JournalEntry>> stepBatcher;

    /** Create on the FX thread; call {@link #reload()} to fill it. */
    public BoardViewModel(Store store, TaskRunner tasks, Debouncer debouncer, Executor fxExecutor) {
        this.store = store;
        this.tasks = tasks;
        this.debouncer = debouncer;
        this.changes = FxBatcher.latestByKey(fxExecutor, QuestChange::questId, this::applyChanges);
        this.subscription = store.quests().subscribe(changes::offer);
        FxBatcher<dev.questbench.domain.event.JournalEntry, List<dev.questbench.domain.event.JournalEntry>> steps =
                FxBatcher.inOrder(fxExecutor, this::applySteps);
        this.stepBatcher = steps;
        this.journal = store.journal().subscribe(batch -> batch.stream()
                .filter(entry -> CardProgress.matters(entry.event())).forEach(steps::offer));
        searchText.addListener((observable, before, after) -> debouncer.submit(this::reload));
        workspaceFilter.addListener((observable, before, after) -> refill());
    }

    // ---- properties ----------------------------------------------------------------------------

    public ObservableList<QuestSummary> column(BoardColumn column) {
        return columns.view(column);
    }

    public ObservableList<WorkspaceTab> tabs() {
        return tabsView;
    }

    /** What the user typed in the search box; changes are debounced into {@link #reload()}. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The selected workspace tab's id: null for All, {@link QuestQuery#NO_WORKSPACE} for unbound quests. */
    public ObjectProperty<String> workspaceFilterProperty() {
        return workspaceFilter;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** True once the first answer has been applied. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The workspace's display name, or "No workspace". */
    public String workspaceName(String workspaceId) {
        return workspaceId == null ? "No workspace" : workspaceNames.getOrDefault(workspaceId, "Workspace");
    }

    /** The generation of the newest search asked for; answers from older ones are dropped. */
    public long generation() {
        return generation;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Runs the current search in the background and applies its answer if nothing newer was asked meanwhile. */
    public void reload() {
        long asked = ++generation;
        String text = searchText.get();
        searching.set(true);
        tasks.run(() -> fetch(text), answer -> apply(asked, answer), failure -> fail(asked, failure));
    }

    /**
     * A quest's status changes, oldest first ("10:02 Running", "10:05 Waiting for you", "10:07 Ready"), read in the
     * background for the list view's detail line.
     */
    public void statusHistory(String questId, java.util.function.Consumer<List<String>> onHistory) {
        tasks.run(() -> StatusHistory.of(store.journal().readByType(questId, StatusHistory.TYPES, 0)), onHistory,
                failure -> onHistory.accept(List.of("The history could not be read: " + failure.getMessage())));
    }

    /** Each card's work line by quest id: filled for active quests, then kept current from the journal. */
    public javafx.collections.ObservableMap<String, CardProgress> progress() {
        return progressView;
    }

    @Override
    public void close() {
        subscription.close();
        journal.close();
        stepBatcher.close();
        changes.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** What one search returns: the matching quests and the names of all workspaces. */
    record Answer(List<QuestSummary> quests, List<Workspace> workspaces) {
    }

    private Answer fetch(String text) {
        String words = text == null || text.isBlank() ? null : text.strip();
        return new Answer(store.quests().list(QuestQuery.ALL.withText(words)), store.workspaces().list());
    }

    void apply(long asked, Answer answer) {
        if (asked != generation) {
            return;
        }
        workspaceNames.clear();
        answer.workspaces().forEach(workspace -> workspaceNames.put(workspace.id(), workspace.name()));
        results.clear();
        answer.quests().forEach(summary -> results.put(summary.id(), summary));
        order.reset(answer.quests());
        refill();
        searching.set(false);
        error.set(null);
        loaded.set(true);
    }

    private void fail(long asked, Throwable failure) {
        if (asked == generation) {
            searching.set(false);
            error.set("The board could not be loaded: " + failure.getMessage());
        }
    }

    private void applyChanges(Map<String, QuestChange> batch) {
        boolean requery = false;
        List<QuestSummary[]> moves = new ArrayList<>();
        for (QuestChange change : batch.values()) {
            QuestSummary before = results.get(change.questId());
            QuestSummary after = change instanceof QuestChange.Upserted upserted
                    && !upserted.summary().quest().archived() ? upserted.summary() : null;
            if (after != null && before == null && hasSearchText()) {
                requery = true; // a new or changed quest may or may not match the words: ask the store
                continue;
            }
            String workspaceId = after == null ? null : after.quest().workspaceId();
            if (workspaceId != null && !workspaceNames.containsKey(workspaceId)) {
                requery = true; // a workspace we have not named yet
            }
            if (after == null) {
                results.remove(change.questId());
            } else {
                results.put(after.id(), after);
            }
            order.update(before, after); // a card that keeps working keeps its place
            if (before != null && visible(before) && QuestLook.same(before, after)) {
                continue; // nothing on the card would change: no redraw (the newest summary is in results)
            }
            moves.add(new QuestSummary[] {visible(before) ? before : null, visible(after) ? after : null});
        }
        long between = moves.stream().filter(move -> move[0] == null || move[1] == null
                || move[0].status().column() != move[1].status().column()).count();
        if (between > MOVES_BEFORE_REFILL) {
            refill(); // many cards at once (a burst of quests finishing): one change per column, not one per card
        } else {
            moves.forEach(move -> columns.move(move[0], move[1]));
            refreshTabs();
        }
        if (requery) {
            debouncer.submit(this::reload);
        }
    }

    private boolean hasSearchText() {
        return searchText.get() != null && !searchText.get().isBlank();
    }

    private boolean visible(QuestSummary summary) {
        if (summary == null) {
            return false;
        }
        String filter = workspaceFilter.get();
        String workspaceId = summary.quest().workspaceId();
        return filter == null || (filter.isEmpty() ? workspaceId == null : filter.equals(workspaceId));
    }

    private void refill() {
        List<QuestSummary> shown = new ArrayList<>();
        for (QuestSummary summary : results.values()) {
            if (visible(summary)) {
                shown.add(summary);
            }
        }
        columns.fill(shown);
        refreshTabs();
        askProgress(shown);
    }

    /** Reads the work line of active quests not yet known, in the background (the journal keeps it current after). */
    private void askProgress(List<QuestSummary> shown) {
        List<String> wanted = shown.stream().filter(summary -> summary.status().column() != BoardColumn.COMPLETED)
                .map(QuestSummary::id).filter(progressAsked::add).toList();
        if (wanted.isEmpty()) {
            return;
        }
        tasks.run(() -> {
            Map<String, CardProgress> found = new HashMap<>();
            for (String id : wanted) {
                found.put(id, CardProgress.of(store.journal().readLast(id, PROGRESS_EVENTS)));
            }
            return found;
        }, found -> found.forEach((id, value) -> progress.merge(id, value, (live, read) -> live)),
                failure -> { }); // the cards simply show no work line
    }

    private void applySteps(List<dev.questbench.domain.event.JournalEntry> entries) {
        for (dev.questbench.domain.event.JournalEntry entry : entries) {
            progress.put(entry.questId(), progress.getOrDefault(entry.questId(), CardProgress.NONE).next(entry));
        }
    }

    private void refreshTabs() {
        Map<String, Integer> counts = new HashMap<>();
        int unbound = 0;
        for (QuestSummary summary : results.values()) {
            String id = summary.quest().workspaceId();
            if (id == null) {
                unbound++;
            } else {
                counts.merge(id, 1, Integer::sum);
            }
        }
        List<WorkspaceTab> next = new ArrayList<>();
        next.add(new WorkspaceTab(null, "All", results.size()));
        workspaceNames.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .forEach(entry -> next.add(new WorkspaceTab(entry.getKey(), entry.getValue(),
                        counts.getOrDefault(entry.getKey(), 0))));
        if (unbound > 0 || QuestQuery.NO_WORKSPACE.equals(workspaceFilter.get())) {
            next.add(new WorkspaceTab(QuestQuery.NO_WORKSPACE, "No workspace", unbound));
        }
        if (!next.equals(tabs)) {
            tabs.setAll(next);
        }
    }

    /** For tests: how many quests each column shows now. */
    Map<BoardColumn, Integer> columnSizes() {
        Map<BoardColumn, Integer> sizes = new EnumMap<>(BoardColumn.class);
        for (BoardColumn column : BoardColumn.values()) {
            sizes.put(column, column(column).size());
        }
        return sizes;
    }
}
