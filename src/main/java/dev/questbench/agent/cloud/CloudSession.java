package dev.questbench.agent.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.UserInput;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One quest as a remote Cloud Agents session (created with {@code incremental_streaming_enabled}). A turn posts a
 * {@code user.message} and follows the stream until this turn's {@code session.status_idle}; {@code requires_action}
 * pauses the quest on approval cards (or is answered at once by the quest's permission mode) and confirmations go
 * back as {@code user.tool_confirmation} with the remote {@code evt_} ids. A message the service refuses with 409
 * because the session still runs waits for the session's idle and is sent then.
 */
final class CloudSession implements AgentSession {
    static final String AGENT = "cloud";
    private static final Set<String> EDITS = Set.of("Write", "Edit", "NotebookEdit");
    private static final Set<String> LOOKING = Set.of("Read", "Glob", "Grep", "WebFetch", "WebSearch");
    private static final int MAX_BUSY_WAITS = 3;

    private final QuestContext context;
    private final CloudApi api;
    private final Settings settings;
    private final long pollMillis;
    private final CloudTranscript transcript;
    private final PermissionMode mode;
    private String sessionId;
    private CloudStream stream;
    private volatile boolean cancelled;
    private String lastError;

    CloudSession(QuestContext context, CloudApi api, Settings settings, long pollMillis) {
        this.context = context;
        this.api = api;
        this.settings = settings;
        this.pollMillis = pollMillis;
        this.transcript = new CloudTranscript(context.sink());
        this.mode = context.quest().options().permissionMode();
        this.sessionId = earlierSession();
    }

    @Override
    public TurnResult send(UserInput input) {
        cancelled = false;
        try {
            ensureSession();
            return sendMessage(input.text());
        } catch (CloudException e) {
            return failed(e);
        } catch (CloudStream.Closed e) {
            return new TurnResult.Stopped();
        }
    }

    @Override
    public TurnResult confirm(List<ToolConfirmation> answers) {
        cancelled = false;
        try {
            ensureSession();
            ArrayNode events = CloudApi.JSON.createArrayNode();
            for (ToolConfirmation answer : answers) {
                String remote = transcript.remote(answer.toolUseEventId());
                if (remote != null) {
                    confirmation(events, remote, answer.decision() == Decision.ALLOW, answer.denyMessage());
                }
            }
            if (events.isEmpty()) { // the approvals were asked before a restart: the session still waits
                return follow();
            }
            post(events);
            return follow();
        } catch (CloudException e) {
            return failed(e);
        } catch (CloudStream.Closed e) {
            return new TurnResult.Stopped();
        }
    }

    @Override
    public TurnResult resume() {
        cancelled = false;
        try {
            ensureSession();
            JsonNode remote = api.get("sessions/" + sessionId);
            if ("running".equals(remote.path("status").asText())) {
                JsonNode newest = api.get("sessions/" + sessionId + "/events?order=desc&limit=1").path("data");
                stream().startAfter(newest.isEmpty() ? null : newest.get(0).path("id").asText(null));
                return follow();
            }
            return sendMessage("Continue where you left off.");
        } catch (CloudException e) {
            return failed(e);
        } catch (CloudStream.Closed e) {
            return new TurnResult.Stopped();
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        CloudStream open = stream;
        stream = null;
        if (open != null) {
            open.close();
        }
        String id = sessionId;
        if (id != null) {
            Thread stop = new Thread(() -> {
                try {
                    api.post("sessions/" + id + "/cancel", CloudApi.JSON.createObjectNode());
                } catch (CloudException ignored) {
                    // the session may be idle already, or gone: nothing else to stop
                }
            }, "cloud-cancel");
            stop.setDaemon(true);
            stop.start();
        }
    }

    @Override
    public void close() {
        CloudStream open = stream;
        stream = null;
        if (open != null) {
            open.close();
        }
    }

    // ---- the turn --------------------------------------------------------------------------------

    private void ensureSession() throws CloudException {
        if (sessionId != null) {
            return;
        }
        CloudSetup.Target target = CloudSetup.resolve(api, settings);
        ObjectNode create = CloudApi.JSON.createObjectNode().put("agent", target.agentId())
                .put("environment_id", target.environmentId()).put("title", context.quest().title())
                .put("incremental_streaming_enabled", true);
        create.putObject("metadata").put("questbench_quest_id", context.quest().id());
        sessionId = api.post("sessions", create).path("id").asText();
        context.sink().emit(new QuestEvent.ExternalSession(AGENT, sessionId, null, List.of()));
    }

    private TurnResult sendMessage(String text) throws CloudException, CloudStream.Closed {
        ArrayNode events = CloudApi.JSON.createArrayNode();
        ObjectNode message = events.addObject().put("type", "user.message");
        message.putArray("content").addObject().put("type", "text").put("text", text);
        for (int waits = 0; ; waits++) {
            try {
                JsonNode stored = post(events);
                JsonNode first = stored.path("data").path(0);
                stream().startAfter(first.path("id").asText(null));
                return follow();
            } catch (CloudException e) {
                if (!e.busy() || waits >= MAX_BUSY_WAITS) {
                    throw e;
                }
                waitForIdle(); // the session still runs a turn: the message waits for its end
            }
        }
    }

    /** Reads until this turn yields. */
    private TurnResult follow() throws CloudException, CloudStream.Closed {
        lastError = null;
        while (true) {
            if (cancelled || context.control().stopRequested()) {
                return new TurnResult.Stopped();
            }
            JsonNode event = stream().next();
            transcript.record(event);
            switch (event.path("type").asText("")) {
                case "session.error" -> lastError = event.path("error").path("message").asText(event.toString());
                case "session.status_terminated", "session.deleted" -> {
                    return new TurnResult.Failed("session_terminated", "The remote session " + sessionId
                            + " ended on the service" + (lastError == null ? "" : ": " + lastError)
                            + ". Start a new quest to go on.", false);
                }
                case "session.status_idle" -> {
                    TurnResult yielded = idle(event.path("stop_reason"));
                    if (yielded != null) {
                        return yielded;
                    }
                }
                default -> {
                    // keep reading
                }
            }
        }
    }

    /** How an idle ends the turn; null when the mode answered every approval and the turn goes on. */
    private TurnResult idle(JsonNode stopReason) throws CloudException {
        if (!"requires_action".equals(stopReason.path("type").asText())) {
            if (lastError != null) {
                return new TurnResult.Failed("remote_error", "The remote agent reported an error: " + lastError
                        + ". Retry, or send a message.", true);
            }
            return new TurnResult.EndTurn();
        }
        List<String> waiting = new ArrayList<>();
        ArrayNode answers = CloudApi.JSON.createArrayNode();
        for (JsonNode id : stopReason.path("event_ids")) {
            String remote = id.asText();
            Decision.Permission judged = judge(transcript.toolName(remote));
            if (judged == Decision.Permission.ASK) {
                String local = transcript.local(remote);
                if (local != null) {
                    waiting.add(local);
                }
            } else {
                confirmation(answers, remote, judged == Decision.Permission.ALLOW,
                        "This quest is in plan mode: only reading is allowed.");
            }
        }
        if (!waiting.isEmpty()) {
            return new TurnResult.RequiresAction(waiting);
        }
        if (answers.isEmpty()) {
            return new TurnResult.Failed("remote_error", "The remote session " + sessionId + " waits for approvals of "
                    + "tool uses this quest never received. Answer them on the service, then Retry.", true);
        }
        post(answers);
        return null;
    }

    /** The quest's permission mode decides without the user when it can. */
    private Decision.Permission judge(String toolName) {
        return switch (mode) {
            case BYPASS_PERMISSIONS -> Decision.Permission.ALLOW;
            case ACCEPT_EDITS -> EDITS.contains(toolName) ? Decision.Permission.ALLOW : Decision.Permission.ASK;
            case PLAN -> LOOKING.contains(toolName) ? Decision.Permission.ALLOW : Decision.Permission.DENY;
            case DEFAULT -> Decision.Permission.ASK;
        };
    }

    private void waitForIdle() throws CloudException, CloudStream.Closed {
        JsonNode newest = api.get("sessions/" + sessionId + "/events?order=desc&limit=1").path("data");
        stream().startAfter(newest.isEmpty() ? null : newest.get(0).path("id").asText(null));
        while (true) {
            JsonNode event = stream().next();
            transcript.record(event);
            String type = event.path("type").asText("");
            if (type.equals("session.status_idle") || type.equals("session.status_terminated")) {
                return;
            }
        }
    }

    private static void confirmation(ArrayNode events, String remoteId, boolean allow, String denyMessage) {
        ObjectNode answer = events.addObject().put("type", "user.tool_confirmation").put("tool_use_id", remoteId)
                .put("result", allow ? "allow" : "deny");
        if (!allow && denyMessage != null && !denyMessage.isBlank()) {
            answer.put("deny_message", denyMessage);
        }
    }

    private JsonNode post(ArrayNode events) throws CloudException {
        ObjectNode body = CloudApi.JSON.createObjectNode();
        body.set("events", events);
        return api.post("sessions/" + sessionId + "/events", body);
    }

    private CloudStream stream() {
        if (stream == null) {
            stream = new CloudStream(api, sessionId, pollMillis);
        }
        return stream;
    }

    private TurnResult failed(CloudException e) {
        return new TurnResult.Failed(e.status() == 401 ? "authentication_failed" : "remote_error", e.userMessage(),
                true);
    }

    private String earlierSession() {
        List<JournalEntry> history = context.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).event() instanceof QuestEvent.ExternalSession session && AGENT.equals(session.agent())) {
                return session.sessionId();
            }
        }
        return null;
    }
}
