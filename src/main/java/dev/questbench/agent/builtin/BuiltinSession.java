package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.UserInput;
import dev.questbench.agent.builtin.hooks.HookConfig;
import dev.questbench.agent.builtin.hooks.HookEvent;
import dev.questbench.agent.builtin.hooks.HookResult;
import dev.questbench.agent.builtin.hooks.HookRunner;
import dev.questbench.agent.builtin.memory.MemoryFile;
import dev.questbench.agent.builtin.memory.MemoryLoader;
import dev.questbench.agent.builtin.permission.ProjectSettings;
import dev.questbench.agent.builtin.skills.Skill;
import dev.questbench.agent.builtin.skills.SkillCommand;
import dev.questbench.agent.builtin.subagents.Experts;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ChatMessage;
import dev.questbench.llm.ModelException;
import dev.questbench.llm.ModelRequest;
import dev.questbench.llm.ModelResponse;
import dev.questbench.llm.StreamListener;
import dev.questbench.llm.TokenEstimate;
import dev.questbench.llm.ToolSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One quest's conversation with the built-in agent: calls the model, streams its reply, has its tool calls
 * judged and run, feeds the results back, until the model ends its turn or something needs the user.
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

    private final QuestContext context;
    private final SessionSetup setup;
    private final Path workDir;
    private final boolean hasWorkspace;
    private final SessionJournal journal;
    private final Map<String, String> overrides = new HashMap<>();
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final List<ToolSpec> toolSpecs = new ArrayList<>();
    private final long toolTokens;
    private final AtomicLong messageIds = new AtomicLong();
    private final List<Skill> skills;
    private final SessionExtensions extensions;
    private final boolean experts;
    private SubagentRunner subagents;
    private volatile Cancellation cancellation = new Cancellation();
    private SessionHooks hooks;
    private ToolGate gate;
    private ToolExecution execution;
    private PendingTools pendingTools;
    private String systemPrompt;
    private int stopContinuations;

    BuiltinSession(QuestContext context, SessionSetup setup) {
        this.context = context;
        this.setup = setup;
        this.hasWorkspace = context.workingDirectory() != null;
        this.workDir = hasWorkspace ? context.workingDirectory().toAbsolutePath().normalize() : setup.scratch();
        this.journal = new SessionJournal(context);
        this.experts = context.quest().mode() == dev.questbench.domain.QuestMode.EXPERTS;
        this.extensions = SessionExtensions.load(setup, hasWorkspace ? workDir : null, experts);
        this.skills = extensions.skills();
        long chars = 0;
        for (Tool tool : extensions.tools()) {
            tools.put(tool.name(), tool);
            toolSpecs.add(new ToolSpec(tool.name(), tool.description(), tool.inputSchema()));
        }
        toolSpecs.add(LoopTools.todoWrite());
        toolSpecs.add(LoopTools.askUserQuestion());
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
        JournalEntry message = id == null ? null : journal.find(id).orElse(null);
        if (message == null) {
            message = journal.remember(id, new QuestEvent.UserMessage(input.content()));
        }
        String journaled = ContentBlock.fullText(((QuestEvent.UserMessage) message.event()).content());
        String text = ContentBlock.fullText(input.content()); // attached files included: the model reads them
        HookResult prompt = hooks.run(HookEvent.USER_PROMPT_SUBMIT, null, hooks.input().put("prompt", text));
        if (prompt.blocked() || prompt.stop()) {
            overrides.put(message.id(), "(This message was rejected by a UserPromptSubmit hook and not sent.)");
            String why = prompt.blocked() ? prompt.feedback() : prompt.stopReason();
            return new TurnResult.Failed("prompt_rejected", "A UserPromptSubmit hook rejected this message"
                    + (why == null || why.isBlank() ? "." : ": " + why.strip()) + " Change the message or the hook, "
                    + "then send it again.", false);
        }
        String seen = SkillCommand.expand(text, skills);
        if (prompt.additionalContext() != null && !prompt.additionalContext().isBlank()) {
            seen = seen + "\n\n" + prompt.additionalContext().strip();
        }
        if (!seen.equals(journaled)) {
            overrides.put(message.id(), seen); // e.g. spec-mode instructions or hook context
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
            if (journal.confirmation(answer.toolUseEventId()) == null) {
                journal.remember(null, new QuestEvent.UserToolConfirmation(answer.toolUseEventId(), answer.decision(),
                        answer.denyMessage(), answer.alwaysForQuest(), answer.answer()));
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
        if (subagents != null) {
            subagents.close();
        }
        extensions.close();
    }

    // ---- the loop --------------------------------------------------------------------------------

    /** Prepares the session on its first turn and gives each turn a fresh cancel signal. */
    private TurnResult begin() {
        journal.catchUp();
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
        ProjectSettings project = ProjectSettings.load(hasWorkspace ? workDir : null, setup.home());
        List<HookConfig> configs = new ArrayList<>();
        configs.add(setup.appHooks());
        for (ProjectSettings.SourcedHooks sourced : project.hooks()) {
            configs.add(HookConfig.parse(sourced.hooks(), sourced.source()));
        }
        hooks = new SessionHooks(new HookRunner(HookConfig.merge(configs), workDir, setup.hookTimeout()), journal,
                context.quest().id(), workDir, setup.mode(), () -> cancellation);
        gate = new ToolGate(setup, project, journal, hooks, tools, workDir);
        execution = new ToolExecution(setup, journal, hooks, tools, toolSpecs, workDir);
        subagents = new SubagentRunner(setup, journal, extensions.subagents(), workDir, experts,
                () -> context.control().pauseRequested());
        pendingTools = new PendingTools(context, journal, gate, execution, subagents, hooks);
        List<MemoryFile> memory = MemoryLoader.load(hasWorkspace ? workDir : null, setup.home());
        recordContext(memory, project);
        String source = journal.hasAgentActivity() ? "resume" : "startup";
        ObjectNode start = hooks.input().put("source", source).put("model", setup.model());
        HookResult session = hooks.run(HookEvent.SESSION_START, source, start);
        systemPrompt = SystemPrompt.build(workDir, hasWorkspace, setup.mode(), memory, session.additionalContext(),
                LocalDate.now(), skills) + (experts ? Experts.LEAD_PROMPT : "");
        return null;
    }

    private TurnResult loop() {
        int steps = journal.stepsThisTurn();
        boolean probed = false;
        while (true) {
            if (context.control().stopRequested() || cancellation.isCancelled()) {
                return new TurnResult.Stopped();
            }
            if (context.control().pauseRequested()) {
                return new TurnResult.Paused();
            }
            List<JournalEntry> pending = journal.pendingToolUses();
            if (!pending.isEmpty()) {
                TurnResult yielded = pendingTools.run(pending, cancellation);
                if (yielded != null) {
                    return yielded;
                }
                continue;
            }
            if (steps >= setup.stepLimit()) {
                journal.emit(QuestEvent.AgentMessage.text("I stopped after " + steps + " steps, the per-turn limit "
                        + "(Settings → Agent → Step limit). Send a message to let me continue."));
                return new TurnResult.EndTurn();
            }
            if (!probed && setup.implicitModel()) {
                probed = true;
                TurnResult unreachable = ModelFailures.probeImplicitProvider(setup);
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
                return ModelFailures.of(e);
            }
            steps++;
            if (gate.record(response).isEmpty() && !keepWorking(response.text())) {
                return new TurnResult.EndTurn();
            }
        }
    }

    /** The Stop hooks may send the agent back to work (a few times per turn at most). */
    private boolean keepWorking(String lastMessage) {
        ObjectNode input = hooks.input().put("stop_hook_active", stopContinuations > 0)
                .put("last_assistant_message", lastMessage);
        HookResult stop = hooks.run(HookEvent.STOP, null, input, KEEP_WORKING);
        if (stop.blocked() && stopContinuations < MAX_STOP_CONTINUATIONS) {
            stopContinuations++;
            return true;
        }
        return false;
    }

    // ---- model calls -----------------------------------------------------------------------------

    private ModelResponse callModel() throws ModelException {
        ModelRequest request = new ModelRequest(setup.model(), systemPrompt,
                Conversation.build(journal.entries(), overrides), toolSpecs, 0, null);
        String messageId = "msg_" + messageIds.incrementAndGet();
        journal.emit(new QuestEvent.ModelRequestStart(setup.model()));
        long started = System.nanoTime();
        StreamListener listener = new StreamListener() {
            @Override
            public void onTextDelta(String text) {
                journal.stream(new QuestEvent.AgentContentBlockDelta(messageId, 0,
                        QuestEvent.AgentContentBlockDelta.Delta.text(text)));
            }

            @Override
            public void onThinkingDelta(String text) {
                journal.stream(new QuestEvent.AgentContentBlockDelta(messageId, 0,
                        new QuestEvent.AgentContentBlockDelta.Delta("thinking_delta", null, text, null)));
            }
        };
        try {
            ModelResponse response = setup.client().stream(request, listener, cancellation);
            dev.questbench.llm.Usage usage = response.usage();
            journal.emit(new QuestEvent.ModelRequestEnd(response.model() == null ? setup.model() : response.model(),
                    new QuestEvent.ModelRequestEnd.Usage(usage.inputTokens(), usage.outputTokens(),
                            usage.cacheCreationInputTokens(), usage.cacheReadInputTokens()),
                    ToolExecution.millisSince(started)));
            return response;
        } catch (ModelException e) {
            journal.emit(new QuestEvent.ModelRequestEnd(setup.model(), null, ToolExecution.millisSince(started)));
            throw e;
        }
    }

    // ---- compaction ------------------------------------------------------------------------------

    /** Summarises older turns when the next call would pass ~85 % of the context window, or the user asked to. */
    private TurnResult compactIfNeeded() {
        int window = setup.client().config().effectiveContextWindow();
        long tokens = estimate(Conversation.build(journal.entries(), overrides));
        Compaction.Plan requested = Compaction.requested(journal.entries(), overrides);
        if (requested == null && tokens <= window * COMPACT_AT) {
            return null;
        }
        try {
            Compaction.Plan plan = requested != null ? requested
                    : Compaction.plan(journal.entries(), overrides, window * COMPACT_KEEP, this::estimate);
            if (plan == null) {
                return null; // nothing older to summarise: let the model try, it may still fit
            }
            String summary = Compaction.summarise(setup.client(), setup.model(), plan.older(), window, cancellation);
            List<JournalEntry> after = new ArrayList<>(journal.entries());
            after.add(new JournalEntry("syn_compaction", context.quest().id(), -1, java.time.Instant.now(),
                    new QuestEvent.Compacted(summary, plan.throughEventId(), tokens, 0)));
            long kept = estimate(Conversation.build(after, overrides));
            journal.emit(new QuestEvent.Compacted(summary, plan.throughEventId(), tokens, kept));
            return null;
        } catch (ModelException e) {
            if (e.kind() == ModelException.Kind.CANCELLED) {
                return new TurnResult.Stopped();
            }
            return new TurnResult.Failed("compaction_failed", "The conversation is too long for the model's context "
                    + "window and summarising it failed: " + e.getMessage(), true);
        }
    }

    private long estimate(List<ChatMessage> messages) {
        return TokenEstimate.estimate(messages, systemPrompt) + toolTokens;
    }

    /** Journals which memory and settings files the agent read, when that differs from the last time. */
    private void recordContext(List<MemoryFile> memory, ProjectSettings project) {
        List<QuestEvent.ContextLoaded.Reference> references = new ArrayList<>();
        for (MemoryFile file : memory) {
            references.add(new QuestEvent.ContextLoaded.Reference(file.path().toString(), "memory", file.scope()));
        }
        List<String> warnings = new ArrayList<>(project.warnings());
        warnings.addAll(extensions.mcpProblems());
        QuestEvent.ContextLoaded loaded = new QuestEvent.ContextLoaded(references, warnings);
        QuestEvent.ContextLoaded previous = journal.last(QuestEvent.ContextLoaded.class);
        if (!Objects.equals(previous, loaded) && (!references.isEmpty() || !warnings.isEmpty()
                || previous != null)) {
            journal.emit(loaded);
        }
    }
}
