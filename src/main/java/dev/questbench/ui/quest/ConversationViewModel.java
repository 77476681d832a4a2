package dev.questbench.ui.quest;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected quest's journal as conversation rows: the last page on open, then new entries live, with cards
 * (approvals, errors, interruptions, specs) that know whether they still wait for the user. Entries that
 * arrive while the page loads are held and merged by sequence number, so none is lost or doubled.
 * (No paging back and no streaming deltas yet: the full transcript is a later issue.)
 */
public final class ConversationViewModel implements AutoCloseable {
    static final int PAGE = 300;

    private final Store store;
    private final TaskRunner tasks;
    private final ObservableList<TranscriptRow> rows = FXCollections.observableArrayList();
    // One read-only view, kept: a wrapper made per call would drop its listeners when collected.
    private final ObservableList<TranscriptRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Transcript transcript = new Transcript(rows);
    private final ReadOnlyStringWrapper questId = new ReadOnlyStringWrapper(this, "questId");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<QuestStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final List<JournalEntry> heldWhileLoading = new ArrayList<>();
    private final FxBatcher<List<JournalEntry>, List<List<JournalEntry>>> live;
    private final Subscription subscription;
    private volatile String watched;
    private long generation;

    public ConversationViewModel(Store store, TaskRunner tasks, Executor fxExecutor) {
        this.store = store;
        this.tasks = tasks;
        this.live = FxBatcher.inOrder(fxExecutor, this::applyLive);
        this.subscription = store.journal().subscribe(this::offer);
    }

    // ---- properties ----------------------------------------------------------------------------

    public ObservableList<TranscriptRow> rows() {
        return rowsView;
    }

    /** The quest shown, or null for none. */
    public ReadOnlyStringProperty questIdProperty() {
        return questId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The quest's status as of the last row shown (null while nothing is shown). */
    public ReadOnlyObjectProperty<QuestStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Shows this quest's conversation (null: none). */
    public void show(String id) {
        if (Objects.equals(id, questId.get()) && id != null) {
            return;
        }
        long asked = ++generation;
        questId.set(id);
        watched = id;
        transcript.clear();
        heldWhileLoading.clear();
        status.set(null);
        if (id == null) {
            loading.set(false);
            return;
        }
        loading.set(true);
        tasks.run(() -> load(id), page -> loaded(asked, page), failure -> {
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

    /** A page of the journal and the status the quest had once the summary's last event was in. */
    private record Page(List<JournalEntry> entries, QuestStatus status, long statusSeq) {
    }

    private Page load(String id) {
        // The summary first: entries after its last event are folded into the status, none is counted twice.
        QuestSummary summary = store.quests().summary(id).orElse(null);
        List<JournalEntry> entries = store.journal().readLast(id, PAGE);
        return summary == null ? new Page(entries, QuestStatus.INITIAL, 0)
                : new Page(entries, summary.status(), summary.eventCount());
    }

    private void offer(List<JournalEntry> batch) {
        String id = watched;
        // Only this quest's entries cross to the FX thread: with many quests running, the rest is most of it.
        for (JournalEntry entry : batch) {
            if (entry.questId().equals(id)) {
                live.offer(batch);
                return;
            }
        }
    }

    private void loaded(long asked, Page page) {
        if (asked != generation) {
            return;
        }
        transcript.reset(page.entries(), page.status(), page.statusSeq());
        loading.set(false);
        transcript.append(heldWhileLoading);
        heldWhileLoading.clear();
        status.set(transcript.status());
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
        } else if (!mine.isEmpty()) {
            transcript.append(mine);
            status.set(transcript.status());
        }
    }
}
