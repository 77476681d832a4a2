package dev.questbench.agent.builtin.mcp;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * MockWebServer as an OAuth-protected Streamable HTTP MCP server ({@code /mcp}, tool {@code lookup}) and its
 * authorization server ({@code /auth}: metadata, dynamic registration, authorize, token with code + PKCE and
 * refresh). Access token {@code access-1} works until {@link #expireFirstToken()}; refreshing gives
 * {@code access-2}.
 */
public final class OAuthMcpServer implements AutoCloseable {
    /** What the server saw: challenge, method, redirect, resource, verifier, authorization. */
    public final Map<String, String> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean firstTokenExpired = new AtomicBoolean();
    private final MockWebServer server = new MockWebServer();

    public OAuthMcpServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    /** The MCP endpoint. */
    public String url() {
        return server.url("/mcp").toString();
    }

    public void expireFirstToken() {
        firstTokenExpired.set(true);
    }

    /** The test's browser: opens the authorization page and follows its redirect to the loopback listener. */
    public static void browse(URI uri) throws IOException {
        try (Response response = new OkHttpClient().newCall(new Request.Builder().url(uri.toString()).build())
                .execute()) {
            if (response.code() != 200) {
                throw new IOException("the callback answered " + response.code());
            }
        }
    }

    private MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        String base = server.url("/").toString().replaceAll("/$", "");
        return switch (url.encodedPath()) {
            case "/mcp" -> resource(request, body, base);
            case "/.well-known/oauth-protected-resource/mcp" -> json("{\"resource\":\"" + base + "/mcp\","
                    + "\"authorization_servers\":[\"" + base + "/auth\"]}");
            case "/.well-known/oauth-authorization-server/auth" -> json("{\"issuer\":\"" + base + "/auth\","
                    + "\"authorization_endpoint\":\"" + base + "/auth/authorize\",\"token_endpoint\":\"" + base
                    + "/auth/token\",\"registration_endpoint\":\"" + base + "/auth/register\"}");
            case "/auth/register" -> json("{\"client_id\":\"client-1\"}");
            case "/auth/authorize" -> {
                seen.put("challenge", url.queryParameter("code_challenge"));
                seen.put("method", url.queryParameter("code_challenge_method"));
                seen.put("redirect", url.queryParameter("redirect_uri"));
                seen.put("resource", url.queryParameter("resource"));
                seen.put("scope", String.valueOf(url.queryParameter("scope")));
                yield new MockResponse.Builder().code(302).addHeader("Location", url.queryParameter("redirect_uri")
                        + "?code=code-1&state=" + url.queryParameter("state")).build();
            }
            case "/auth/token" -> token(HttpUrl.parse("http://x/?" + body));
            default -> new MockResponse.Builder().code(404).build();
        };
    }

    private MockResponse token(HttpUrl form) {
        if ("authorization_code".equals(form.queryParameter("grant_type"))
                && "code-1".equals(form.queryParameter("code"))
                && "client-1".equals(form.queryParameter("client_id"))) {
            seen.put("verifier", form.queryParameter("code_verifier"));
            return json("{\"access_token\":\"access-1\",\"refresh_token\":\"refresh-1\",\"token_type\":\"Bearer\"}");
        }
        if ("refresh_token".equals(form.queryParameter("grant_type"))
                && "refresh-1".equals(form.queryParameter("refresh_token"))) {
            return json("{\"access_token\":\"access-2\",\"token_type\":\"Bearer\"}");
        }
        return new MockResponse.Builder().code(400).body("{\"error\":\"invalid_grant\"}").build();
    }

    private MockResponse resource(RecordedRequest request, String body, String base) {
        String authorization = request.getHeaders().get("Authorization");
        boolean valid = "Bearer access-2".equals(authorization)
                || "Bearer access-1".equals(authorization) && !firstTokenExpired.get();
        if (!valid) {
            return new MockResponse.Builder().code(401).addHeader("WWW-Authenticate", "Bearer resource_metadata=\""
                    + base + "/.well-known/oauth-protected-resource/mcp\", scope=\"docs:read\"").build();
        }
        seen.put("authorization", authorization);
        String id = body.replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        if (body.contains("\"initialize\"")) {
            return json("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"capabilities\":{\"tools\":{}}}}");
        }
        if (body.contains("\"tools/list\"")) {
            return json("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"tools\":[{\"name\":\"lookup\"}]}}");
        }
        if (body.contains("\"tools/call\"")) {
            return json("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"content\":[{\"type\":\"text\","
                    + "\"text\":\"ok\"}]}}");
        }
        return new MockResponse.Builder().code(202).build();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
