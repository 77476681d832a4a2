package dev.questbench.ui.quest;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.FxBatcher;
import dev.questbench.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected quest's journal as a conversation: the last page on open, then new entries live. Entries
 * that arrive while the page loads are held and merged by sequence number, so none is lost or doubled.
 * (A stand-in until the real transcript of issue 7: no paging back, no streaming deltas.)
 */
public final class ConversationViewModel implements AutoCloseable {
    static final int PAGE = 300;

    private final Store store;
    private final TaskRunner tasks;
    private final ObservableList<JournalEntry> entries = FXCollections.observableArrayList();
    // One read-only view, kept: a wrapper made per call would drop its listeners when collected.
    private final ObservableList<JournalEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper questId = new ReadOnlyStringWrapper(this, "questId");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final List<JournalEntry> heldWhileLoading = new ArrayList<>();
    private final FxBatcher<List<JournalEntry>, List<List<JournalEntry>>> live;
    private final Subscription subscription;
    private long generation;

    public ConversationViewModel(Store store, TaskRunner tasks, Executor fxExecutor) {
        this.store = store;
        this.tasks = tasks;
        this.live = FxBatcher.inOrder(fxExecutor, this::applyLive);
        this.subscription = store.journal().subscribe(live::offer);
    }

    // ---- properties ----------------------------------------------------------------------------

    public ObservableList<JournalEntry> entries() {
        return entriesView;
    }

    /** The quest shown, or null for none. */
    public ReadOnlyStringProperty questIdProperty() {
        return questId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Shows this quest's conversation (null: none). */
    public void show(String id) {
        if (Objects.equals(id, questId.get()) && id != null) {
            return;
        }
        long asked = ++generation;
        questId.set(id);
        entries.clear();
        heldWhileLoading.clear();
        if (id == null) {
            loading.set(false);
            return;
        }
        loading.set(true);
        tasks.run(() -> store.journal().readLast(id, PAGE), page -> loaded(asked, page), failure -> {
            if (asked == generation) {
                loading.set(false);
            }
        });
    }

    @Override
    public void close() {
        subscription.close();
        live.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void loaded(long asked, List<JournalEntry> page) {
        if (asked != generation) {
            return;
        }
        entries.setAll(page);
        loading.set(false);
        appendNewer(heldWhileLoading);
        heldWhileLoading.clear();
    }

    private void applyLive(List<List<JournalEntry>> batches) {
        String id = questId.get();
        if (id == null) {
            return;
        }
        List<JournalEntry> mine = new ArrayList<>();
        for (List<JournalEntry> batch : batches) {
            for (JournalEntry entry : batch) {
                if (id.equals(entry.questId())) {
                    mine.add(entry);
                }
            }
        }
        if (loading.get()) {
            heldWhileLoading.addAll(mine);
        } else {
            appendNewer(mine);
        }
    }

    /** Appends entries after the last one shown, in one list change. */
    private void appendNewer(List<JournalEntry> candidates) {
        long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        List<JournalEntry> newer = new ArrayList<>();
        for (JournalEntry entry : candidates) {
            if (entry.seq() > last) {
                newer.add(entry);
                last = entry.seq();
            }
        }
        if (!newer.isEmpty()) {
            entries.addAll(newer);
        }
    }
}
