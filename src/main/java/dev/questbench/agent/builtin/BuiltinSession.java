package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.UserInput;
import dev.questbench.agent.builtin.hooks.HookConfig;
import dev.questbench.agent.builtin.hooks.HookEvent;
import dev.questbench.agent.builtin.hooks.HookResult;
import dev.questbench.agent.builtin.hooks.HookRun;
import dev.questbench.agent.builtin.hooks.HookRunner;
import dev.questbench.agent.builtin.memory.MemoryFile;
import dev.questbench.agent.builtin.memory.MemoryLoader;
import dev.questbench.agent.builtin.permission.PermissionPolicy;
import dev.questbench.agent.builtin.permission.PermissionRule;
import dev.questbench.agent.builtin.permission.ProjectSettings;
import dev.questbench.agent.builtin.permission.Verdict;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.ToolOutput;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ModelException;
import dev.questbench.llm.ModelRequest;
import dev.questbench.llm.ModelResponse;
import dev.questbench.llm.Part;
import dev.questbench.llm.StreamListener;
import dev.questbench.llm.ToolSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One quest's conversation with the built-in agent: calls the model, streams its reply, evaluates and runs its
 * tool calls, feeds the results back, until the model ends its turn or something needs the user.
 *
 * <p>All state that matters lives in the journal: the session rebuilds the model's view from it on every call,
 * so a restart, a Retry or a fork continues exactly where the journal left off.
 */
final class BuiltinSession implements AgentSession {
    /** The {@code quest.hook_ran} outcome of a Stop hook that asks the agent to keep working. */
    static final String KEEP_WORKING = "keep_working";
    /** How often one turn's Stop hooks may send the agent back to work, so a hook cannot loop forever. */
    static final int MAX_STOP_CONTINUATIONS = 3;
    private static final double COMPACT_AT = 0.85;
    private static final double COMPACT_KEEP = 0.5;
    private static final int HOOK_OUTPUT_CAP = 4_000;

    private final QuestContext context;
    private final SessionSetup setup;
    private final Path workDir;
    private final boolean hasWorkspace;
    private final List<JournalEntry> log;
    private final Map<String, String> overrides = new HashMap<>();
    private final Map<String, String> denyReasons = new HashMap<>();
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final List<ToolSpec> toolSpecs = new ArrayList<>();
    private final AtomicLong messageIds = new AtomicLong();
    private volatile Cancellation cancellation = new Cancellation();
    private ProjectSettings project;
    private HookRunner hooks;
    private String systemPrompt;
    private int stopContinuations;
    private final long toolTokens;

    BuiltinSession(QuestContext context, SessionSetup setup) {
        this.context = context;
        this.setup = setup;
        this.hasWorkspace = context.workingDirectory() != null;
        this.workDir = hasWorkspace ? context.workingDirectory().toAbsolutePath().normalize() : setup.scratch();
        this.log = new ArrayList<>(context.history());
        for (Tool tool : setup.tools()) {
            tools.put(tool.name(), tool);
            toolSpecs.add(new ToolSpec(tool.name(), tool.description(), tool.inputSchema()));
        }
        toolSpecs.add(LoopTools.todoWrite());
        toolSpecs.add(LoopTools.askUserQuestion());
        long chars = 0;
        for (ToolSpec spec : toolSpecs) {
            chars += spec.name().length() + spec.description().length() + spec.inputSchema().toString().length();
        }
        toolTokens = chars / 4;
    }

    // ---- AgentSession ----------------------------------------------------------------------------

    @Override
    public TurnResult send(UserInput input) {
        TurnResult failed = begin();
        if (failed != null) {
            return failed;
        }
        stopContinuations = 0;
        String id = input.messageEventId();
        if (id == null || log.stream().noneMatch(entry -> entry.id().equals(id))) {
            String syntheticId = id != null ? id : "syn_" + messageIds.incrementAndGet();
            log.add(synthetic(syntheticId, new QuestEvent.UserMessage(input.content())));
        }
        String messageId = id != null ? id : log.get(log.size() - 1).id();
        String text = input.text();
        HookResult prompt = runHooks(HookEvent.USER_PROMPT_SUBMIT, null, hookInput().put("prompt", text));
        if (prompt.blocked() || prompt.stop()) {
            overrides.put(messageId, "(This message was rejected by a UserPromptSubmit hook and not sent.)");
            String why = prompt.blocked() ? prompt.feedback() : prompt.stopReason();
            return new TurnResult.Failed("prompt_rejected", "A UserPromptSubmit hook rejected this message"
                    + (why == null || why.isBlank() ? "." : ": " + why.strip()) + " Change the message or the hook, "
                    + "then send it again.", false);
        }
        String journaled = log.stream().filter(entry -> entry.id().equals(messageId)).findFirst()
                .map(entry -> ContentBlock.plainText(((QuestEvent.UserMessage) entry.event()).content()))
                .orElse(text);
        String seen = text;
        if (prompt.additionalContext() != null && !prompt.additionalContext().isBlank()) {
            seen = text + "\n\n" + prompt.additionalContext().strip();
        }
        if (!seen.equals(journaled)) {
            overrides.put(messageId, seen);
        }
        return loop();
    }

    @Override
    public TurnResult confirm(List<ToolConfirmation> answers) {
        TurnResult failed = begin();
        if (failed != null) {
            return failed;
        }
        for (ToolConfirmation answer : answers) {
            if (confirmation(answer.toolUseEventId()) == null) {
                log.add(synthetic("syn_" + messageIds.incrementAndGet(), new QuestEvent.UserToolConfirmation(
                        answer.toolUseEventId(), answer.decision(), answer.denyMessage(), answer.alwaysForQuest(),
                        answer.answer())));
            }
        }
        return loop();
    }

    @Override
    public TurnResult resume() {
        TurnResult failed = begin();
        return failed != null ? failed : loop();
    }

    @Override
    public void cancel() {
        cancellation.cancel();
    }

    @Override
    public void close() {
        cancellation.cancel();
    }

    // ---- the loop --------------------------------------------------------------------------------

    /** Prepares the session on its first turn and gives each turn a fresh cancel signal. */
    private TurnResult begin() {
        if (cancellation.isCancelled()) {
            cancellation = new Cancellation();
        }
        if (systemPrompt != null) {
            return null;
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            return new TurnResult.Failed("workspace_unavailable", "The quest's folder " + workDir
                    + " cannot be used (" + e.getMessage() + "). Check that it exists and is writable, then Retry.",
                    true);
        }
        project = ProjectSettings.load(hasWorkspace ? workDir : null, setup.home());
        List<HookConfig> configs = new ArrayList<>();
        configs.add(setup.appHooks());
        for (ProjectSettings.SourcedHooks sourced : project.hooks()) {
            configs.add(HookConfig.parse(sourced.hooks(), sourced.source()));
        }
        hooks = new HookRunner(HookConfig.merge(configs), workDir, setup.hookTimeout());
        List<MemoryFile> memory = MemoryLoader.load(hasWorkspace ? workDir : null, setup.home());
        recordContext(memory);
        boolean resumed = log.stream().anyMatch(entry -> entry.event() instanceof QuestEvent.AgentMessage
                || entry.event() instanceof QuestEvent.AgentToolUse);
        ObjectNode start = hookInput().put("source", resumed ? "resume" : "startup").put("model", setup.model());
        HookResult session = runHooks(HookEvent.SESSION_START, resumed ? "resume" : "startup", start);
        systemPrompt = SystemPrompt.build(workDir, hasWorkspace, setup.mode(), memory, session.additionalContext(),
                LocalDate.now());
        return null;
    }

    private TurnResult loop() {
        int steps = stepsThisTurn();
        boolean probed = false;
        while (true) {
            if (context.control().stopRequested() || cancellation.isCancelled()) {
                return new TurnResult.Stopped();
            }
            if (context.control().pauseRequested()) {
                return new TurnResult.Paused();
            }
            List<JournalEntry> pending = pendingToolUses();
            if (!pending.isEmpty()) {
                TurnResult yielded = runPending(pending);
                if (yielded != null) {
                    return yielded;
                }
                continue;
            }
            if (steps >= setup.stepLimit()) {
                emit(QuestEvent.AgentMessage.text("I stopped after " + steps + " steps, the per-turn limit (Settings"
                        + " → Agent → Step limit). Send a message to let me continue."));
                return new TurnResult.EndTurn();
            }
            if (!probed && setup.implicitModel()) {
                probed = true;
                TurnResult unreachable = probeImplicitProvider();
                if (unreachable != null) {
                    return unreachable;
                }
            }
            TurnResult compactFailed = compactIfNeeded();
            if (compactFailed != null) {
                return compactFailed;
            }
            ModelResponse response;
            try {
                response = callModel();
            } catch (ModelException e) {
                return failure(e);
            }
            steps++;
            List<Part.ToolCall> calls = record(response);
            if (calls.isEmpty()) {
                if (keepWorking(response.text())) {
                    continue;
                }
                return new TurnResult.EndTurn();
            }
        }
    }

    /** Model calls since the last user message, so a resumed turn keeps counting towards the limit. */
    private int stepsThisTurn() {
        int steps = 0;
        for (int i = log.size() - 1; i >= 0; i--) {
            QuestEvent event = log.get(i).event();
            if (event instanceof QuestEvent.UserMessage) {
                break;
            }
            if (event instanceof QuestEvent.ModelRequestStart) {
                steps++;
            }
        }
        return steps;
    }

    /** Tool uses of the latest model response that have no result yet, in the order the model made them. */
    private List<JournalEntry> pendingToolUses() {
        List<JournalEntry> pending = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (int i = log.size() - 1; i >= 0; i--) {
            QuestEvent event = log.get(i).event();
            if (event instanceof QuestEvent.UserMessage || event instanceof QuestEvent.Compacted
                    || event instanceof QuestEvent.ModelRequestEnd) {
                break;
            }
            if (event instanceof QuestEvent.AgentToolResult result) {
                done.add(result.toolUseId());
            } else if (event instanceof QuestEvent.AgentToolUse && !done.contains(log.get(i).id())) {
                pending.add(0, log.get(i));
            }
        }
        return pending;
    }

    /** Runs the pending tool uses in order; returns how the turn yields, or null when all have results. */
    private TurnResult runPending(List<JournalEntry> pending) {
        for (int i = 0; i < pending.size(); i++) {
            if (context.control().stopRequested() || cancellation.isCancelled()) {
                return new TurnResult.Stopped();
            }
            if (context.control().pauseRequested()) {
                return new TurnResult.Paused();
            }
            JournalEntry entry = pending.get(i);
            QuestEvent.AgentToolUse use = (QuestEvent.AgentToolUse) entry.event();
            Decision.Permission permission = use.evaluatedPermission() == null ? Decision.Permission.ALLOW
                    : use.evaluatedPermission();
            if (permission == Decision.Permission.DENY) {
                String reason = denyReasons.getOrDefault(entry.id(), "the permission rules do not allow it");
                result(entry.id(), "Not allowed: " + reason + ".", true, 0L);
                continue;
            }
            if (permission == Decision.Permission.ASK) {
                QuestEvent.UserToolConfirmation answer = confirmation(entry.id());
                if (answer == null) {
                    return requiresAction(pending.subList(i, pending.size()));
                }
                if (answer.result() == Decision.DENY) {
                    String message = answer.denyMessage() == null || answer.denyMessage().isBlank() ? ""
                            : " They said: " + answer.denyMessage().strip();
                    result(entry.id(), (LoopTools.ASK_USER_QUESTION.equals(use.name())
                            ? "The user declined to answer." : "The user denied this tool use.") + message
                            + " Do not retry it; adapt your approach or ask what they want instead.", true, 0L);
                    continue;
                }
                if (LoopTools.ASK_USER_QUESTION.equals(use.name())) {
                    String reply = answer.answer() == null || answer.answer().isBlank() ? "(no answer given)"
                            : answer.answer();
                    result(entry.id(), "The user answered: " + reply, false, 0L);
                    continue;
                }
            }
            execute(entry, use);
        }
        return null;
    }

    private TurnResult requiresAction(List<JournalEntry> rest) {
        List<String> waiting = new ArrayList<>();
        for (JournalEntry entry : rest) {
            QuestEvent.AgentToolUse use = (QuestEvent.AgentToolUse) entry.event();
            if (use.evaluatedPermission() == Decision.Permission.ASK && confirmation(entry.id()) == null) {
                waiting.add(entry.id());
            }
        }
        QuestEvent.AgentToolUse first = (QuestEvent.AgentToolUse) rest.get(0).event();
        String message = LoopTools.ASK_USER_QUESTION.equals(first.name())
                ? "Questbench's agent has a question" : "Questbench's agent needs your permission to use " + first.name();
        runHooks(HookEvent.NOTIFICATION, "permission_prompt", hookInput().put("notification_type",
                "permission_prompt").put("message", message).put("title", "Questbench"));
        return new TurnResult.RequiresAction(waiting);
    }

    private QuestEvent.UserToolConfirmation confirmation(String toolUseId) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).event() instanceof QuestEvent.UserToolConfirmation answer
                    && toolUseId.equals(answer.toolUseId())) {
                return answer;
            }
        }
        return null;
    }

    // ---- model calls -----------------------------------------------------------------------------

    private ModelResponse callModel() throws ModelException {
        ModelRequest request = new ModelRequest(setup.model(), systemPrompt, Conversation.build(log, overrides),
                toolSpecs, 0, null);
        String messageId = "msg_" + messageIds.incrementAndGet();
        emit(new QuestEvent.ModelRequestStart(setup.model()));
        long started = System.nanoTime();
        StreamListener listener = new StreamListener() {
            @Override
            public void onTextDelta(String text) {
                context.sink().stream(new QuestEvent.AgentContentBlockDelta(messageId, 0,
                        QuestEvent.AgentContentBlockDelta.Delta.text(text)));
            }

            @Override
            public void onThinkingDelta(String text) {
                context.sink().stream(new QuestEvent.AgentContentBlockDelta(messageId, 0,
                        new QuestEvent.AgentContentBlockDelta.Delta("thinking_delta", null, text, null)));
            }
        };
        try {
            ModelResponse response = setup.client().stream(request, listener, cancellation);
            emit(new QuestEvent.ModelRequestEnd(response.model() == null ? setup.model() : response.model(),
                    usage(response.usage()), millisSince(started)));
            return response;
        } catch (ModelException e) {
            emit(new QuestEvent.ModelRequestEnd(setup.model(), null, millisSince(started)));
            throw e;
        }
    }

    private static QuestEvent.ModelRequestEnd.Usage usage(dev.questbench.llm.Usage usage) {
        return new QuestEvent.ModelRequestEnd.Usage(usage.inputTokens(), usage.outputTokens(),
                usage.cacheCreationInputTokens(), usage.cacheReadInputTokens());
    }

    private TurnResult failure(ModelException e) {
        if (e.kind() == ModelException.Kind.CANCELLED) {
            return new TurnResult.Stopped();
        }
        String type = switch (e.kind()) {
            case AUTH -> "authentication_failed";
            case NOT_FOUND, BAD_REQUEST -> "invalid_request";
            case RATE_LIMITED -> "rate_limit";
            case SERVER -> "server_error";
            case CONNECT -> "model_unavailable";
            default -> "model_error";
        };
        // Retry makes sense for every model failure: the user may fix the key, the model name or the server first.
        return new TurnResult.Failed(type, e.getMessage(), true);
    }

    /** With nothing configured, a quick check that Ollama listens, so the quest fails at once with what to do. */
    private TurnResult probeImplicitProvider() {
        URI uri;
        try {
            uri = URI.create(setup.client().config().baseUrl());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : 11434;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return null;
        } catch (IOException e) {
            return new TurnResult.Failed("model_unavailable", "No model provider is configured, and Ollama is not "
                    + "running at " + uri + ". Start Ollama ('ollama serve', then 'ollama pull " + setup.model()
                    + "'), or add a provider in Settings → Models (OpenAI, Anthropic or any OpenAI-compatible "
                    + "server), or set OPENAI_API_KEY or ANTHROPIC_API_KEY. Then Retry.", true);
        }
    }

    /** Journals the response (thinking, text, tool uses with their permission) and returns its tool calls. */
    private List<Part.ToolCall> record(ModelResponse response) {
        StringBuilder text = new StringBuilder();
        List<Part.ToolCall> calls = new ArrayList<>();
        for (Part part : response.content()) {
            if (part instanceof Part.Thinking thinking && thinking.text() != null && !thinking.text().isBlank()) {
                emit(new QuestEvent.AgentThinking(thinking.text()));
            } else if (part instanceof Part.Text t) {
                text.append(t.text());
            } else if (part instanceof Part.ToolCall call) {
                calls.add(call);
            }
        }
        if (!text.toString().isBlank()) {
            emit(QuestEvent.AgentMessage.text(text.toString().strip()));
        }
        PermissionPolicy policy = policy();
        for (Part.ToolCall call : calls) {
            recordToolUse(call, policy);
        }
        return calls;
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
            JournalEntry entry = emit(new QuestEvent.AgentToolUse(name, invalid, Decision.Permission.DENY));
            denyReasons.put(entry.id(), "the arguments were not valid JSON (" + firstLine(e.getMessage())
                    + "). Call " + name + " again with a valid JSON object");
            return;
        }
        Evaluated evaluated = evaluate(name, input, policy);
        Verdict verdict = evaluated.verdict();
        JournalEntry entry = emit(new QuestEvent.AgentToolUse(name, evaluated.input(), verdict.permission()));
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
        ObjectNode hookInput = hookInput().put("tool_name", name);
        hookInput.set("tool_input", input);
        HookResult hook = runHooks(HookEvent.PRE_TOOL_USE, name, hookInput);
        JsonNode effective = hook.updatedInput() != null && hook.updatedInput().isObject() ? hook.updatedInput() : input;
        if (hook.blocked()) {
            return new Evaluated(Verdict.deny("a PreToolUse hook blocked it" + reasonSuffix(hook.feedback())),
                    effective);
        }
        if (hook.permission() == Decision.Permission.DENY) {
            return new Evaluated(Verdict.deny("a PreToolUse hook denied it" + reasonSuffix(hook.feedback())),
                    effective);
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

    private static String reasonSuffix(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason.strip();
    }

    /** The rules in force now: app settings, the settings files, and this quest's "allow always" answers. */
    private PermissionPolicy policy() {
        List<PermissionRule> rules = new ArrayList<>(setup.appRules());
        rules.addAll(project.rules());
        for (JournalEntry entry : log) {
            if (entry.event() instanceof QuestEvent.UserToolConfirmation answer && answer.alwaysForQuest()
                    && answer.result() == Decision.ALLOW) {
                for (JournalEntry use : log) {
                    if (use.id().equals(answer.toolUseId()) && use.event() instanceof QuestEvent.AgentToolUse tool) {
                        rules.add(PermissionRule.forAlwaysAllow(tool.name(), tool.input(), workDir));
                    }
                }
            }
        }
        return new PermissionPolicy(setup.mode(), rules, workDir, setup.home());
    }

    /** The Stop hooks may send the agent back to work (a few times per turn at most). */
    private boolean keepWorking(String lastMessage) {
        ObjectNode input = hookInput().put("stop_hook_active", stopContinuations > 0)
                .put("last_assistant_message", lastMessage);
        HookResult stop = runHooks(HookEvent.STOP, null, input, KEEP_WORKING);
        if (stop.blocked() && stopContinuations < MAX_STOP_CONTINUATIONS) {
            stopContinuations++;
            return true;
        }
        return false;
    }

    // ---- tools -----------------------------------------------------------------------------------

    private void execute(JournalEntry entry, QuestEvent.AgentToolUse use) {
        long started = System.nanoTime();
        if (LoopTools.TODO_WRITE.equals(use.name())) {
            List<QuestEvent.TodoUpdated.TodoItem> todos = LoopTools.todos(use.input());
            if (todos == null) {
                result(entry.id(), "TodoWrite needs {\"todos\": [{\"content\": …, \"status\": \"pending|in_progress|"
                        + "completed\"}]}.", true, millisSince(started));
                return;
            }
            emit(new QuestEvent.TodoUpdated(todos));
            long done = todos.stream().filter(t -> "completed".equals(t.status())).count();
            result(entry.id(), "Todo list updated: " + todos.size() + " items, " + done + " completed.", false,
                    millisSince(started));
            return;
        }
        Tool tool = tools.get(use.name());
        if (tool == null) {
            result(entry.id(), "There is no tool named '" + use.name() + "'. Available tools: "
                    + String.join(", ", toolSpecs.stream().map(ToolSpec::name).toList()) + ".", true, 0L);
            return;
        }
        ToolOutput output;
        try (ProgressJournal progress = new ProgressJournal(entry.id(), context.sink())) {
            ToolContext toolContext = new ToolContext(workDir, cancellation, progress, setup.blobs(), setup.limits());
            try {
                output = tool.run(use.input(), toolContext);
            } catch (ToolException e) {
                output = new ToolOutput(e.getMessage(), true, null, List.of());
            } catch (RuntimeException e) {
                output = new ToolOutput(use.name() + " failed unexpectedly: " + e + ". Try another way.", true, null,
                        List.of());
            }
        }
        String text = output.text() == null ? "" : output.text();
        {
            ObjectNode input = hookInput().put("tool_name", use.name());
            input.set("tool_input", use.input());
            input.putObject("tool_response").put("output", text).put("is_error", output.isError());
            HookResult post = runHooks(HookEvent.POST_TOOL_USE, use.name(), input);
            if (post.additionalContext() != null && !post.additionalContext().isBlank()) {
                text = text + "\n\n" + post.additionalContext().strip();
            }
            if (post.blocked() && post.feedback() != null) {
                text = text + "\n\nA PostToolUse hook says: " + post.feedback().strip();
            }
        }
        List<ContentBlock> content = new ArrayList<>();
        content.add(ContentBlock.text(text));
        if (output.blobRef() != null) {
            content.add(new ContentBlock("blob", null, output.blobRef()));
        }
        emit(new QuestEvent.AgentToolResult(entry.id(), content, output.isError(), millisSince(started)));
        for (String changed : output.changedFiles()) {
            artifact(changed, use.name());
        }
    }

    private void result(String toolUseId, String text, boolean isError, Long durationMs) {
        emit(new QuestEvent.AgentToolResult(toolUseId, ContentBlock.textList(text), isError, durationMs));
    }

    private void artifact(String relative, String toolName) {
        Path file = workDir.resolve(relative);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return; // removed again by the time we look: nothing to preview
        }
        String change = "Write".equals(toolName) ? "written" : "modified";
        emit(new QuestEvent.Artifact(relative, MediaTypes.of(relative), size, change));
    }

    // ---- compaction ------------------------------------------------------------------------------

    /** Summarises older turns when the next call would pass ~85 % of the context window. */
    private TurnResult compactIfNeeded() {
        int window = setup.client().config().effectiveContextWindow();
        long tokens = estimate(Conversation.build(log, overrides));
        if (tokens <= window * COMPACT_AT) {
            return null;
        }
        try {
            Compaction.Plan compaction = Compaction.plan(log, overrides, window * COMPACT_KEEP, this::estimate);
            if (compaction == null) {
                return null; // nothing older to summarise: let the model try, it may still fit
            }
            String summary = Compaction.summarise(setup.client(), setup.model(), compaction.older(), window,
                    cancellation);
            QuestEvent.Compacted compacted = new QuestEvent.Compacted(summary, compaction.throughEventId(), tokens, 0);
            List<JournalEntry> after = new ArrayList<>(log);
            after.add(synthetic("syn_probe", compacted));
            long kept = estimate(Conversation.build(after, overrides));
            emit(new QuestEvent.Compacted(summary, compaction.throughEventId(), tokens, kept));
            return null;
        } catch (ModelException e) {
            if (e.kind() == ModelException.Kind.CANCELLED) {
                return new TurnResult.Stopped();
            }
            return new TurnResult.Failed("compaction_failed", "The conversation is too long for the model's context "
                    + "window and summarising it failed: " + e.getMessage(), true);
        }
    }

    private long estimate(List<dev.questbench.llm.ChatMessage> messages) {
        return dev.questbench.llm.TokenEstimate.estimate(messages, systemPrompt) + toolTokens;
    }

    // ---- hooks, context, journal -----------------------------------------------------------------

    private ObjectNode hookInput() {
        ObjectNode input = EventJson.mapper().createObjectNode();
        input.put("session_id", context.quest().id());
        input.putNull("transcript_path");
        input.put("cwd", workDir.toString());
        input.put("permission_mode", setup.mode().wireName());
        return input;
    }

    private HookResult runHooks(HookEvent event, String matchTarget, ObjectNode input) {
        return runHooks(event, matchTarget, input, "blocked");
    }

    private HookResult runHooks(HookEvent event, String matchTarget, ObjectNode input, String blockedOutcome) {
        if (hooks == null) {
            return HookResult.NONE;
        }
        HookResult result = hooks.run(event, matchTarget, input, cancellation);
        List<HookRun> runs = result.runs();
        for (int i = 0; i < runs.size(); i++) {
            HookRun run = runs.get(i);
            boolean last = i == runs.size() - 1;
            String outcome = run.timedOut() ? "timed_out" : run.exitCode() == 2 || (last && result.blocked())
                    ? blockedOutcome : run.exitCode() == 0 ? "ok" : "error";
            String output = blockedOutcome.equals(outcome) && result.feedback() != null ? result.feedback()
                    : join(run.stdout(), run.stderr());
            emit(new QuestEvent.HookRan(event.wire(), run.command(), run.exitCode(), cap(output), outcome,
                    run.durationMs()));
        }
        return result;
    }

    /** Journals which memory and settings files the agent read, when that differs from the last time. */
    private void recordContext(List<MemoryFile> memory) {
        List<QuestEvent.ContextLoaded.Reference> references = new ArrayList<>();
        for (MemoryFile file : memory) {
            references.add(new QuestEvent.ContextLoaded.Reference(file.path().toString(), "memory", file.scope()));
        }
        QuestEvent.ContextLoaded loaded = new QuestEvent.ContextLoaded(references, project.warnings());
        QuestEvent.ContextLoaded previous = null;
        for (JournalEntry entry : log) {
            if (entry.event() instanceof QuestEvent.ContextLoaded earlier) {
                previous = earlier;
            }
        }
        if (!Objects.equals(previous, loaded) && (!references.isEmpty() || !project.warnings().isEmpty()
                || previous != null)) {
            emit(loaded);
        }
    }

    private JournalEntry emit(QuestEvent event) {
        JournalEntry entry = context.sink().emit(event);
        log.add(entry);
        return entry;
    }

    private JournalEntry synthetic(String id, QuestEvent event) {
        return new JournalEntry(id, context.quest().id(), -1, Instant.now(), event);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String join(String stdout, String stderr) {
        String out = stdout == null ? "" : stdout.strip();
        String err = stderr == null ? "" : stderr.strip();
        return out.isEmpty() ? err : err.isEmpty() ? out : out + "\n" + err;
    }

    private static String cap(String text) {
        return text.length() <= HOOK_OUTPUT_CAP ? text : text.substring(0, HOOK_OUTPUT_CAP) + "…";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    PermissionMode mode() {
        return setup.mode();
    }
}
