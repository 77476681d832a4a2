package dev.questbench.agent.builtin;

import dev.questbench.agent.QuestContext;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.builtin.hooks.HookEvent;
import dev.questbench.agent.builtin.subagents.AgentTool;
import dev.questbench.agent.builtin.tools.ToolOutput;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the tool uses of the model's latest response that have no result yet, in order: refused ones get the
 * reason, ones that need the user yield the turn, subagents run in parallel (and may yield for their own
 * approvals), the rest run.
 */
final class PendingTools {
    private final QuestContext context;
    private final SessionJournal journal;
    private final ToolGate gate;
    private final ToolExecution execution;
    private final SubagentRunner subagents;
    private final SessionHooks hooks;

    PendingTools(QuestContext context, SessionJournal journal, ToolGate gate, ToolExecution execution,
                 SubagentRunner subagents, SessionHooks hooks) {
        this.context = context;
        this.journal = journal;
        this.gate = gate;
        this.execution = execution;
        this.subagents = subagents;
        this.hooks = hooks;
    }

    /** Runs the pending tool uses in order; returns how the turn yields, or null when all have results. */
    TurnResult run(List<JournalEntry> pending, Cancellation cancellation) {
        List<JournalEntry> starts = pending.stream().filter(entry -> entry.event() instanceof QuestEvent.AgentToolUse
                use && AgentTool.NAME.equals(use.name()) && use.evaluatedPermission() == Decision.Permission.ALLOW)
                .toList(); // the allowed Agent calls of one response run at once
        if (!starts.isEmpty()) {
            TurnResult yielded = delegate(starts, cancellation);
            if (yielded != null) {
                return yielded;
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            if (starts.contains(pending.get(i))) {
                continue;
            }
            if (context.control().stopRequested() || cancellation.isCancelled()) {
                return new TurnResult.Stopped();
            }
            if (context.control().pauseRequested()) {
                return new TurnResult.Paused();
            }
            JournalEntry entry = pending.get(i);
            QuestEvent.AgentToolUse use = (QuestEvent.AgentToolUse) entry.event();
            Decision.Permission permission = Objects.requireNonNullElse(use.evaluatedPermission(),
                    Decision.Permission.ALLOW);
            if (permission == Decision.Permission.DENY) {
                execution.result(entry.id(), "Not allowed: " + gate.denyReason(entry.id()) + ".", true, 0L);
                continue;
            }
            if (permission == Decision.Permission.ASK) {
                QuestEvent.UserToolConfirmation answer = journal.confirmation(entry.id());
                if (answer == null) {
                    return requiresAction(pending.subList(i, pending.size()));
                }
                if (answered(entry, use, answer)) {
                    continue;
                }
            }
            if (AgentTool.NAME.equals(use.name())) {
                TurnResult yielded = delegate(List.of(entry), cancellation);
                if (yielded != null) {
                    return yielded;
                }
            } else {
                execution.execute(entry, use, cancellation);
            }
        }
        return null;
    }

    /** Runs subagents until all have reported (their results journaled) or some wait for the user. */
    private TurnResult delegate(List<JournalEntry> starts, Cancellation cancellation) {
        long started = System.nanoTime();
        SubagentRunner.Batch batch = subagents.runAll(starts, cancellation, gate.policy(), journal::confirmation);
        if (batch.waits()) {
            notifyUser("A subagent of Questbench's agent needs your permission to use a tool");
            return new TurnResult.RequiresAction(batch.waiting());
        }
        for (JournalEntry entry : starts) {
            ToolOutput output = batch.outputs().get(entry.id());
            execution.finish(entry, (QuestEvent.AgentToolUse) entry.event(), output, started);
        }
        return null;
    }

    /** Journals the result of a denied tool use or an answered question; false when the tool should run. */
    private boolean answered(JournalEntry entry, QuestEvent.AgentToolUse use, QuestEvent.UserToolConfirmation answer) {
        boolean question = LoopTools.ASK_USER_QUESTION.equals(use.name());
        if (answer.result() == Decision.DENY) {
            String said = answer.denyMessage() == null || answer.denyMessage().isBlank() ? ""
                    : " They said: " + answer.denyMessage().strip();
            execution.result(entry.id(), (question ? "The user declined to answer." : "The user denied this tool "
                    + "use.") + said + " Do not retry it; adapt your approach or ask what they want instead.", true,
                    0L);
            return true;
        }
        if (question) {
            String reply = answer.answer() == null || answer.answer().isBlank() ? "(no answer given)" : answer.answer();
            execution.result(entry.id(), "The user answered: " + reply, false, 0L);
            return true;
        }
        return false;
    }

    private TurnResult requiresAction(List<JournalEntry> rest) {
        List<String> waiting = new ArrayList<>();
        for (JournalEntry entry : rest) {
            QuestEvent.AgentToolUse use = (QuestEvent.AgentToolUse) entry.event();
            if (use.evaluatedPermission() == Decision.Permission.ASK && journal.confirmation(entry.id()) == null) {
                waiting.add(entry.id());
            }
        }
        QuestEvent.AgentToolUse first = (QuestEvent.AgentToolUse) rest.get(0).event();
        notifyUser(LoopTools.ASK_USER_QUESTION.equals(first.name()) ? "Questbench's agent has a question"
                : "Questbench's agent needs your permission to use " + first.name());
        return new TurnResult.RequiresAction(waiting);
    }

    private void notifyUser(String message) {
        hooks.run(HookEvent.NOTIFICATION, "permission_prompt", hooks.input()
                .put("notification_type", "permission_prompt").put("message", message).put("title", "Questbench"));
    }
}
