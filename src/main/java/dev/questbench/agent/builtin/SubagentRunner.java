package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.permission.PermissionPolicy;
import dev.questbench.agent.builtin.subagents.ExpertSandbox;
import dev.questbench.agent.builtin.subagents.Subagent;
import dev.questbench.agent.builtin.subagents.Subagents;
import dev.questbench.agent.builtin.tools.ToolOutput;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs subagents for the {@code Agent} tool: each in its own context (its system prompt, its tool subset, its
 * own model loop), journaled as {@code quest.subagent_event}s tagged with the starting tool use's id. Several
 * started in one response run at once, at most the global concurrency limit at a time. A subagent whose tool use
 * needs approval waits while the parent's turn yields with the question on the quest's approval card; the subagents
 * keep running across that pause. Known limit: a subagent still running when the app quits starts over on Retry.
 */
final class SubagentRunner implements AutoCloseable {
    private final SessionSetup setup;
    private final List<Subagent> agents;
    private final Path workDir;
    private final SubagentApprovals approvals = new SubagentApprovals();
    private final SubagentTools tools;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final java.util.function.BooleanSupplier pauseRequested;
    private ExecutorService pool;

    /** What came of a batch: every subagent's output by tool use id, or the approvals they wait for. */
    record Batch(Map<String, ToolOutput> outputs, List<String> waiting) {
        boolean waits() {
            return !waiting.isEmpty();
        }
    }

    private record Running(Future<ToolOutput> future, Cancellation cancel) {
    }

    /**
     * @param experts        Experts mode: commands that would need approval try the sandbox first
     * @param pauseRequested whether the user paused the quest: each subagent then stops at its next step
     */
    SubagentRunner(SessionSetup setup, SessionJournal journal, List<Subagent> agents, Path workDir, boolean experts,
                   java.util.function.BooleanSupplier pauseRequested) {
        this.pauseRequested = pauseRequested;
        this.setup = setup;
        this.agents = List.copyOf(agents);
        this.workDir = workDir;
        ExpertSandbox sandbox = experts ? ExpertSandbox.of(setup.extensions().sandboxProgram()) : null;
        this.tools = new SubagentTools(setup, journal, approvals, sandbox, workDir);
    }

    /**
     * Starts the subagents of {@code starts} not running yet, hands them the answers the journal holds, and waits
     * until all have finished or some wait for the user. Called on the session's thread.
     */
    Batch runAll(List<JournalEntry> starts, Cancellation cancel, PermissionPolicy policy,
                 Function<String, QuestEvent.UserToolConfirmation> answers) {
        tools.usePolicy(policy);
        running.values().removeIf(run -> run.cancel() != cancel && run.cancel().isCancelled()); // a stopped turn's
        for (JournalEntry entry : starts) {
            JsonNode input = ((QuestEvent.AgentToolUse) entry.event()).input();
            running.computeIfAbsent(entry.id(), id -> new Running(pool().submit(() -> {
                try {
                    return run(id, input, cancel);
                } finally {
                    approvals.changed();
                }
            }), cancel));
        }
        approvals.deliver(answers);
        while (true) {
            if (starts.stream().allMatch(entry -> running.get(entry.id()).future().isDone())) {
                Map<String, ToolOutput> outputs = new LinkedHashMap<>();
                for (JournalEntry entry : starts) {
                    outputs.put(entry.id(), await(running.remove(entry.id()).future()));
                }
                return new Batch(outputs, List.of());
            }
            List<String> waiting = approvals.unanswered();
            if (!waiting.isEmpty()) {
                return new Batch(Map.of(), waiting);
            }
            approvals.awaitChange();
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(setup.extensions().concurrency(), runnable -> {
                Thread thread = new Thread(runnable, "questbench-subagent");
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
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
    private ToolOutput run(String parentId, JsonNode input, Cancellation cancel) {
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
        tools.child(parentId, agent, QuestEvent.UserMessage.text(prompt), null);
        List<ToolSpec> specs = new ArrayList<>();
        tools.tools().values().stream().filter(tool -> agent.allows(tool.name()))
                .forEach(tool -> specs.add(new ToolSpec(tool.name(), tool.description(), tool.inputSchema())));
        List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user(prompt)));
        String model = agent.model() == null ? setup.model() : agent.model();
        String system = agent.prompt() + "\n\n# Environment\n- Working directory: " + workDir + "\n- Paths are "
                + "relative to the working directory; tools cannot reach outside it.\n";
        String lastReport = "";
        for (int step = 0; step < setup.stepLimit(); step++) {
            if (cancel.isCancelled()) {
                return new ToolOutput("The subagent was stopped.", true, null, List.of());
            }
            if (step > 0 && pauseRequested.getAsBoolean()) {
                return new ToolOutput("The user paused the quest, so the subagent stopped after " + step + " of its "
                        + "steps, before finishing. " + (lastReport.isEmpty() ? "It had not reported anything yet."
                        : "Its last words: " + lastReport) + " When the quest resumes, start it again with what "
                        + "is left, or do the rest yourself.", true, null, List.of());
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
                tools.child(parentId, agent, QuestEvent.AgentMessage.text(text), null);
                lastReport = text;
            }
            messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, response.content()));
            if (response.toolCalls().isEmpty()) {
                return ToolOutput.ok(text.isEmpty() ? "(The subagent finished without a report.)" : text);
            }
            List<Part> results = new ArrayList<>();
            for (Part.ToolCall call : response.toolCalls()) {
                results.add(tools.call(parentId, agent, call, cancel));
            }
            messages.add(new ChatMessage(ChatMessage.Role.USER, results));
        }
        return new ToolOutput("The subagent stopped after " + setup.stepLimit() + " steps without finishing.", true,
                null, List.of());
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
