package dev.questbench.review.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import dev.questbench.workspace.diff.FileDiff;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A client for a Qodo Merge-compatible Diff Endpoint ({@code POST {base}/api/v1/qm_diff}) that runs its
 * {@code improve} tool on before/after file contents and maps {@code raw_data.code_suggestions} to findings.
 */
public final class QodoMergeClient {
    static final String PATH = "/api/v1/qm_diff";
    static final String COMMAND = "improve";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** The endpoint runs a whole model review before answering. */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

    private final String baseUrl;
    private final String apiKey;
    private final OkHttpClient http;

    public QodoMergeClient(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(CALL_TIMEOUT).callTimeout(CALL_TIMEOUT).build());
    }

    QodoMergeClient(String baseUrl, String apiKey, OkHttpClient http) {
        String base = baseUrl == null ? "" : baseUrl.strip();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.apiKey = apiKey == null ? "" : apiKey.strip();
        this.http = http;
    }

    /**
     * Sends each changed file's before and after content (empty for an added or deleted side; binary files are
     * skipped) and returns the suggestions as findings with source {@code external}.
     */
    public List<Finding> review(List<FileDiff> files, Function<String, String> beforeContent,
                                Function<String, String> afterContent) throws QodoMergeException {
        String body = requestBody(files, beforeContent, afterContent);
        Request request;
        try {
            request = new Request.Builder().url(baseUrl + PATH).header("X-API-Key", apiKey)
                    .post(RequestBody.create(body, JSON)).build();
        } catch (IllegalArgumentException e) {
            throw new QodoMergeException(0, "The Qodo Merge URL \"" + baseUrl + "\" is not a valid http(s) URL; "
                    + "fix it in Settings → Review.", e);
        }
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw QodoMergeErrors.forStatus(baseUrl, response.code(), text);
            }
            return QodoSuggestions.toFindings(parse(text));
        } catch (ConnectException | UnknownHostException e) {
            throw new QodoMergeException(0, "Could not reach Qodo Merge at " + baseUrl + " (" + e.getMessage()
                    + "). Check the server is running and the URL in Settings → Review.", e);
        } catch (InterruptedIOException e) {
            throw new QodoMergeException(0, "Qodo Merge at " + baseUrl + " did not answer in time. Try again, "
                    + "or review a smaller change.", e);
        } catch (IOException e) {
            throw new QodoMergeException(0, "The connection to Qodo Merge at " + baseUrl + " failed ("
                    + e.getMessage() + "). Try again.", e);
        }
    }

    static String requestBody(List<FileDiff> files, Function<String, String> beforeContent,
                              Function<String, String> afterContent) {
        ObjectNode root = MAPPER.createObjectNode().put("command", COMMAND);
        ObjectNode diffFiles = root.putObject("diff_files");
        for (FileDiff file : files) {
            if (file.binary()) {
                continue;
            }
            String before = file.oldPath() == null ? "" : orEmpty(beforeContent.apply(file.oldPath()));
            String after = file.newPath() == null ? "" : orEmpty(afterContent.apply(file.newPath()));
            ArrayNode pair = diffFiles.putArray(file.path());
            pair.add(before).add(after);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private JsonNode parse(String text) throws QodoMergeException {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new QodoMergeException(200, "Qodo Merge at " + baseUrl + " answered with something that is not "
                    + "JSON. Check the URL points at a Qodo Merge server.", e);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
