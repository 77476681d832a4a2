package dev.questbench.agent.builtin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** {@code WebFetch}: downloads a web page (HTTP or HTTPS) and returns it as readable text. */
public final class WebFetchTool implements Tool {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .callTimeout(TIMEOUT).followRedirects(true).followSslRedirects(true).build();

    private static final ObjectNode SCHEMA = InputSchema.object()
            .required("url", "string", "The http:// or https:// URL to fetch.")
            .optional("prompt", "string", "What to look for in the page (optional; the whole page text is returned).")
            .build();

    private final OkHttpClient client;

    public WebFetchTool() {
        this(SHARED);
    }

    WebFetchTool(OkHttpClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "WebFetch";
    }

    @Override
    public String description() {
        return """
                Fetches a URL (http or https) and returns its content as text: HTML is turned into readable \
                text with links kept as 'text (href)', while plain text, JSON and XML come back as they are. \
                Redirects are followed and reported. Binary content such as images or archives is not returned. \
                Large pages are cut. Use it for documentation, issues and other public pages; it cannot log in.""";
    }

    @Override
    public ObjectNode inputSchema() {
        return SCHEMA.deepCopy();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolOutput run(JsonNode input, ToolContext context) throws ToolException {
        ToolInput in = new ToolInput(input);
        String url = in.requiredString("url").trim();
        if (!context.limits().networkAllowed()) {
            throw new ToolException("Network access is turned off in Settings → Agent; WebFetch is disabled.");
        }
        HttpUrl target = checked(url);
        Request request = new Request.Builder().url(target)
                .header("User-Agent", "Questbench-WebFetch/1.0")
                .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,application/json;q=0.9,*/*;q=0.5")
                .build();
        Call call = client.newCall(request);
        AutoCloseable registration = context.cancel().onCancel(call::cancel);
        try (Response response = call.execute()) {
            return WebPage.read(response, target, context.limits(), context.blobs());
        } catch (IOException e) {
            throw failure(url, target, e, context.cancel().isCancelled());
        } finally {
            try {
                registration.close();
            } catch (Exception e) {
                // unregistering cannot fail in practice
            }
        }
    }

    private static HttpUrl checked(String url) throws ToolException {
        String scheme;
        try {
            scheme = new URI(url).getScheme();
        } catch (URISyntaxException e) {
            throw new ToolException("'" + url + "' is not a valid URL: " + e.getReason() + ".");
        }
        if (scheme == null) {
            throw new ToolException("'" + url + "' has no scheme; give a full URL starting with http:// or https://.");
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (!lower.equals("http") && !lower.equals("https")) {
            throw new ToolException("Only http and https URLs can be fetched; '" + scheme + "' is not supported"
                    + (lower.equals("file") ? " (use Read for files in the workspace)." : "."));
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new ToolException("'" + url + "' is not a valid URL.");
        }
        return parsed;
    }

    private static ToolException failure(String url, HttpUrl target, IOException e, boolean cancelled) {
        if (cancelled) {
            return new ToolException("Stopped by the user.", e);
        }
        if (e instanceof UnknownHostException) {
            return new ToolException("Cannot resolve the host " + target.host() + "; check the URL or the network.", e);
        }
        if (e instanceof ConnectException) {
            return new ToolException("Cannot connect to " + target.host() + ":" + target.port() + " (" + e.getMessage()
                    + "); the server may be down.", e);
        }
        if (e instanceof InterruptedIOException) {
            return new ToolException("Fetching " + url + " took longer than " + TIMEOUT.toSeconds()
                    + " s and was stopped.", e);
        }
        return new ToolException("Fetching " + url + " failed: " + e.getMessage() + ".", e);
    }
}
