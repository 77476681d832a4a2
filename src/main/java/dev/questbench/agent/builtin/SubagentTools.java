package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.permission.PermissionPolicy;
import dev.questbench.agent.builtin.permission.Verdict;
import dev.questbench.agent.builtin.subagents.ExpertSandbox;
import dev.questbench.agent.builtin.subagents.Subagent;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.ToolLimits;
import dev.questbench.agent.builtin.tools.ToolOutput;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.Part;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one tool call of a subagent, on the subagent's thread: judges it by the quest's rules, asks the user on the
 * parent quest's approval card when the rules say so (the subagent waits), and in Experts mode tries a command
 * that would need approval in the sandbox first. Every step is journaled in the subagent's thread.
 */
final class SubagentTools {
    private static final String BASH = "Bash";

    private final SessionSetup setup;
    private final SessionJournal journal;
    private final SubagentApprovals approvals;
    private final ExpertSandbox sandbox;
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final Path workDir;
    private volatile PermissionPolicy policy;

    /** @param sandbox Experts mode's sandbox, or null outside Experts mode */
    SubagentTools(SessionSetup setup, SessionJournal journal, SubagentApprovals approvals, ExpertSandbox sandbox,
                  Path workDir) {
        this.setup = setup;
        this.journal = journal;
        this.approvals = approvals;
        this.sandbox = sandbox;
        this.workDir = workDir;
        setup.tools().forEach(tool -> tools.put(tool.name(), tool));
    }

    Map<String, Tool> tools() {
        return tools;
    }

    /** The rules in force, taken on the parent's thread (the journal is not read from subagent threads). */
    void usePolicy(PermissionPolicy rules) {
        this.policy = rules;
    }

    Part.ToolResult call(String parentId, Subagent agent, Part.ToolCall call, Cancellation cancel) {
        long started = System.nanoTime();
        Tool tool = agent.allows(call.name()) ? tools.get(call.name()) : null;
        JsonNode input;
        try {
            String raw = call.argumentsJson() == null || call.argumentsJson().isBlank() ? "{}" : call.argumentsJson();
            input = EventJson.mapper().readTree(raw);
        } catch (IOException e) {
            input = EventJson.mapper().createObjectNode().put("invalid_arguments", call.argumentsJson());
        }
        Verdict verdict = tool == null ? Verdict.deny("this subagent has no tool named '" + call.name() + "'")
                : !input.isObject() || input.has("invalid_arguments") ? Verdict.deny("the arguments are not a JSON "
                + "object") : policy.evaluate(call.name(), input, tool.readOnly());
        ToolContext context = new ToolContext(workDir, cancel, null, setup.blobs(), setup.limits());
        String note = null;
        String before = "";
        if (verdict.permission() == Decision.Permission.ASK && sandbox != null && BASH.equals(call.name())) {
            ExpertSandbox.Attempt attempt = sandbox.run(input, context);
            if (attempt.output() != null) {
                JournalEntry tried = child(parentId, agent, new QuestEvent.AgentToolUse(call.name(), input,
                        Decision.Permission.ALLOW), "Ran in the sandbox instead of asking (Experts mode)");
                result(parentId, agent, tried, attempt.output(), started);
            }
            if (!attempt.escalates()) {
                return new Part.ToolResult(call.id(), "(Ran in the sandbox.)\n" + text(attempt.output()),
                        attempt.output().isError());
            }
            note = attempt.escalation() + " Run it without the sandbox?";
            context = unsandboxed(context); // what the user is asked to allow, even with the sandbox on in Settings
            before = attempt.output() == null ? "" : "It failed in the sandbox first:\n" + text(attempt.output())
                    + "\n\n";
            started = System.nanoTime();
        }
        JournalEntry use = child(parentId, agent, new QuestEvent.AgentToolUse(call.name(), input,
                verdict.permission()), note);
        ToolOutput output;
        if (verdict.permission() == Decision.Permission.DENY) {
            output = new ToolOutput("Not allowed: " + verdict.reason() + ".", true, null, List.of());
        } else if (verdict.permission() == Decision.Permission.ASK) {
            output = askThenRun(use, tool, input, context);
        } else {
            output = run(tool, input, context, call.name());
        }
        result(parentId, agent, use, output, started);
        return new Part.ToolResult(call.id(), before + text(output), output.isError());
    }

    /** Waits for the user's answer on the parent quest's card, then runs the tool or says why not. */
    private ToolOutput askThenRun(JournalEntry use, Tool tool, JsonNode input, ToolContext context) {
        QuestEvent.UserToolConfirmation answer = approvals.await(use.id(), context.cancel());
        if (answer == null) {
            return new ToolOutput("The turn was stopped while this waited for the user's approval.", true, null,
                    List.of());
        }
        if (answer.result() == Decision.DENY) {
            String said = answer.denyMessage() == null || answer.denyMessage().isBlank() ? ""
                    : " They said: " + answer.denyMessage().strip();
            return new ToolOutput("The user denied this tool use." + said + " Do not retry it; adapt your approach "
                    + "or say in your report what you need.", true, null, List.of());
        }
        return run(tool, input, context, tool.name());
    }

    private static ToolContext unsandboxed(ToolContext context) {
        ToolLimits limits = context.limits();
        return new ToolContext(context.workspace(), context.cancel(), context.progress(), context.blobs(),
                new ToolLimits(limits.readMaxBytes(), limits.outputMaxChars(), limits.bashDefaultTimeout(),
                        limits.bashMaxTimeout(), limits.webFetchMaxBytes(), limits.networkAllowed(), false));
    }

    private static ToolOutput run(Tool tool, JsonNode input, ToolContext context, String name) {
        try {
            return tool.run(input, context);
        } catch (ToolException e) {
            return new ToolOutput(e.getMessage(), true, null, List.of());
        } catch (RuntimeException e) {
            return new ToolOutput(name + " failed unexpectedly: " + e, true, null, List.of());
        }
    }

    private void result(String parentId, Subagent agent, JournalEntry use, ToolOutput output, long started) {
        child(parentId, agent, new QuestEvent.AgentToolResult(use.id(), ContentBlock.textList(text(output)),
                output.isError(), ToolExecution.millisSince(started)), null);
    }

    JournalEntry child(String parentId, Subagent agent, QuestEvent event, String note) {
        return journal.journalOnly(new QuestEvent.SubagentEvent(parentId, agent.name(), EventJson.toTree(event),
                note));
    }

    private static String text(ToolOutput output) {
        return output.text() == null ? "" : output.text();
    }
}
