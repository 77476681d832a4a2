package dev.questbench.engine;

import dev.questbench.agent.AgentBackend;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.EventSink;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.SessionStatusIdle;
import dev.questbench.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs one admitted piece of work on a worker thread and writes how the turn yielded. */
final class TurnRunner {
    private static final Logger LOG = Logger.getLogger(TurnRunner.class.getName());
    private static final int PAGE = 1_000;

    private final Store store;
    private final QuestExecutor executor;
    private final Notifier notifier;

    TurnRunner(Store store, QuestExecutor executor, Notifier notifier) {
        this.store = store;
        this.executor = executor;
        this.notifier = notifier;
    }

    void run(QuestRun run, Work work) {
        TurnResult result;
        Quest quest = null;
        try {
            quest = store.quests().get(run.questId).orElseThrow(
                    () -> new IllegalStateException("the quest was deleted"));
            AgentSession session = session(run, quest);
            run.turnStartedNanos = System.nanoTime();
            store.journal().append(run.questId, new QuestEvent.SessionStatusRunning());
            if (session == null) {
                result = new TurnResult.Failed("backend_unavailable", noBackendMessage(quest), true);
            } else if (run.stopRequested) {
                result = new TurnResult.Stopped(); // Stop landed before the worker reached the agent
            } else if (run.pauseRequested) {
                result = new TurnResult.Paused();
            } else if (work instanceof Work.Send send) {
                result = session.send(executor.applySendHooks(run.questId, send.input()));
            } else if (work instanceof Work.Confirm confirm) {
                result = session.confirm(confirm.answers());
            } else {
                result = session.resume();
            }
            if (result == null) {
                result = new TurnResult.Failed("internal_error", "The agent ended the turn without a result.", true);
            }
            if (run.stopRequested && (result instanceof TurnResult.EndTurn || result instanceof TurnResult.Paused)) {
                result = new TurnResult.Stopped(); // the user's Stop wins over a turn that wound down by itself
            }
            result = executor.applyYieldHooks(run.questId, result);
        } catch (EnvironmentUnavailable e) {
            result = new TurnResult.Failed("environment_error", e.getMessage(), true);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "turn failed for " + run.questId, e);
            result = new TurnResult.Failed("internal_error", "The agent stopped with an unexpected error ("
                    + e.getMessage() + "). Retry the turn; if it happens again, check the log.", true);
        }
        TurnResult end = result;
        Quest ended = quest;
        executor.turnEnded(run, result, () -> {
            try {
                // On shutdown a cancelled turn stays mid-turn on purpose: close() marks it Interrupted.
                if (!(executor.isClosed() && end instanceof TurnResult.Stopped)) {
                    finish(run, ended, end);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "could not record the end of a turn for " + run.questId, e);
            }
        });
    }

    private void finish(QuestRun run, Quest quest, TurnResult result) {
        String title = quest == null ? run.questId : quest.title();
        long elapsed = System.nanoTime() - run.turnStartedNanos;
        if (result instanceof TurnResult.EndTurn) {
            store.journal().append(run.questId, SessionStatusIdle.endTurn());
            if (elapsed > QuestExecutor.LONG_RUN_NANOS) {
                notifier.notify(new Notification(Notification.Kind.READY, run.questId, title, "Finished."));
            }
        } else if (result instanceof TurnResult.RequiresAction action) {
            executor.rememberPending(run, action.eventIds());
            store.journal().append(run.questId, SessionStatusIdle.requiresAction(action.eventIds()));
            notifier.notify(new Notification(Notification.Kind.ACTION_REQUIRED, run.questId, title,
                    "Waiting for your approval or answer."));
        } else if (result instanceof TurnResult.Failed failed) {
            store.journal().append(run.questId, new QuestEvent.SessionError(
                    new QuestEvent.SessionError.ErrorInfo(failed.errorType(), failed.message(), failed.retryable())));
            notifier.notify(new Notification(Notification.Kind.ERROR, run.questId, title, failed.message()));
        } else if (result instanceof TurnResult.Stopped) {
            store.journal().append(run.questId, SessionStatusIdle.stopped());
        } else if (result instanceof TurnResult.Paused) {
            store.journal().append(run.questId, new QuestEvent.Paused());
        }
    }

    /** What the user reads when no backend can run the quest: what happened and what to do. */
    static String noBackendMessage(Quest quest) {
        if (Quest.BUILTIN_BACKEND.equals(quest.backend())) {
            return "The built-in agent is not running in this process. Your messages are kept; restart "
                    + "Questbench and Retry.";
        }
        return "No agent backend '" + quest.backend() + "' is available in this build. "
                + "Pick another agent for this quest in its settings, then Retry.";
    }

    private AgentSession session(QuestRun run, Quest quest) {
        if (run.session != null) {
            return run.session;
        }
        AgentBackend backend = executor.backend(quest.backend());
        if (backend == null) {
            return null;
        }
        EventSink sink = new EventSink() {
            @Override
            public JournalEntry emit(QuestEvent event) {
                return store.journal().append(run.questId, event);
            }

            @Override
            public void stream(QuestEvent delta) {
                executor.publishLive(run.questId, delta);
            }
        };
        run.session = backend.open(new QuestContext(quest, workingDirectory(run, quest), history(run.questId), sink, run,
                after -> readAll(run.questId, after)));
        return run.session;
    }

    private Path workingDirectory(QuestRun run, Quest quest) {
        try {
            return executor.workingDirectories().resolve(quest, event -> store.journal().append(run.questId, event));
        } catch (IllegalStateException e) {
            throw new EnvironmentUnavailable(e.getMessage(), e);
        }
    }

    /** The quest's folder could not be made ready (a worktree failed, git is missing...); Retry may fix it. */
    static final class EnvironmentUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EnvironmentUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private List<JournalEntry> history(String questId) {
        return readAll(questId, null);
    }

    private List<JournalEntry> readAll(String questId, String from) {
        List<JournalEntry> all = new ArrayList<>();
        String after = from;
        while (true) {
            List<JournalEntry> page = store.journal().readAfter(questId, after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).id();
        }
    }
}
