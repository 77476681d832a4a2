package dev.questbench.engine;

import dev.questbench.agent.AgentBackend;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.SessionStatusIdle;
import dev.questbench.store.QuestChange;
import dev.questbench.store.Setting;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs quests in the background: an admission queue (pinned first, then FIFO) under a global concurrency
 * limit, turns of one quest never overlapping, every transition written to the journal as an event.
 * Thread-safe; all public methods return quickly and never run a turn on the caller's thread.
 */
public final class QuestExecutor implements AutoCloseable {
    public static final Setting<Integer> CONCURRENCY = AgentSettings.CONCURRENCY;
    /** Ready after a run longer than this raises a notification; short answers don't. */
    static final long LONG_RUN_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Logger LOG = Logger.getLogger(QuestExecutor.class.getName());

    private final Store store;
    private final Map<String, AgentBackend> backends = new HashMap<>();
    private final Notifier notifier;
    private final AdmissionQueue admission = new AdmissionQueue();
    private final Map<String, QuestRun> runs = new HashMap<>();
    private final List<TurnHook> hooks = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, QuestEvent>> liveListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService workers;
    private final TurnRunner turns;
    private Subscription questChanges;
    private int limit;
    private int runningCount;
    private boolean closed;
    private volatile WorkingDirectories directories;

    public QuestExecutor(Store store, List<? extends AgentBackend> backendList, Notifier notifier) {
        this.store = store;
        this.notifier = notifier == null ? Notifier.NONE : notifier;
        backendList.forEach(backend -> backends.put(backend.kind(), backend));
        this.limit = Math.max(1, store.settings().get(CONCURRENCY));
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "quest-worker-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.turns = new TurnRunner(store, this, this.notifier);
        this.directories = WorkingDirectories.workspaces(store);
    }

    /**
     * Recovers from the last run (quests that were mid-turn become Interrupted, Queued ones are admitted
     * again) and starts watching for quests other parts of the app queue.
     */
    public void start() {
        Recovery.run(store, this);
        questChanges = store.quests().subscribe(this::onQuestChange);
    }

    // ---- commands ---------------------------------------------------------------------------------

    /** Creates a quest and sends its prompt as the first message. */
    public QuestSummary create(Quest quest) {
        store.quests().create(quest);
        send(quest.id(), quest.prompt());
        return store.quests().summary(quest.id()).orElseThrow();
    }

    /**
     * Sends a message: starts a turn, or, while a turn runs or waits for approval, queues it as a bubble that
     * is delivered when the round ends.
     */
    public synchronized void send(String questId, String text) {
        send(questId, ContentBlock.textList(text));
    }

    /** Sends a message of several blocks (the text, then attached files), as {@link #send(String, String)}. */
    public synchronized void send(String questId, List<ContentBlock> content) {
        requireOpen();
        QuestRun run = run(questId);
        QuestStatus status = status(questId);
        if (run.busy || status == QuestStatus.ACTION_REQUIRED) {
            QueuedMessages.enqueue(store, questId, content);
            return;
        }
        JournalEntry message = store.journal().append(questId, new QuestEvent.UserMessage(content));
        admit(run, Work.send(message));
    }

    public synchronized void editQueued(String questId, String queueId, String text) {
        QueuedMessages.edit(store, questId, queueId, ContentBlock.textList(text));
    }

    public synchronized void removeQueued(String questId, String queueId) {
        QueuedMessages.edit(store, questId, queueId, null);
    }

    /** Messages waiting for the current round to end, oldest first. */
    public List<QueuedMessages.Queued> queuedMessages(String questId) {
        return QueuedMessages.pending(store, questId);
    }

    /** Pause: a running turn stops before its next model call or tool; a queued one leaves the queue. */
    public synchronized boolean pause(String questId) {
        QuestRun run = run(questId);
        if (run.running) {
            run.pauseRequested = true;
            return true;
        }
        if (admission.remove(questId)) {
            run.busy = false;
            store.journal().append(questId, new QuestEvent.Paused());
            return true;
        }
        return false;
    }

    /** Resume a Paused or Interrupted quest from where it stopped. */
    public synchronized boolean resume(String questId) {
        QuestStatus status = status(questId);
        QuestRun run = run(questId);
        if (run.busy || (status != QuestStatus.PAUSED && status != QuestStatus.INTERRUPTED)) {
            return false;
        }
        store.journal().append(questId, new QuestEvent.Resumed());
        admit(run, new Work.Resume());
        return true;
    }

    /** Retry after Error: runs the failed turn again. */
    public synchronized boolean retry(String questId) {
        QuestRun run = run(questId);
        if (run.busy || status(questId) != QuestStatus.ERROR) {
            return false;
        }
        store.journal().append(questId, new QuestEvent.Resumed());
        admit(run, new Work.Resume());
        return true;
    }

    /** Stop: cancels the running turn now (child processes die), or takes a waiting quest out; it ends Ready. */
    public synchronized boolean stop(String questId) {
        QuestRun run = run(questId);
        if (run.running) {
            run.stopRequested = true;
            AgentSession session = run.session;
            if (session != null) { // null: admitted, but its worker has not opened the session yet
                workers.execute(session::cancel);
            }
            return true;
        }
        QuestStatus status = status(questId);
        boolean waiting = admission.remove(questId) || status == QuestStatus.ACTION_REQUIRED
                || status == QuestStatus.PAUSED || status == QuestStatus.INTERRUPTED || status == QuestStatus.QUEUED;
        if (!waiting) {
            return false;
        }
        run.busy = false;
        run.clearPending();
        if (run.session != null) {
            run.session.cancel();
        }
        store.journal().append(questId, SessionStatusIdle.stopped());
        deliverQueued(run);
        return true;
    }

    /** Records the user's answer to a pending tool use; the turn continues once every pending one is answered. */
    public synchronized void confirm(String questId, ToolConfirmation answer) {
        QuestRun run = run(questId);
        if (run.pending.isEmpty()) {
            PendingActions.load(store, questId, run);
        }
        if (!run.pending.contains(answer.toolUseEventId()) || run.answers.containsKey(answer.toolUseEventId())) {
            throw new IllegalStateException("Nothing waits for an answer to " + answer.toolUseEventId()
                    + " in this quest: it was answered already, or the turn was stopped.");
        }
        store.journal().append(questId, new QuestEvent.UserToolConfirmation(answer.toolUseEventId(),
                answer.decision(), answer.denyMessage(), answer.alwaysForQuest(), answer.answer()));
        run.answers.put(answer.toolUseEventId(), answer);
        List<ToolConfirmation> all = run.completeAnswers();
        if (all != null) {
            run.clearPending();
            admit(run, new Work.Confirm(all));
        }
    }

    /** A new quest with this one's settings and its transcript up to and including the given event. */
    public Quest fork(String questId, String upToEventId) {
        return Forks.fork(store, questId, upToEventId);
    }

    public void archive(String questId, boolean archived) {
        Quest quest = store.quests().get(questId).orElseThrow();
        if (archived) {
            stop(questId);
        }
        store.quests().update(quest.withArchived(archived, java.time.Instant.now()));
    }

    /** Deletes the quest and its journal, stopping it first. Files in the workspace are untouched. */
    public void delete(String questId) {
        AgentSession session;
        synchronized (this) {
            stop(questId);
            QuestRun run = runs.remove(questId);
            session = run == null ? null : run.session;
        }
        if (session != null) {
            session.close();
        }
        store.quests().delete(questId);
    }

    /**
     * Closes an idle quest's agent session so the next turn opens a fresh one (after its folder moved, e.g.
     * Move to local). Refused while a turn runs or waits in the queue.
     */
    public void reopenSession(String questId) {
        AgentSession session;
        synchronized (this) {
            QuestRun run = runs.get(questId);
            if (run == null) {
                return;
            }
            if (run.busy) {
                throw new IllegalStateException("The quest is running; stop it or wait for its turn to end first.");
            }
            session = run.session;
            run.session = null;
        }
        if (session != null) {
            session.close();
        }
    }

    /** Changes the global concurrency limit now and for later starts. */
    public synchronized void setConcurrencyLimit(int newLimit) {
        limit = Math.max(1, newLimit);
        store.settings().set(CONCURRENCY, limit);
        dispatch();
    }

    public synchronized int concurrencyLimit() {
        return limit;
    }

    public synchronized int runningCount() {
        return runningCount;
    }

    /** Quest ids waiting for a worker, in the order they will start. */
    public synchronized List<String> admissionOrder() {
        return admission.order();
    }

    public void addTurnHook(TurnHook hook) {
        hooks.add(hook);
    }

    /** Streaming deltas (not journaled) as they arrive, on the worker thread: hand off quickly. */
    public Subscription subscribeLive(BiConsumer<String, QuestEvent> listener) {
        liveListeners.add(listener);
        return () -> liveListeners.remove(listener);
    }

    /**
     * Starts the next round of a quest with a message the workbench writes itself (goal loop, spec Build).
     * Ignored while a turn is admitted or running.
     */
    public synchronized boolean continueWith(String questId, String text) {
        QuestRun run = run(questId);
        if (run.busy || closed) {
            return false;
        }
        run.clearPending();
        JournalEntry message = store.journal().append(questId, QuestEvent.UserMessage.text(text));
        admit(run, Work.send(message));
        return true;
    }

    /**
     * Stops taking work. Running turns are cancelled and marked Interrupted, so the next start offers Resume;
     * queued ones stay Queued and are admitted again then.
     */
    @Override
    public void close() {
        List<QuestRun> active = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (QuestRun run : runs.values()) {
                if (run.running) {
                    active.add(run);
                    run.stopRequested = true;
                }
            }
        }
        if (questChanges != null) {
            questChanges.close();
        }
        for (QuestRun run : active) {
            if (run.session != null) { // admitted, but its worker has not opened the session yet
                run.session.cancel();
            }
        }
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (QuestRun run : active) {
            store.journal().append(run.questId,
                    new QuestEvent.Interrupted("Questbench was closed while this quest was running."));
        }
        synchronized (this) {
            runs.values().forEach(run -> {
                if (run.session != null) {
                    run.session.close();
                }
            });
        }
    }

    // ---- internals used by TurnRunner, Recovery ------------------------------------------------------

    /** Decides where quests work (Local or their worktree); by default the workspace folder. */
    public void setWorkingDirectories(WorkingDirectories directories) {
        this.directories = java.util.Objects.requireNonNull(directories, "directories");
    }

    WorkingDirectories workingDirectories() {
        return directories;
    }

    AgentBackend backend(String kind) {
        int colon = kind.indexOf(':');
        return backends.get(colon < 0 ? kind : kind.substring(0, colon));
    }

    void publishLive(String questId, QuestEvent delta) {
        for (BiConsumer<String, QuestEvent> listener : liveListeners) {
            try {
                listener.accept(questId, delta);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "live listener failed", e);
            }
        }
    }

    dev.questbench.agent.UserInput applySendHooks(String questId, dev.questbench.agent.UserInput input) {
        dev.questbench.agent.UserInput current = input;
        for (TurnHook hook : hooks) {
            current = hook.beforeSend(questId, current);
        }
        return current;
    }

    TurnResult applyYieldHooks(String questId, TurnResult result) {
        TurnResult current = result;
        for (TurnHook hook : hooks) {
            try {
                current = hook.onYield(questId, current);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "turn hook failed for " + questId, e);
            }
        }
        return current;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized void admit(String questId, Work work) {
        admit(run(questId), work);
    }

    /**
     * Called by the worker when a turn yields: writes the turn's end and frees the slot in one step (so a
     * command that sees the new status also finds the quest idle), runs the hooks, starts what waits.
     */
    void turnEnded(QuestRun run, TurnResult result, Runnable writeEnd) {
        synchronized (this) {
            try {
                writeEnd.run();
            } finally {
                runningCount--;
                run.running = false;
                run.busy = admission.contains(run.questId);
            }
        }
        boolean hookTookOver = false;
        if (!isClosed()) {
            for (TurnHook hook : hooks) {
                try {
                    hookTookOver |= hook.afterTurn(run.questId, result, this);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "turn hook failed for " + run.questId, e);
                }
            }
        }
        synchronized (this) {
            if (!closed && !run.busy && !hookTookOver
                    && (result instanceof TurnResult.EndTurn || result instanceof TurnResult.Stopped)) {
                deliverQueued(run);
            }
            dispatch();
        }
    }

    synchronized void rememberPending(QuestRun run, List<String> eventIds) {
        run.clearPending();
        run.pending.addAll(eventIds);
    }

    // ---- admission ----------------------------------------------------------------------------------

    private void admit(QuestRun run, Work work) {
        requireOpen();
        run.busy = true;
        boolean pinned = store.quests().get(run.questId).map(Quest::pinned).orElse(false);
        admission.add(run.questId, pinned, work);
        dispatch();
    }

    private void dispatch() {
        while (!closed && runningCount < limit && !admission.isEmpty()) {
            AdmissionQueue.Ticket ticket = admission.poll();
            QuestRun run = run(ticket.questId());
            runningCount++;
            run.running = true;
            run.clearRequests();
            workers.execute(() -> turns.run(run, ticket.work()));
        }
    }

    private void deliverQueued(QuestRun run) {
        List<QueuedMessages.Queued> waiting = QueuedMessages.pending(store, run.questId);
        if (waiting.isEmpty()) {
            return;
        }
        QueuedMessages.Queued next = waiting.get(0);
        store.journal().append(run.questId, new QuestEvent.QueuedMessageDelivered(next.queueId()));
        JournalEntry message = store.journal().append(run.questId, new QuestEvent.UserMessage(next.content()));
        admit(run, Work.send(message));
    }

    private void onQuestChange(QuestChange change) {
        // Quests queued by other parts of the app (New Quest dialog, HTTP server) are picked up here.
        if (change instanceof QuestChange.Upserted upserted && upserted.summary().status() == QuestStatus.QUEUED) {
            synchronized (this) {
                QuestRun run = run(change.questId());
                if (!closed && !run.busy && status(change.questId()) == QuestStatus.QUEUED) {
                    Work work = Recovery.pendingWork(store, change.questId());
                    if (work != null) {
                        admit(run, work);
                    }
                }
            }
        } else if (change instanceof QuestChange.Deleted) {
            synchronized (this) {
                admission.remove(change.questId());
            }
        }
    }

    private QuestRun run(String questId) {
        return runs.computeIfAbsent(questId, QuestRun::new);
    }

    private QuestStatus status(String questId) {
        return store.quests().summary(questId).map(QuestSummary::status)
                .orElseThrow(() -> new IllegalArgumentException("No quest " + questId));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The executor is closed");
        }
    }
}
