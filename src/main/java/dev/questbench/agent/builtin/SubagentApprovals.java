package dev.questbench.agent.builtin;

import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.Cancellation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Where running subagents wait for the user: a subagent's thread parks on the id of its journaled tool use until
 * the answer given on the parent quest's approval card is handed over; the parent's thread is woken whenever a
 * subagent asks or finishes, so it can yield the turn with every open question at once.
 */
final class SubagentApprovals {
    private static final long POLL_MILLIS = 100;

    private final Map<String, CompletableFuture<QuestEvent.UserToolConfirmation>> waiting = new LinkedHashMap<>();
    private final LinkedBlockingQueue<Boolean> changes = new LinkedBlockingQueue<>();

    /**
     * On a subagent's thread: waits for the answer to the tool use journaled as {@code askId}; null when the turn
     * was stopped first.
     */
    QuestEvent.UserToolConfirmation await(String askId, Cancellation cancel) {
        CompletableFuture<QuestEvent.UserToolConfirmation> answer = new CompletableFuture<>();
        synchronized (waiting) {
            waiting.put(askId, answer);
        }
        changed();
        try {
            while (!cancel.isCancelled()) {
                try {
                    return answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // look at the cancel signal again
                } catch (ExecutionException e) {
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return null;
        } finally {
            synchronized (waiting) {
                waiting.remove(askId);
            }
        }
    }

    /** The ids of the tool uses that wait for an answer, in the order they were asked. */
    List<String> unanswered() {
        synchronized (waiting) {
            List<String> ids = new ArrayList<>();
            waiting.forEach((id, answer) -> {
                if (!answer.isDone()) {
                    ids.add(id);
                }
            });
            return ids;
        }
    }

    /** Hands the answers the journal holds ({@code answers} by tool use id, null for none) to those waiting. */
    void deliver(Function<String, QuestEvent.UserToolConfirmation> answers) {
        synchronized (waiting) {
            waiting.forEach((id, future) -> {
                QuestEvent.UserToolConfirmation answer = answers.apply(id);
                if (answer != null) {
                    future.complete(answer);
                }
            });
        }
    }

    /** Something changed: a subagent asked or finished. */
    void changed() {
        changes.add(Boolean.TRUE);
    }

    /** On the parent's thread: waits a little for the next change. */
    void awaitChange() {
        try {
            if (changes.poll(POLL_MILLIS, TimeUnit.MILLISECONDS) != null) {
                changes.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
