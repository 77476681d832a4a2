package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.questbench.domain.event.EventJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Signs in to an HTTP MCP server the MCP authorization way: finds the authorization server (from the 401's
 * {@code resource_metadata}, or {@code /.well-known/oauth-protected-resource}), registers a client when it offers
 * dynamic registration (RFC 7591), opens the browser on the authorization page (code + PKCE S256), takes the code
 * on a loopback listener at 127.0.0.1 and a random port, and stores the tokens in {@link McpTokens}.
 */
public final class McpOAuth {
    /** How long the browser may take before the sign-in gives up. */
    static final long WAIT_MINUTES = 5;
    private static final Pattern METADATA = Pattern.compile("resource_metadata=\"([^\"]+)\"");
    private static final Pattern SCOPE = Pattern.compile("\\bscope=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Opens the authorization page; the app passes its browser-opening service. */
    public interface Browser {
        void open(URI uri) throws IOException;
    }

    private McpOAuth() {
    }

    /** Runs the whole sign-in (blocks until the browser comes back) and stores the tokens. */
    public static void signIn(McpServerConfig config, McpTokens tokens, Browser browser) throws IOException {
        if (config.url() == null) {
            throw new IOException("Only HTTP MCP servers sign in; '" + config.name() + "' is started as a program.");
        }
        HttpUrl resource = HttpUrl.parse(config.url());
        if (resource == null) {
            throw new IOException("'" + config.url() + "' is not an http(s) URL.");
        }
        Challenge challenge = challenge(resource, config.sse());
        JsonNode protectedResource = protectedResource(resource, challenge);
        JsonNode server = authorizationServer(resource, protectedResource);
        String scope = challenge.scope() != null ? challenge.scope() : scopes(protectedResource);
        String authorize = server.path("authorization_endpoint").asText(null);
        String tokenEndpoint = server.path("token_endpoint").asText(null);
        if (authorize == null || tokenEndpoint == null) {
            throw new IOException("The authorization server of '" + config.name() + "' names no authorization or "
                    + "token endpoint; add an Authorization header to the server's entry instead.");
        }
        HttpServer listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try {
            String redirect = "http://127.0.0.1:" + listener.getAddress().getPort() + "/callback";
            String[] client = register(config, server, redirect);
            String verifier = random();
            String state = random();
            CompletableFuture<String> code = new CompletableFuture<>();
            listener.createContext("/callback", exchange -> {
                HttpUrl back = HttpUrl.parse("http://127.0.0.1" + exchange.getRequestURI());
                String error = back == null ? "no answer" : back.queryParameter("error");
                boolean ok = back != null && error == null && state.equals(back.queryParameter("state"))
                        && back.queryParameter("code") != null;
                byte[] page = (ok ? "Signed in to " + config.name() + ". You can close this tab and go back to "
                        + "Questbench." : "Sign-in failed (" + (error == null ? "unexpected answer" : error)
                        + "). Go back to Questbench and try again.").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(ok ? 200 : 400, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
                if (ok) {
                    code.complete(back.queryParameter("code"));
                } else {
                    code.completeExceptionally(new IOException("the authorization server answered: "
                            + (error == null ? "no code or a wrong state" : error)));
                }
            });
            listener.start();
            HttpUrl page = HttpUrl.parse(authorize);
            if (page == null) {
                throw new IOException("The authorization endpoint '" + authorize + "' is not a URL.");
            }
            HttpUrl.Builder address = page.newBuilder().addQueryParameter("response_type", "code")
                    .addQueryParameter("client_id", client[0]).addQueryParameter("redirect_uri", redirect)
                    .addQueryParameter("code_challenge", challenge(verifier))
                    .addQueryParameter("code_challenge_method", "S256").addQueryParameter("state", state)
                    .addQueryParameter("resource", config.url());
            if (scope != null) {
                address.addQueryParameter("scope", scope);
            }
            try {
                browser.open(address.build().uri());
            } catch (IOException | RuntimeException e) {
                throw new IOException("The browser could not be opened for signing in (" + e.getMessage() + "); "
                        + "check that a default browser is set, then try again.", e);
            }
            String received = await(code, config);
            tokens.save(config, exchange(config, tokenEndpoint, client, received, redirect, verifier));
        } finally {
            listener.stop(0);
        }
    }

    /** What the 401 said: where the resource metadata is and which scope to ask for (either may be null). */
    private record Challenge(String metadata, String scope) {
    }

    private static JsonNode protectedResource(HttpUrl resource, Challenge challenge) throws IOException {
        return challenge.metadata() != null ? getJson(challenge.metadata())
                : firstJson(wellKnown(resource, "oauth-protected-resource", true),
                wellKnown(resource, "oauth-protected-resource", false));
    }

    private static String scopes(JsonNode protectedResource) {
        if (protectedResource == null || !protectedResource.path("scopes_supported").isArray()
                || protectedResource.get("scopes_supported").isEmpty()) {
            return null;
        }
        List<String> scopes = new ArrayList<>();
        protectedResource.get("scopes_supported").forEach(scope -> scopes.add(scope.asText()));
        return String.join(" ", scopes);
    }

    private static JsonNode authorizationServer(HttpUrl resource, JsonNode protectedResource) throws IOException {
        HttpUrl issuer = protectedResource != null && protectedResource.path("authorization_servers").size() > 0
                ? HttpUrl.parse(protectedResource.get("authorization_servers").get(0).asText())
                : resource.newBuilder().encodedPath("/").query(null).build();
        if (issuer == null) {
            throw new IOException("The server's resource metadata names an authorization server that is not a URL.");
        }
        JsonNode server = firstJson(wellKnown(issuer, "oauth-authorization-server", true),
                wellKnown(issuer, "openid-configuration", true));
        if (server == null && protectedResource == null) {
            // MCP 2025-03-26: without any metadata the server's origin serves the default endpoints
            HttpUrl origin = resource.newBuilder().encodedPath("/").query(null).build();
            return EventJson.mapper().createObjectNode().put("authorization_endpoint", origin.resolve("/authorize")
                    .toString()).put("token_endpoint", origin.resolve("/token").toString())
                    .put("registration_endpoint", origin.resolve("/register").toString());
        }
        if (server == null) {
            throw new IOException("No OAuth authorization server metadata was found for " + issuer + "; the server "
                    + "may not support signing in: add an Authorization header to its entry instead.");
        }
        return server;
    }

    /** The 401 of an unauthenticated initialize (SSE: of the stream's GET) names the resource metadata, or not. */
    private static Challenge challenge(HttpUrl resource, boolean sse) throws IOException {
        ObjectNode probe = EventJson.mapper().createObjectNode().put("jsonrpc", "2.0").put("id", 0)
                .put("method", "initialize");
        Request.Builder request = new Request.Builder().url(resource)
                .header("Accept", sse ? "text/event-stream" : "application/json, text/event-stream");
        if (!sse) {
            request.post(RequestBody.create(probe.toString(), HttpTransport.JSON));
        }
        try (Response response = HttpTransport.HTTP.newCall(request.build()).execute()) {
            String header = response.code() == 401 ? response.header("WWW-Authenticate", "") : "";
            Matcher metadata = METADATA.matcher(header);
            Matcher scope = SCOPE.matcher(header);
            return new Challenge(metadata.find() ? metadata.group(1) : null, scope.find() ? scope.group(1) : null);
        }
    }

    /** RFC 8414 / 9728: the well-known name goes between the host and the path. */
    private static String wellKnown(HttpUrl url, String name, boolean withPath) {
        String path = url.encodedPath().equals("/") || !withPath ? "" : url.encodedPath();
        return url.newBuilder().encodedPath("/.well-known/" + name + path).query(null).build().toString();
    }

    private static JsonNode firstJson(String... urls) {
        for (String url : urls) {
            try {
                return getJson(url);
            } catch (IOException e) {
                // try the next place the metadata may be
            }
        }
        return null;
    }

    private static JsonNode getJson(String url) throws IOException {
        try (Response response = HttpTransport.HTTP.newCall(new Request.Builder().url(url)
                .header("Accept", "application/json").build()).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("HTTP " + response.code() + " from " + url);
            }
            return EventJson.mapper().readTree(response.body().string());
        }
    }

    /** {client_id, client_secret or null}: registered now (RFC 7591), or the server names none and we stop. */
    private static String[] register(McpServerConfig config, JsonNode server, String redirect) throws IOException {
        String endpoint = server.path("registration_endpoint").asText(null);
        if (endpoint == null) {
            throw new IOException("The authorization server of '" + config.name() + "' does not offer dynamic "
                    + "client registration, so Questbench cannot sign in by itself; add an Authorization header "
                    + "with a token to the server's entry instead.");
        }
        ObjectNode body = EventJson.mapper().createObjectNode().put("client_name", "Questbench")
                .put("token_endpoint_auth_method", "none");
        body.putArray("redirect_uris").add(redirect);
        body.putArray("grant_types").add("authorization_code").add("refresh_token");
        body.putArray("response_types").add("code");
        Request request = new Request.Builder().url(endpoint)
                .post(RequestBody.create(body.toString(), HttpTransport.JSON)).build();
        try (Response response = HttpTransport.HTTP.newCall(request).execute()) {
            JsonNode answer = response.body() == null ? null : EventJson.mapper().readTree(response.body().string());
            if (!response.isSuccessful() || answer == null || !answer.hasNonNull("client_id")) {
                throw new IOException("Registering Questbench with the authorization server failed (HTTP "
                        + response.code() + ").");
            }
            return new String[] {answer.get("client_id").asText(), answer.path("client_secret").asText(null)};
        }
    }

    private static String await(CompletableFuture<String> code, McpServerConfig config) throws IOException {
        try {
            return code.get(WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            throw new IOException("Signing in to '" + config.name() + "' was not finished in the browser within "
                    + WAIT_MINUTES + " minutes; try again.");
        } catch (ExecutionException e) {
            throw new IOException("Signing in to '" + config.name() + "' failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Signing in was interrupted.");
        }
    }

    private static McpTokens.Grant exchange(McpServerConfig config, String tokenEndpoint, String[] client,
                                            String code, String redirect, String verifier) throws IOException {
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "authorization_code").add("code", code)
                .add("redirect_uri", redirect).add("client_id", client[0]).add("code_verifier", verifier)
                .add("resource", config.url());
        if (client[1] != null) {
            form.add("client_secret", client[1]);
        }
        Request request = new Request.Builder().url(tokenEndpoint).post(form.build()).build();
        try (Response response = HttpTransport.HTTP.newCall(request).execute()) {
            JsonNode answer = response.body() == null ? null : EventJson.mapper().readTree(response.body().string());
            if (!response.isSuccessful() || answer == null || !answer.hasNonNull("access_token")) {
                throw new IOException("The authorization server refused the sign-in code (HTTP " + response.code()
                        + "); try signing in again.");
            }
            return new McpTokens.Grant(answer.get("access_token").asText(), answer.path("refresh_token")
                    .asText(null), tokenEndpoint, client[0], client[1], config.url());
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
