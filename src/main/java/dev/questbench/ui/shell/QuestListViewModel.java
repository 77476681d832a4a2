package dev.questbench.ui.shell;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.store.QuestChange;
import dev.questbench.store.QuestQuery;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.FxBatcher;
import dev.questbench.ui.common.StableOrder;
import dev.questbench.ui.common.TaskRunner;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The left column: every workspace with its quests, pinned first then most recent, plus quests bound to
 * no workspace. Live changes arrive through a batcher; the row list is patched, not replaced.
 */
public final class QuestListViewModel implements AutoCloseable {
    private final Store store;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Map<String, QuestSummary> quests = new HashMap<>();
    private final Map<String, Workspace> workspaces = new HashMap<>();
    private final ObservableList<QuestListRow> rows = FXCollections.observableArrayList();
    // One read-only view, kept: a wrapper made per call would drop its listeners when collected.
    private final ObservableList<QuestListRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final StableOrder order = new StableOrder();
    private final ReadOnlyIntegerWrapper attention = new ReadOnlyIntegerWrapper(this, "attention");
    private final FxBatcher<QuestChange, Map<String, QuestChange>> changes;
    private final Subscription subscription;
    private Consumer<QuestSummary> onFinishedUnseen = summary -> { };
    private final javafx.beans.property.ObjectProperty<QuestListFilter> filter =
            new javafx.beans.property.SimpleObjectProperty<>(this, "filter", QuestListFilter.DEFAULT);
    private final javafx.beans.property.StringProperty searchText =
            new javafx.beans.property.SimpleStringProperty(this, "searchText", "");
    private final javafx.collections.ObservableMap<String, String> snippets =
            javafx.collections.FXCollections.observableHashMap();
    private long searchGeneration;
    private static final long SCHEDULES_EVERY_NANOS = 30_000_000_000L;
    private long scheduledReadAt;
    private final javafx.collections.ObservableSet<String> scheduled = javafx.collections.FXCollections.observableSet();
    // kept views: a wrapper made per call would drop its listeners when collected
    private final javafx.collections.ObservableSet<String> scheduledView =
            javafx.collections.FXCollections.unmodifiableObservableSet(scheduled);
    private final javafx.collections.ObservableMap<String, String> snippetsView =
            javafx.collections.FXCollections.unmodifiableObservableMap(snippets);

    public QuestListViewModel(Store store, TaskRunner tasks, DialogService dialogs, Executor fxExecutor) {
        this.store = store;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.changes = FxBatcher.latestByKey(fxExecutor, QuestChange::questId, this::applyChanges);
        this.subscription = store.quests().subscribe(changes::offer);
        filter.addListener((observable, before, after) -> publish());
        searchText.addListener((observable, before, after) -> search());
    }

    // ---- properties ----------------------------------------------------------------------------

    /** Group headers and quest rows, in display order. */
    public ObservableList<QuestListRow> rows() {
        return rowsView;
    }

    /** Grouping, order and filters; set a new one to change the list (the search's matches are kept). */
    public javafx.beans.property.ObjectProperty<QuestListFilter> filterProperty() {
        return filter;
    }

    /** Words to find in titles and messages; blank shows every quest. */
    public javafx.beans.property.StringProperty searchTextProperty() {
        return searchText;
    }

    /** For quests the search found in a message rather than the title: the words around the match. */
    public javafx.collections.ObservableMap<String, String> snippets() {
        return snippetsView;
    }

    /** How many quests need the user: Action Required, Error, Interrupted, or Ready and not opened since. */
    public ReadOnlyIntegerProperty attentionProperty() {
        return attention.getReadOnlyProperty();
    }

    /** Whether a quest counts towards {@link #attentionProperty()}. */
    public static boolean needsAttention(QuestSummary summary) {
        return switch (summary.status()) {
            case ACTION_REQUIRED, ERROR, INTERRUPTED -> true;
            case READY -> !summary.quest().read();
            default -> false;
        };
    }

    /** Called with a quest whose turn just ended Ready (it was doing something, and is still marked read). */
    public void setOnFinishedUnseen(Consumer<QuestSummary> handler) {
        onFinishedUnseen = handler == null ? summary -> { } : handler;
    }

    /** The quest's current summary, if the list knows it. */
    public QuestSummary summary(String questId) {
        return quests.get(questId);
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Quests with an enabled schedule that will continue them (the list shows a clock on them). */
    public javafx.collections.ObservableSet<String> scheduled() {
        return scheduledView;
    }

    /** Back to grouping by workspace, most recent first, every status, no search. */
    public void reset() {
        searchText.set("");
        filter.set(QuestListFilter.DEFAULT);
    }

    /** Finds the quest's latest event in the background, then forks there with {@code forkAt(questId, eventId)}. */
    public void fork(String questId, java.util.function.BiConsumer<String, String> forkAt) {
        tasks.run(() -> {
            List<dev.questbench.domain.event.JournalEntry> last = store.journal().readLast(questId, 1);
            if (last.isEmpty()) {
                throw new IllegalStateException("This quest has no conversation to fork yet.");
            }
            return last.get(0).id();
        }, eventId -> forkAt.accept(questId, eventId), failure -> dialogs.showError("Forking failed",
                failure.getMessage()));
    }

    /** Opens the quest's workspace folder in the system's file manager. */
    public void openFolder(String questId) {
        QuestSummary summary = quests.get(questId);
        Workspace workspace = summary == null || summary.quest().workspaceId() == null ? null
                : workspaces.get(summary.quest().workspaceId());
        if (workspace == null) {
            dialogs.showError("No folder", "This quest is not bound to a workspace folder.");
            return;
        }
        java.io.File folder = new java.io.File(workspace.path());
        tasks.run(() -> {
            if (!folder.isDirectory()) {
                throw new IllegalStateException(folder + " no longer exists. Open the workspace again from its new "
                        + "place with File ▸ Open Workspace.");
            }
            if (!java.awt.Desktop.isDesktopSupported()
                    || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                throw new IllegalStateException("This desktop has no file manager Questbench can open. The folder "
                        + "is " + folder + ".");
            }
            java.awt.Desktop.getDesktop().open(folder);
            return null;
        }, ignored -> { }, failure -> dialogs.showError("The folder could not be opened", failure.getMessage()));
    }

    /** Writes the quest's conversation as Markdown to a file the user picks. */
    public void exportMarkdown(String questId) {
        QuestSummary summary = quests.get(questId);
        if (summary == null) {
            return;
        }
        String name = ConversationMarkdown.fileName(summary.quest().title());
        dialogs.chooseSaveFile("Export conversation", null, name).ifPresent(file -> tasks.run(() -> {
            java.nio.file.Files.writeString(file, ConversationMarkdown.of(summary.quest(),
                    store.journal().readByType(questId, ConversationMarkdown.TYPES, 0)));
            return file;
        }, written -> dialogs.showInfo("Exported", "Saved the conversation to " + written + "."),
                failure -> dialogs.showError("Export failed", failure.getMessage())));
    }

    /** Every quest the list knows, most recent activity first (for the command palette). */
    public java.util.List<QuestSummary> summaries() {
        return quests.values().stream().filter(summary -> !summary.quest().archived())
                .sorted(QuestListRow.ORDER).toList();
    }

    /** Loads workspaces and quests in the background. */
    public void reload() {
        QuestQuery everything = new QuestQuery(null, java.util.Set.of(), null, true,
                dev.questbench.store.QuestSort.RECENT_ACTIVITY, true, 0);
        tasks.run(() -> new Snapshot(store.quests().list(everything), store.workspaces().list()),
                snapshot -> {
                    workspaces.clear();
                    snapshot.workspaces().forEach(workspace -> workspaces.put(workspace.id(), workspace));
                    quests.clear();
                    snapshot.quests().forEach(summary -> quests.put(summary.id(), summary));
                    order.reset(snapshot.quests());
                    publish();
                    refreshScheduled();
                }, failure -> dialogs.showError("Quests could not be loaded", failure.getMessage()));
    }

    /** Shows a workspace the user just opened, even before it has quests. */
    public void addWorkspace(Workspace workspace) {
        workspaces.put(workspace.id(), workspace);
        publish();
    }

    public void setPinned(String questId, boolean pinned) {
        change(questId, quest -> quest.withPinned(pinned, Instant.now()), "Pinning failed");
    }

    public void rename(String questId) {
        QuestSummary summary = quests.get(questId);
        if (summary != null) {
            dialogs.askText("Rename quest", "Title", summary.quest().title()).ifPresent(title ->
                    change(questId, quest -> quest.withTitle(title, Instant.now()), "Renaming failed"));
        }
    }

    @Override
    public void close() {
        subscription.close();
        changes.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Snapshot(List<QuestSummary> quests, List<Workspace> workspaces) {
    }

    private void change(String questId, UnaryOperator<Quest> edit, String failureTitle) {
        tasks.run(() -> store.quests().get(questId).map(edit).map(store.quests()::update).orElse(null),
                updated -> { }, failure -> dialogs.showError(failureTitle, failure.getMessage()));
    }

    private void applyChanges(Map<String, QuestChange> batch) {
        boolean unknownWorkspace = false;
        for (QuestChange change : batch.values()) {
            if (change instanceof QuestChange.Upserted upserted) {
                QuestSummary summary = upserted.summary();
                QuestSummary before = quests.put(summary.id(), summary);
                order.update(before, summary); // a quest that keeps working keeps its row
                if (before != null && before.status() != QuestStatus.READY && summary.status() == QuestStatus.READY
                        && summary.quest().read()) {
                    onFinishedUnseen.accept(summary);
                }
                String workspaceId = summary.quest().workspaceId();
                unknownWorkspace |= workspaceId != null && !workspaces.containsKey(workspaceId);
            } else {
                order.update(quests.remove(change.questId()), null);
            }
        }
        if (unknownWorkspace) {
            reload();
        } else {
            publish();
            // running quests change many times a second: the schedule clocks need not follow that closely
            if (System.nanoTime() - scheduledReadAt > SCHEDULES_EVERY_NANOS) {
                refreshScheduled();
            }
        }
    }

    private void publish() {
        QuestListFilter view = filter.get();
        List<QuestSummary> shown = quests.values().stream().filter(view::shows).toList();
        java.util.Comparator<QuestSummary> within = view.order(order.comparator());
        List<QuestListRow> next = switch (view.grouping()) {
            case WORKSPACE -> QuestListRow.build(view.narrowed() ? List.of() : workspaces.values(), shown, within);
            case STATUS -> QuestListRow.sections(shown, within, true);
            case NONE -> QuestListRow.sections(shown, within, false);
        };
        if (view.grouping() == QuestListFilter.Grouping.WORKSPACE && view.narrowed()) {
            // narrowed: only workspaces with a quest that shows get a heading
            java.util.Set<String> used = new java.util.HashSet<>();
            shown.forEach(q -> used.add(q.quest().workspaceId()));
            next = QuestListRow.build(workspaces.values().stream().filter(w -> used.contains(w.id())).toList(),
                    shown, within);
        }
        QuestListRow.patch(rows, next);
        attention.set((int) quests.values().stream().filter(q -> !q.quest().archived())
                .filter(QuestListViewModel::needsAttention).count());
    }

    /** Reads which quests have a pending schedule, in the background. */
    private void refreshScheduled() {
        scheduledReadAt = System.nanoTime();
        tasks.run(() -> store.schedules().list().stream()
                .filter(schedule -> schedule.enabled() && schedule.continueQuestId() != null)
                .map(dev.questbench.domain.schedule.Schedule::continueQuestId)
                .collect(java.util.stream.Collectors.toSet()), ids -> {
                    scheduled.retainAll(ids);
                    scheduled.addAll(ids);
                }, failure -> { }); // the clock is a hint; the Schedules page is the truth
    }

    /** Runs the text search in the background; a result older than the latest request is dropped. */
    private void search() {
        String words = searchText.get() == null ? "" : searchText.get().strip();
        long asked = ++searchGeneration;
        if (words.isEmpty()) {
            snippets.clear();
            filter.set(filter.get().withMatches(null));
            return;
        }
        tasks.run(() -> {
            QuestQuery query = new QuestQuery(null, java.util.Set.of(), words, true,
                    dev.questbench.store.QuestSort.RECENT_ACTIVITY, false, 200);
            Map<String, String> found = new java.util.LinkedHashMap<>();
            for (QuestSummary match : store.quests().list(query)) {
                found.put(match.id(), ConversationMarkdown.snippet(match.quest().title(), words,
                        () -> store.journal().readByType(match.id(), ConversationMarkdown.TYPES, 200)));
            }
            return found;
        }, found -> {
            if (asked == searchGeneration) {
                snippets.clear();
                found.forEach((id, snippet) -> {
                    if (snippet != null) {
                        snippets.put(id, snippet);
                    }
                });
                filter.set(filter.get().withMatches(found.keySet()));
            }
        }, failure -> dialogs.showError("Search failed", failure.getMessage()));
    }
}
