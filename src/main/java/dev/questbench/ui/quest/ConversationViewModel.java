package dev.questbench.ui.quest;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.FxBatcher;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.markdown.LinkOpener;
import dev.questbench.ui.markdown.MarkdownCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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
 * (approvals, questions, errors, interruptions, specs) that know whether they still wait for the user, tool steps
 * that follow their output, and the agent's message as the model streams it. Journal entries and live pieces
 * reach the FX thread through one batcher, in arrival order, at most once per pulse; what arrives while the page
 * loads is held and merged by sequence number, so nothing is lost or doubled.
 * (No paging back yet: the full transcript is a later issue.)
 */
public final class ConversationViewModel implements AutoCloseable {
    static final int PAGE = 300;
    /** Parsed agent messages kept: a page and then some, so scrolling back and forth never parses again. */
    private static final int PARSED = 2_000;
    /** Entries whose Markdown is parsed before the page is shown (more than a screen of rows). */
    private static final int FIRST_SCREEN = 60;

    private final Store store;
    private final TaskRunner tasks;
    private final ObservableList<TranscriptRow> rows = FXCollections.observableArrayList();
    // One read-only view, kept: a wrapper made per call would drop its listeners when collected.
    private final ObservableList<TranscriptRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Transcript transcript = new Transcript(rows);
    private final ReadOnlyStringWrapper questId = new ReadOnlyStringWrapper(this, "questId");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<QuestStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyBooleanWrapper stepsExpanded = new ReadOnlyBooleanWrapper(this, "stepsExpanded");
    private final MarkdownCache markdown = new MarkdownCache(PARSED);
    private Consumer<String> openLink = new LinkOpener();
    private final List<Transcript.Item> heldWhileLoading = new ArrayList<>();
    private final FxBatcher<Fed, List<Fed>> feed;
    private final Subscription journal;
    private final Subscription live;
    private volatile String watched;
    private long generation;

    /** Without an executor: journal entries only, no streaming text or live tool output. */
    public ConversationViewModel(Store store, TaskRunner tasks, Executor fxExecutor) {
        this(store, null, tasks, fxExecutor);
    }

    /** @param executor streams the agent's text and running tools' output as they come (null: none) */
    public ConversationViewModel(Store store, QuestExecutor executor, TaskRunner tasks, Executor fxExecutor) {
        this.store = store;
        this.tasks = tasks;
        this.feed = FxBatcher.inOrder(fxExecutor, this::apply);
        this.journal = store.journal().subscribe(this::offer);
        this.live = executor == null ? () -> { } : executor.subscribeLive(this::offerLive);
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

    /** Whether tool steps start expanded ({@link ConversationSettings#TOOL_STEPS_EXPANDED}). */
    public ReadOnlyBooleanProperty stepsExpandedProperty() {
        return stepsExpanded.getReadOnlyProperty();
    }

    /** The agent's messages parsed as Markdown, filled off the FX thread as pages load and messages land. */
    public MarkdownCache markdown() {
        return markdown;
    }

    /** What a click on a link in a message does (the system browser unless replaced). */
    public Consumer<String> linkOpener() {
        return openLink;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Replaces what a click on a link does (tests and windows without a browser). */
    public void setOnOpenLink(Consumer<String> opener) {
        openLink = Objects.requireNonNull(opener, "opener");
    }

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
        tasks.run(() -> load(id), page -> loaded(asked, id, page), failure -> {
            if (asked == generation) {
                loading.set(false);
            }
        });
    }

    /** Opens or closes a tool step, hook line or compacted divider. */
    public void toggleExpanded(String entryId) {
        transcript.toggle(entryId);
    }

    /** Whether tool steps start expanded, remembered for next time. */
    public void setStepsExpanded(boolean expanded) {
        stepsExpanded.set(expanded);
        transcript.setStepsExpanded(expanded);
        tasks.run(() -> store.settings().set(ConversationSettings.TOOL_STEPS_EXPANDED, expanded), failure -> { });
    }

    @Override
    public void close() {
        journal.close();
        live.close();
        feed.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** What crosses to the FX thread: journal batches (any quest) or a live piece of quest {@code questId}. */
    private record Fed(String questId, Transcript.Item item) {
    }

    /** A page of the journal, the status the quest had once the summary's last event was in, and the setting. */
    private record Page(List<JournalEntry> entries, QuestStatus status, long statusSeq, boolean stepsExpanded) {
    }

    private Page load(String id) {
        boolean expanded = Boolean.TRUE.equals(store.settings().get(ConversationSettings.TOOL_STEPS_EXPANDED));
        // The summary first: entries after its last event are folded into the status, none is counted twice.
        QuestSummary summary = store.quests().summary(id).orElse(null);
        List<JournalEntry> entries = store.journal().readLast(id, PAGE);
        // The newest entries are on screen first: parse those now, the rest once the page is shown.
        entries.subList(Math.max(0, entries.size() - FIRST_SCREEN), entries.size()).forEach(this::warm);
        return summary == null ? new Page(entries, QuestStatus.INITIAL, 0, expanded)
                : new Page(entries, summary.status(), summary.eventCount(), expanded);
    }

    private void offer(List<JournalEntry> batch) {
        String id = watched;
        // Only this quest's entries cross to the FX thread: with many quests running, the rest is most of it.
        for (JournalEntry entry : batch) {
            if (entry.questId().equals(id)) {
                batch.stream().filter(mine -> mine.questId().equals(id)).forEach(this::warm);
                feed.offer(new Fed(null, new Transcript.Journaled(batch)));
                return;
            }
        }
    }

    /** Off the FX thread: parses an agent message's Markdown so its cell only builds nodes. */
    private void warm(JournalEntry entry) {
        if (entry.event() instanceof QuestEvent.AgentMessage message) {
            markdown.warm(entry.id(), dev.questbench.domain.event.ContentBlock.plainText(message.content()));
        }
    }

    /** On the agent's thread: only the shown quest's text and tool output cross, merged per pulse. */
    private void offerLive(String quest, QuestEvent event) {
        if (quest.equals(watched) && (event instanceof QuestEvent.AgentContentBlockDelta
                || event instanceof QuestEvent.ToolProgress)) {
            feed.offer(new Fed(quest, new Transcript.Live(event)));
        }
    }

    private void loaded(long asked, String id, Page page) {
        if (asked != generation) {
            return;
        }
        stepsExpanded.set(page.stepsExpanded());
        transcript.setStepsExpanded(page.stepsExpanded());
        transcript.reset(id, page.entries(), page.status(), page.statusSeq());
        loading.set(false);
        List<JournalEntry> older = page.entries().subList(0, Math.max(0, page.entries().size() - FIRST_SCREEN));
        tasks.run(() -> older.forEach(this::warm), failure -> { });
        transcript.apply(heldWhileLoading);
        heldWhileLoading.clear();
        status.set(transcript.status());
    }

    private void apply(List<Fed> batch) {
        String id = questId.get();
        if (id == null) {
            return;
        }
        List<Transcript.Item> mine = new ArrayList<>();
        for (Fed fed : batch) {
            if (fed.item() instanceof Transcript.Journaled journaled) {
                List<JournalEntry> entries = journaled.entries().stream()
                        .filter(entry -> id.equals(entry.questId())).toList();
                if (!entries.isEmpty()) {
                    mine.add(new Transcript.Journaled(entries));
                }
            } else if (id.equals(fed.questId())) {
                mine.add(fed.item());
            }
        }
        if (mine.isEmpty()) {
            return;
        }
        if (loading.get()) {
            for (Transcript.Item item : mine) {
                // A running tool's pieces are journaled within half a second; held, they would show twice.
                if (!(item instanceof Transcript.Live piece && piece.event() instanceof QuestEvent.ToolProgress)) {
                    heldWhileLoading.add(item);
                }
            }
        } else {
            transcript.apply(mine);
            status.set(transcript.status());
        }
    }
}
