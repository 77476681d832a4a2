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

    public QuestListViewModel(Store store, TaskRunner tasks, DialogService dialogs, Executor fxExecutor) {
        this.store = store;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.changes = FxBatcher.latestByKey(fxExecutor, QuestChange::questId, this::applyChanges);
        this.subscription = store.quests().subscribe(changes::offer);
    }

    // ---- properties ----------------------------------------------------------------------------

    /** Group headers and quest rows, in display order. */
    public ObservableList<QuestListRow> rows() {
        return rowsView;
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

    /** Every quest the list knows, most recent activity first (for the command palette). */
    public java.util.List<QuestSummary> summaries() {
        return quests.values().stream().filter(summary -> !summary.quest().archived())
                .sorted(QuestListRow.ORDER).toList();
    }

    /** Loads workspaces and quests in the background. */
    public void reload() {
        tasks.run(() -> new Snapshot(store.quests().list(QuestQuery.ALL.grouped()), store.workspaces().list()),
                snapshot -> {
                    workspaces.clear();
                    snapshot.workspaces().forEach(workspace -> workspaces.put(workspace.id(), workspace));
                    quests.clear();
                    snapshot.quests().forEach(summary -> quests.put(summary.id(), summary));
                    order.reset(snapshot.quests());
                    publish();
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
            if (change instanceof QuestChange.Upserted upserted && !upserted.summary().quest().archived()) {
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
        }
    }

    private void publish() {
        List<QuestListRow> next = QuestListRow.build(workspaces.values(), quests.values(), order.comparator());
        QuestListRow.patch(rows, next);
        attention.set((int) quests.values().stream().filter(QuestListViewModel::needsAttention).count());
    }
}
