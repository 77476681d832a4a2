package dev.questbench.engine;

import dev.questbench.agent.AgentSession;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The executor's in-memory state for one quest: its open session, whether a turn is admitted or under way,
 * and what the user asked of that turn. Guarded by the executor's lock, except the volatile flags.
 */
final class QuestRun implements TurnControl {
    final String questId;
    AgentSession session;
    /** Admitted or running: turns of one quest never overlap. */
    boolean busy;
    /** A worker is inside the session right now (not just waiting in the admission queue). */
    boolean running;
    long turnStartedNanos;
    volatile boolean pauseRequested;
    volatile boolean stopRequested;
    /** Event ids of tool uses waiting for an answer, and the answers so far. */
    final List<String> pending = new ArrayList<>();
    final Map<String, ToolConfirmation> answers = new LinkedHashMap<>();

    QuestRun(String questId) {
        this.questId = questId;
    }

    @Override
    public boolean pauseRequested() {
        return pauseRequested;
    }

    @Override
    public boolean stopRequested() {
        return stopRequested;
    }

    void clearRequests() {
        pauseRequested = false;
        stopRequested = false;
    }

    /** The answers in the order the tool uses were asked, once every pending one is answered; else null. */
    List<ToolConfirmation> completeAnswers() {
        if (pending.isEmpty() || !answers.keySet().containsAll(pending)) {
            return null;
        }
        List<ToolConfirmation> ordered = new ArrayList<>();
        for (String id : pending) {
            ordered.add(answers.get(id));
        }
        return ordered;
    }

    void clearPending() {
        pending.clear();
        answers.clear();
    }
}
