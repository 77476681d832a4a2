package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.permission.PermissionPolicy;
import dev.questbench.agent.builtin.permission.Verdict;
import dev.questbench.agent.builtin.subagents.AgentTool;
import dev.questbench.agent.builtin.subagents.Subagent;
import dev.questbench.agent.builtin.subagents.Subagents;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.ToolOutput;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ChatMessage;
import dev.questbench.llm.ModelException;
import dev.questbench.llm.ModelRequest;
import dev.questbench.llm.ModelResponse;
import dev.questbench.llm.Part;
import dev.questbench.llm.StreamListener;
import dev.questbench.llm.ToolSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs subagents for the {@code Agent} tool: each in its own context (its system prompt, its tool subset, its
 * own model loop), journaled as {@code quest.subagent_event}s tagged with the starting tool use's id. Several
 * started in one response run at once. A subagent cannot ask the user: a tool use that would need approval is
 * refused with the reason, which it can report back.
 */
final class SubagentRunner {
    static final int MAX_PARALLEL = 4;
    private final SessionSetup setup;
    private final SessionJournal journal;
    private final Supplier<PermissionPolicy> policy;
    private final List<Subagent> agents;
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final Path workDir;

    SubagentRunner(SessionSetup setup, SessionJournal journal, Supplier<PermissionPolicy> policy,
                   List<Subagent> agents, Path workDir) {
        this.setup = setup;
        this.journal = journal;
        this.policy = policy;
        this.agents = List.copyOf(agents);
        this.workDir = workDir;
        setup.tools().forEach(tool -> tools.put(tool.name(), tool));
    }

    /** Runs the allowed Agent tool uses among {@code pending}, in parallel; their outputs by tool use id. */
    Map<String, ToolOutput> runAll(List<JournalEntry> pending, Cancellation cancel) {
        List<JournalEntry> starts = pending.stream().filter(entry -> entry.event() instanceof QuestEvent.AgentToolUse use
                && AgentTool.NAME.equals(use.name()) && use.evaluatedPermission() == Decision.Permission.ALLOW)
                .toList();
        Map<String, ToolOutput> outputs = new LinkedHashMap<>();
        if (starts.isEmpty()) {
            return outputs;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL, starts.size()), runnable -> {
            Thread thread = new Thread(runnable, "questbench-subagent");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<ToolOutput>> futures = new LinkedHashMap<>();
            for (JournalEntry entry : starts) {
                JsonNode input = ((QuestEvent.AgentToolUse) entry.event()).input();
                futures.put(entry.id(), pool.submit(() -> run(entry.id(), input, cancel)));
            }
            for (Map.Entry<String, Future<ToolOutput>> future : futures.entrySet()) {
                outputs.put(future.getKey(), await(future.getValue()));
            }
        } finally {
            pool.shutdownNow();
        }
        return outputs;
    }

    private static ToolOutput await(Future<ToolOutput> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return new ToolOutput("The subagent failed unexpectedly: " + e.getCause(), true, null, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ToolOutput("The subagent was interrupted.", true, null, List.of());
        }
    }

    /** One subagent's whole run; its final text is the result. */
    ToolOutput run(String parentId, JsonNode input, Cancellation cancel) {
        String type = input == null ? "" : input.path("subagent_type").asText("general-purpose");
        String prompt = input == null ? "" : input.path("prompt").asText("");
        Subagent agent = Subagents.named(agents, type.isBlank() ? "general-purpose" : type).orElse(null);
        if (agent == null) {
            return new ToolOutput("There is no subagent named '" + type + "'. Available: " + String.join(", ",
                    agents.stream().map(Subagent::name).toList()) + ".", true, null, List.of());
        }
        if (prompt.isBlank()) {
            return new ToolOutput("Missing required parameter 'prompt'.", true, null, List.of());
        }
        child(parentId, agent, QuestEvent.UserMessage.text(prompt));
        List<ToolSpec> specs = new ArrayList<>();
        tools.values().stream().filter(tool -> agent.allows(tool.name()))
                .forEach(tool -> specs.add(new ToolSpec(tool.name(), tool.description(), tool.inputSchema())));
        List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user(prompt)));
        String model = agent.model() == null ? setup.model() : agent.model();
        String system = agent.prompt() + "\n\n# Environment\n- Working directory: " + workDir + "\n- Paths are "
                + "relative to the working directory; tools cannot reach outside it.\n";
        for (int step = 0; step < setup.stepLimit(); step++) {
            if (cancel.isCancelled()) {
                return new ToolOutput("The subagent was stopped.", true, null, List.of());
            }
            ModelResponse response;
            try {
                response = setup.client().stream(new ModelRequest(model, system, messages, specs, 0, null),
                        StreamListener.NONE, cancel);
            } catch (ModelException e) {
                return new ToolOutput("The subagent's model call failed: " + e.getMessage(), true, null, List.of());
            }
            String text = response.text().strip();
            if (!text.isEmpty()) {
                child(parentId, agent, QuestEvent.AgentMessage.text(text));
            }
            messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, response.content()));
            if (response.toolCalls().isEmpty()) {
                return ToolOutput.ok(text.isEmpty() ? "(The subagent finished without a report.)" : text);
            }
            List<Part> results = new ArrayList<>();
            for (Part.ToolCall call : response.toolCalls()) {
                results.add(call(parentId, agent, call, cancel));
            }
            messages.add(new ChatMessage(ChatMessage.Role.USER, results));
        }
        return new ToolOutput("The subagent stopped after " + setup.stepLimit() + " steps without finishing.", true,
                null, List.of());
    }

    private Part.ToolResult call(String parentId, Subagent agent, Part.ToolCall call, Cancellation cancel) {
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
                + "object") : policy.get().evaluate(call.name(), input, tool.readOnly());
        child(parentId, agent, new QuestEvent.AgentToolUse(call.name(), input, verdict.permission()));
        ToolOutput output;
        if (verdict.permission() != Decision.Permission.ALLOW) {
            output = new ToolOutput("Not allowed: " + verdict.reason() + ". A subagent cannot ask the user for "
                    + "approval; do without it or say in your report what you need.", true, null, List.of());
        } else {
            try {
                output = tool.run(input, new ToolContext(workDir, cancel, null, setup.blobs(), setup.limits()));
            } catch (ToolException e) {
                output = new ToolOutput(e.getMessage(), true, null, List.of());
            } catch (RuntimeException e) {
                output = new ToolOutput(call.name() + " failed unexpectedly: " + e, true, null, List.of());
            }
        }
        String text = output.text() == null ? "" : output.text();
        child(parentId, agent, new QuestEvent.AgentToolResult(call.id(), ContentBlock.textList(text),
                output.isError(), ToolExecution.millisSince(started)));
        return new Part.ToolResult(call.id(), text, output.isError());
    }

    private void child(String parentId, Subagent agent, QuestEvent event) {
        journal.journalOnly(new QuestEvent.SubagentEvent(parentId, agent.name(), EventJson.toTree(event)));
    }
}
