package dev.questbench.agent.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.UserInput;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.ModelException;
import dev.questbench.llm.SseReader;
import java.io.IOException;
import java.util.List;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One quest on a webhook agent: each message runs the command once ({@code POST /webhook/{command}?sse=true}, then
 * the {@code GET ?sessionId=} stream of {@code message}, {@code error}, {@code loading} and {@code done}). The
 * service is non-interactive and cannot resume, so Retry and Resume run the last message again.
 */
final class WebhookSession implements AgentSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final QuestContext context;
    private final WebhookPreset preset;
    private final OkHttpClient http;
    private volatile Call call;
    private volatile boolean cancelled;

    WebhookSession(QuestContext context, WebhookPreset preset, OkHttpClient http) {
        this.context = context;
        this.preset = preset;
        this.http = http;
    }

    @Override
    public TurnResult send(UserInput input) {
        return run(input.text());
    }

    @Override
    public TurnResult confirm(List<ToolConfirmation> answers) {
        return new TurnResult.EndTurn(); // webhook agents never ask
    }

    @Override
    public TurnResult resume() {
        List<JournalEntry> all = context.history();
        String last = "";
        for (JournalEntry entry : context.journal().after(all.isEmpty() ? null : all.get(all.size() - 1).id())) {
            if (entry.event() instanceof QuestEvent.UserMessage message) {
                last = ContentBlock.plainText(message.content());
            }
        }
        if (last.isEmpty()) {
            for (JournalEntry entry : all) {
                if (entry.event() instanceof QuestEvent.UserMessage message) {
                    last = ContentBlock.plainText(message.content());
                }
            }
        }
        return run(last);
    }

    @Override
    public void cancel() {
        cancelled = true;
        Call open = call;
        if (open != null) {
            open.cancel();
        }
    }

    @Override
    public void close() {
        cancel();
    }

    private TurnResult run(String message) {
        cancelled = false;
        HttpUrl endpoint = HttpUrl.parse(preset.baseUrl().replaceAll("/+$", "") + "/webhook/" + preset.command());
        if (endpoint == null) {
            return new TurnResult.Failed("configuration_error", "The webhook agent '" + preset.name() + "' has no "
                    + "valid base URL ('" + preset.baseUrl() + "'); fix it in Settings → Agents.", true);
        }
        JsonNode body = preset.argumentsFor(message, parse(message));
        String sessionId;
        try {
            sessionId = start(endpoint, body);
        } catch (Refused e) {
            return new TurnResult.Failed("invalid_request", e.getMessage(), false);
        } catch (IOException e) {
            return unreachable(e);
        }
        try {
            return stream(endpoint, sessionId);
        } catch (IOException e) {
            return cancelled ? new TurnResult.Stopped() : unreachable(e);
        }
    }

    private String start(HttpUrl endpoint, JsonNode body) throws IOException, Refused {
        Request request = new Request.Builder().url(endpoint.newBuilder().addQueryParameter("sse", "true").build())
                .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE)).build();
        Call posting = http.newCall(request);
        call = posting;
        try (Response response = posting.execute()) {
            String text = response.body() == null ? "" : response.body().string();
            JsonNode answer = parse(text);
            if (response.isSuccessful() && answer != null && answer.hasNonNull("sessionId")) {
                return answer.get("sessionId").asText();
            }
            throw new Refused(refusal(response.code(), answer, text));
        }
    }

    private TurnResult stream(HttpUrl endpoint, String sessionId) throws IOException {
        Request request = new Request.Builder().url(endpoint.newBuilder().addQueryParameter("sessionId", sessionId)
                .build()).header("Accept", "text/event-stream").get().build();
        Call streaming = http.newCall(request);
        call = streaming;
        StringBuilder text = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        String messageId = "msg_wh_" + sessionId;
        try (Response response = streaming.execute()) {
            if (!response.isSuccessful()) {
                String body = response.body() == null ? "" : response.body().string();
                return new TurnResult.Failed("remote_error", refusal(response.code(), parse(body), body), true);
            }
            SseReader reader = new SseReader(response.body().source());
            boolean[] done = {false};
            while (!done[0] && reader.next((event, data) -> {
                JsonNode json = parse(data);
                switch (event) {
                    case "message" -> {
                        String piece = json == null ? data : json.path("content").asText("");
                        text.append(piece);
                        context.sink().stream(new QuestEvent.AgentContentBlockDelta(messageId, 0,
                                QuestEvent.AgentContentBlockDelta.Delta.text(piece)));
                    }
                    case "error" -> errors.append(errors.length() == 0 ? "" : "\n")
                            .append(json == null ? data : json.path("error").asText(data));
                    case "done" -> done[0] = true;
                    default -> {
                        // loading: the card already shows the quest running
                    }
                }
            })) {
                if (cancelled) {
                    return new TurnResult.Stopped();
                }
            }
        } catch (ModelException e) {
            throw new IllegalStateException("the handler never throws", e);
        }
        return finish(text.toString(), errors.toString());
    }

    private TurnResult finish(String text, String errors) {
        JsonNode result = parse(text.strip());
        if (WebhookReport.isReview(result)) {
            context.sink().emit(QuestEvent.AgentMessage.text(WebhookReport.markdown(result)));
            context.sink().emit(WebhookReport.findings("webhook:" + preset.name(), result));
        } else if (!text.isBlank()) {
            context.sink().emit(QuestEvent.AgentMessage.text(text));
        }
        if (!errors.isEmpty()) {
            return new TurnResult.Failed("remote_error", "The webhook agent '" + preset.name() + "' reported: "
                    + errors + ". Retry runs the command again.", true);
        }
        return new TurnResult.EndTurn();
    }

    private String refusal(int status, JsonNode answer, String text) {
        StringBuilder message = new StringBuilder("The webhook agent '").append(preset.name()).append("' (")
                .append(preset.command()).append(") refused the request with HTTP ").append(status);
        if (answer != null && answer.hasNonNull("error")) {
            message.append(": ").append(answer.get("error").asText());
        } else if (!text.isBlank()) {
            message.append(": ").append(text.strip());
        }
        if (answer != null && answer.path("details").isArray()) {
            for (JsonNode detail : answer.get("details")) {
                message.append("\n- ").append(detail.isTextual() ? detail.asText()
                        : detail.path("message").asText(detail.toString()));
            }
        }
        if (status == 400) {
            message.append("\nCheck the command's arguments in Settings → Agents (or send them as a JSON object).");
        }
        return message.toString();
    }

    private TurnResult unreachable(IOException e) {
        return new TurnResult.Failed("agent_unavailable", "The webhook agent '" + preset.name() + "' at "
                + preset.baseUrl() + " cannot be reached (" + e.getMessage() + "). Start it ('qodo --webhook') and "
                + "check its port (it takes the next free one when 6666 is busy), then Retry.", true);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** The service refused the request (400 with validation details, 404, 500). */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
