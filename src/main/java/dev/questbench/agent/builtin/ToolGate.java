package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.hooks.HookEvent;
import dev.questbench.agent.builtin.hooks.HookResult;
import dev.questbench.agent.builtin.permission.PermissionPolicy;
import dev.questbench.agent.builtin.permission.PermissionRule;
import dev.questbench.agent.builtin.permission.ProjectSettings;
import dev.questbench.agent.builtin.permission.Verdict;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.ModelResponse;
import dev.questbench.llm.Part;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Journals a model response (thinking, text, tool uses) and decides each tool use's permission: PreToolUse
 * hooks first (an allow or deny there wins), then the policy of mode, rules and risky commands.
 */
final class ToolGate {
    private final SessionSetup setup;
    private final ProjectSettings project;
    private final SessionJournal journal;
    private final SessionHooks hooks;
    private final Map<String, Tool> tools;
    private final Path workDir;
    private final Map<String, String> denyReasons = new HashMap<>();

    ToolGate(SessionSetup setup, ProjectSettings project, SessionJournal journal, SessionHooks hooks,
             Map<String, Tool> tools, Path workDir) {
        this.setup = setup;
        this.project = project;
        this.journal = journal;
        this.hooks = hooks;
        this.tools = tools;
        this.workDir = workDir;
    }

    /** Journals the response and returns its tool calls. */
    List<Part.ToolCall> record(ModelResponse response) {
        StringBuilder text = new StringBuilder();
        List<Part.ToolCall> calls = new ArrayList<>();
        for (Part part : response.content()) {
            if (part instanceof Part.Thinking thinking && thinking.text() != null && !thinking.text().isBlank()) {
                journal.emit(new QuestEvent.AgentThinking(thinking.text()));
            } else if (part instanceof Part.Text t) {
                text.append(t.text());
            } else if (part instanceof Part.ToolCall call) {
                calls.add(call);
            }
        }
        if (!text.toString().isBlank()) {
            journal.emit(QuestEvent.AgentMessage.text(text.toString().strip()));
        }
        PermissionPolicy policy = policy();
        for (Part.ToolCall call : calls) {
            recordToolUse(call, policy);
        }
        return calls;
    }

    /** Why a denied tool use was refused, for the result the model reads. */
    String denyReason(String toolUseId) {
        return denyReasons.getOrDefault(toolUseId, "the permission rules do not allow it");
    }

    private void recordToolUse(Part.ToolCall call, PermissionPolicy policy) {
        String name = call.name() == null ? "" : call.name();
        JsonNode input;
        try {
            String raw = call.argumentsJson() == null || call.argumentsJson().isBlank() ? "{}" : call.argumentsJson();
            input = EventJson.mapper().readTree(raw);
            if (input == null || !input.isObject()) {
                throw new IOException("the arguments are not a JSON object");
            }
        } catch (IOException e) {
            ObjectNode invalid = EventJson.mapper().createObjectNode().put("invalid_arguments", call.argumentsJson());
            JournalEntry entry = journal.emit(new QuestEvent.AgentToolUse(name, invalid, Decision.Permission.DENY));
            denyReasons.put(entry.id(), "the arguments were not valid JSON (" + firstLine(e.getMessage())
                    + "). Call " + name + " again with a valid JSON object");
            return;
        }
        Evaluated evaluated = evaluate(name, input, policy);
        Verdict verdict = evaluated.verdict();
        JournalEntry entry = journal.emit(new QuestEvent.AgentToolUse(name, evaluated.input(), verdict.permission()));
        if (verdict.permission() == Decision.Permission.DENY) {
            denyReasons.put(entry.id(), verdict.reason());
        }
    }

    private record Evaluated(Verdict verdict, JsonNode input) {
    }

    private Evaluated evaluate(String name, JsonNode input, PermissionPolicy policy) {
        if (LoopTools.ASK_USER_QUESTION.equals(name)) {
            return new Evaluated(Verdict.ask("a question for the user"), input);
        }
        if (LoopTools.TODO_WRITE.equals(name)) {
            return new Evaluated(Verdict.allow("the todo list"), input);
        }
        Tool tool = tools.get(name);
        if (tool == null) {
            return new Evaluated(Verdict.allow("unknown tool"), input);
        }
        ObjectNode hookInput = hooks.input().put("tool_name", name);
        hookInput.set("tool_input", input);
        HookResult hook = hooks.run(HookEvent.PRE_TOOL_USE, name, hookInput);
        JsonNode effective = hook.updatedInput() != null && hook.updatedInput().isObject() ? hook.updatedInput() : input;
        if (hook.blocked()) {
            return new Evaluated(Verdict.deny("a PreToolUse hook blocked it" + suffix(hook.feedback())), effective);
        }
        if (hook.permission() == Decision.Permission.DENY) {
            return new Evaluated(Verdict.deny("a PreToolUse hook denied it" + suffix(hook.feedback())), effective);
        }
        if (hook.permission() == Decision.Permission.ALLOW) {
            return new Evaluated(Verdict.allow("a PreToolUse hook allowed it"), effective);
        }
        Verdict verdict = policy.evaluate(name, effective, tool.readOnly());
        if (hook.permission() == Decision.Permission.ASK && verdict.permission() == Decision.Permission.ALLOW) {
            verdict = Verdict.ask("a PreToolUse hook asks for approval");
        }
        return new Evaluated(verdict, effective);
    }

    /** The rules in force now: app settings, the settings files, and this quest's "Allow always" answers. */
    PermissionPolicy policy() {
        List<PermissionRule> rules = new ArrayList<>(setup.appRules());
        rules.addAll(project.rules());
        rules.addAll(journal.alwaysAllowRules(workDir));
        return new PermissionPolicy(setup.mode(), rules, workDir, setup.home());
    }

    private static String suffix(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason.strip();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
