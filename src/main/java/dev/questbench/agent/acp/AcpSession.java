package dev.questbench.agent.acp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.UserInput;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.QuestEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One quest's conversation with an ACP agent. A turn is one {@code session/prompt}: {@link #send} waits for its
 * answer while updates become journal events; a permission request the quest's mode does not settle pauses the
 * turn as {@link TurnResult.RequiresAction} (the prompt stays open) and {@link #confirm} answers it and waits on.
 * The agent process starts on the first turn and again after it crashed (Retry), loading its earlier session
 * when the agent supports {@code session/load}.
 */
final class AcpSession implements AgentSession {
    private static final long POLL_MILLIS = 100;
    private static final int CONTEXT_CHARS = 20_000;

    private final QuestContext context;
    private final AcpPreset preset;
    private final Path workDir;
    private final Path logFile;
    private final long startTimeoutSeconds;
    private final long idleTimeoutNanos;
    private final PermissionMode mode;
    private final LinkedBlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AcpTerminals terminals;
    private final AcpFiles files;
    private final AcpTranscript transcript;
    private final QuestHistory history;
    private AgentProcess process;
    private String sessionId;
    private String currentMode;
    private List<String> commands = List.of();
    private boolean loadedEarlier;
    private boolean needsContext; // a new session for a quest with a past: the first prompt brings it along
    private CompletableFuture<JsonNode> prompt;
    private volatile boolean cancelled;
    private volatile boolean promptCancelled; // session/cancel went out for the prompt in flight
    private volatile boolean loading;

    /** What wakes the waiting turn. */
    private sealed interface Signal {
        record Asked(String toolUseEventId) implements Signal {
        }

        record PromptEnded(JsonNode result, Throwable error) implements Signal {
        }

        record Closed() implements Signal {
        }
    }

    /** A permission request waiting for the user: the options offered and the agent's open request. */
    private record Pending(JsonNode options, CompletableFuture<JsonNode> answer) {
    }

    AcpSession(QuestContext context, AcpPreset preset, Path workDir, Path logFile, long startTimeoutSeconds,
               long idleTimeoutSeconds) {
        this.context = context;
        this.preset = preset;
        this.workDir = workDir.toAbsolutePath().normalize();
        this.logFile = logFile;
        this.startTimeoutSeconds = startTimeoutSeconds;
        this.idleTimeoutNanos = TimeUnit.SECONDS.toNanos(idleTimeoutSeconds);
        this.mode = context.quest().options().permissionMode();
        this.history = new QuestHistory(context);
        boolean plan = mode == PermissionMode.PLAN;
        this.transcript = new AcpTranscript(context.sink(), this.workDir, this::terminalOutput,
                new AcpTranscript.SessionInfo() {
                    @Override
                    public void modeChanged(String newMode) {
                        currentMode = newMode;
                        recordSession();
                    }

                    @Override
                    public void commandsChanged(List<String> names) {
                        commands = List.copyOf(names);
                        recordSession();
                    }
                });
        this.terminals = new AcpTerminals(this.workDir, plan, transcript::terminalOutput);
        this.files = new AcpFiles(this.workDir, plan, transcript::artifact);
    }

    // ---- AgentSession ----------------------------------------------------------------------------

    @Override
    public TurnResult send(UserInput input) {
        TurnResult failed = begin();
        return failed != null ? failed : prompt(input.text());
    }

    @Override
    public TurnResult confirm(List<ToolConfirmation> answers) {
        boolean answeredLive = false;
        for (ToolConfirmation answer : answers) {
            Pending waiting = pending.remove(answer.toolUseEventId());
            if (waiting != null) {
                waiting.answer().complete(AcpPermissions.outcome(waiting.options(), answer));
                answeredLive = true;
            }
        }
        if (answeredLive && prompt != null && !prompt.isDone()) {
            cancelled = false;
            return awaitYield();
        }
        // The request died with an earlier agent process (restart, crash): tell a new turn what the user said.
        TurnResult failed = begin();
        if (failed != null) {
            return failed;
        }
        boolean allowed = answers.stream().allMatch(a -> a.decision() == Decision.ALLOW);
        return prompt("The user " + (allowed ? "allowed" : "denied") + " the action you asked permission for. "
                + "Continue accordingly.");
    }

    @Override
    public TurnResult resume() {
        if (prompt != null && !prompt.isDone() && !promptCancelled && process != null && process.isAlive()) {
            cancelled = false;
            return awaitYield();
        }
        TurnResult failed = begin();
        if (failed != null) {
            return failed;
        }
        return prompt(loadedEarlier || history.agentWorkedSinceLastMessage() ? "Continue where you left off."
                : history.lastUserMessage());
    }

    @Override
    public void cancel() {
        cancelled = true;
        AgentProcess running = process;
        if (running != null && sessionId != null && running.isAlive()) {
            running.connection().notify("session/cancel", params());
            promptCancelled = true;
        }
        pending.values().forEach(waiting -> waiting.answer().complete(AcpPermissions.cancelled()));
        pending.clear();
        terminals.close();
        signals.add(new Signal.Closed()); // wakes a waiting turn, which then sees the cancel
    }

    @Override
    public void close() {
        cancel();
        AgentProcess running = process;
        process = null;
        if (running != null) {
            running.close();
        }
    }

    // ---- the turn --------------------------------------------------------------------------------

    /** Starts the agent (again) when needed and opens or loads its session. */
    private TurnResult begin() {
        cancelled = false;
        if (prompt != null && !prompt.isDone()) {
            try { // the agent should answer a cancelled prompt soon; a new one must not overlap it
                prompt.get(3, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // stuck or failed: the new prompt goes ahead
            }
        }
        prompt = null;
        signals.clear();
        if (process != null && process.isAlive()) {
            return null;
        }
        if (process != null) {
            process.close();
            process = null;
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            return new TurnResult.Failed("workspace_unavailable", "The quest's folder " + workDir + " cannot be used ("
                    + e.getMessage() + "). Check that it exists and is writable, then Retry.", true);
        }
        try {
            process = AgentProcess.start(preset, workDir, logFile, new Client());
        } catch (IllegalStateException e) {
            return new TurnResult.Failed("agent_unavailable", e.getMessage(), true);
        }
        QuestEvent.ExternalSession earlier = history.lastSession(preset.name());
        try {
            AcpHandshake.Opened opened = AcpHandshake.open(process.connection(), workDir,
                    earlier == null ? null : earlier.sessionId(), mode.wireName(), startTimeoutSeconds,
                    () -> loading = true, () -> loading = false);
            sessionId = opened.sessionId();
            loadedEarlier = opened.loaded();
            needsContext = !opened.loaded();
            currentMode = opened.mode();
        } catch (RpcError e) {
            String what = e.code() == RpcError.TIMEOUT ? "did not answer while starting (" + e.getMessage() + ")"
                    : e.code() == RpcError.CLOSED ? "stopped while starting"
                    : e.code() == AcpHandshake.AUTH_REQUIRED ? "cannot start yet: " + e.getMessage()
                    : "refused to start a session: " + e.getMessage();
            TurnResult failed = new TurnResult.Failed("agent_unavailable", process.failure(what), true);
            process.close();
            process = null;
            return failed;
        }
        recordSession();
        return null;
    }

    private TurnResult prompt(String text) {
        String earlier = needsContext ? history.earlierConversation(CONTEXT_CHARS, text) : "";
        needsContext = false;
        if (!earlier.isEmpty()) {
            text = "This conversation started in an earlier session you cannot see. Here it is so far:\n\n" + earlier
                    + "\n\nNow the user says:\n" + text;
        }
        ObjectNode params = params();
        params.putArray("prompt").addObject().put("type", "text").put("text", text);
        CompletableFuture<JsonNode> sent = process.connection().request("session/prompt", params);
        prompt = sent;
        promptCancelled = false;
        sent.whenComplete((result, error) -> signals.add(new Signal.PromptEnded(result, error)));
        return awaitYield();
    }

    /** Waits until the turn yields: the prompt's answer, a question for the user, a crash, a hang or a stop. */
    private TurnResult awaitYield() {
        long since = System.nanoTime();
        while (true) {
            if (context.control().stopRequested() || cancelled) {
                return stopped(new TurnResult.Stopped());
            }
            if (context.control().pauseRequested()) {
                return stopped(new TurnResult.Paused());
            }
            Signal signal;
            try {
                signal = signals.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stopped(new TurnResult.Stopped());
            }
            if (signal instanceof Signal.Asked asked) {
                List<String> ids = new ArrayList<>(List.of(asked.toolUseEventId()));
                signals.removeIf(s -> s instanceof Signal.Asked more && ids.add(more.toolUseEventId()));
                transcript.flush();
                return new TurnResult.RequiresAction(ids);
            }
            if (signal instanceof Signal.PromptEnded ended) {
                return ended(ended);
            }
            if (signal instanceof Signal.Closed && !cancelled && (process == null || !process.isAlive())) {
                return crashed("stopped unexpectedly");
            }
            long quiet = System.nanoTime() - Math.max(since, process == null ? since
                    : process.connection().lastActivityNanos());
            if (quiet > idleTimeoutNanos && pending.isEmpty()) {
                return crashed("sent nothing for " + TimeUnit.NANOSECONDS.toSeconds(quiet)
                        + " s and counts as hung (Settings → Agents → idle timeout)");
            }
        }
    }

    private TurnResult ended(Signal.PromptEnded ended) {
        if (ended.error() != null) {
            if (ended.error() instanceof RpcError error && error.code() == RpcError.CLOSED) {
                return crashed("stopped unexpectedly");
            }
            transcript.endTurn("the agent reported an error");
            return new TurnResult.Failed("agent_error", "The agent '" + preset.name() + "' reported an error: "
                    + ended.error().getMessage() + ". Retry, or check its log.", true);
        }
        String reason = ended.result().path("stopReason").asText("end_turn");
        transcript.endTurn(reason);
        String note = switch (reason) {
            case "max_tokens", "max_turn_requests" -> "The agent stopped at its limit (" + reason
                    + "). Send a message to let it continue.";
            case "refusal" -> "The agent refused to continue this turn.";
            default -> null;
        };
        if (note != null) {
            context.sink().emit(QuestEvent.AgentMessage.text(note));
        }
        return "cancelled".equals(reason) ? new TurnResult.Stopped() : new TurnResult.EndTurn();
    }

    private TurnResult stopped(TurnResult result) {
        cancel();
        transcript.endTurn("stopped");
        return result;
    }

    private TurnResult crashed(String what) {
        transcript.endTurn("the agent stopped");
        AgentProcess dead = process;
        process = null;
        prompt = null;
        pending.clear();
        terminals.close();
        String message = dead == null ? "The agent '" + preset.name() + "' " + what + "." : dead.failure(what);
        if (dead != null) {
            dead.close();
        }
        return new TurnResult.Failed("agent_crashed", message, true);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String terminalOutput(String terminalId) {
        return terminals.outputOf(terminalId);
    }

    private ObjectNode params() {
        return JsonRpcConnection.MAPPER.createObjectNode().put("sessionId", sessionId);
    }

    private void recordSession() {
        if (sessionId == null) {
            return;
        }
        QuestEvent.ExternalSession now = new QuestEvent.ExternalSession(preset.name(), sessionId, currentMode,
                commands);
        if (!now.equals(history.lastSession(preset.name()))) {
            context.sink().emit(now);
        }
    }

    /** What the agent asks of the client: permissions, files, terminals; and its session updates. */
    private final class Client implements JsonRpcConnection.Handler {
        @Override
        public JsonNode request(String method, JsonNode params) throws RpcError {
            JsonNode p = params == null ? JsonRpcConnection.MAPPER.createObjectNode() : params;
            return switch (method) {
                case "session/request_permission" -> permission(p);
                case "fs/read_text_file" -> files.read(p);
                case "fs/write_text_file" -> files.write(p);
                case "terminal/create" -> terminals.create(p);
                case "terminal/output" -> terminals.output(p);
                case "terminal/wait_for_exit" -> terminals.waitForExit(p);
                case "terminal/kill" -> terminals.kill(p);
                case "terminal/release" -> terminals.release(p);
                default -> throw new RpcError(RpcError.METHOD_NOT_FOUND, "Questbench does not implement " + method);
            };
        }

        @Override
        public void notification(String method, JsonNode params) {
            if ("session/update".equals(method) && params != null && !loading) {
                transcript.update(params.path("update"));
            }
        }

        @Override
        public void closed() {
            signals.add(new Signal.Closed());
        }

        private JsonNode permission(JsonNode params) throws RpcError {
            JsonNode toolCall = params.path("toolCall");
            JsonNode options = params.path("options");
            if (cancelled) {
                return AcpPermissions.cancelled();
            }
            Decision.Permission judged = AcpPermissions.judge(mode, toolCall);
            String useId = transcript.permission(toolCall, judged);
            if (judged != Decision.Permission.ASK) {
                return AcpPermissions.outcome(options, judged == Decision.Permission.ALLOW);
            }
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(useId, new Pending(options, answer));
            signals.add(new Signal.Asked(useId));
            try {
                return answer.get();
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                return AcpPermissions.cancelled(); // the turn was stopped, or the app closes
            }
        }
    }
}
