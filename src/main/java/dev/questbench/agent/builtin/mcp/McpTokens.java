package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.EventJson;
import dev.questbench.store.SecretStore;
import java.io.IOException;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OAuth tokens of HTTP MCP servers, kept only in {@code secrets.json} (one entry per server URL, never in the
 * settings, the journal or logs), and the refresh of an expired access token.
 */
public final class McpTokens {
    private static final String PREFIX = "mcp.oauth.";
    private final SecretStore secrets;

    public McpTokens(SecretStore secrets) {
        this.secrets = secrets;
    }

    /** What a sign-in left: the tokens and how to refresh them. */
    record Grant(String accessToken, String refreshToken, String tokenEndpoint, String clientId,
                 String clientSecret, String resource) {
        String toJson() {
            ObjectNode node = EventJson.mapper().createObjectNode().put("access_token", accessToken)
                    .put("refresh_token", refreshToken).put("token_endpoint", tokenEndpoint)
                    .put("client_id", clientId).put("client_secret", clientSecret).put("resource", resource);
            return node.toString();
        }

        static Grant fromJson(String json) throws IOException {
            JsonNode node = EventJson.mapper().readTree(json);
            return new Grant(node.path("access_token").asText(null), node.path("refresh_token").asText(null),
                    node.path("token_endpoint").asText(null), node.path("client_id").asText(null),
                    node.path("client_secret").asText(null), node.path("resource").asText(null));
        }
    }

    /** True when a sign-in for the server's URL is stored. */
    public boolean signedIn(McpServerConfig config) {
        return grant(config).isPresent();
    }

    /** Forgets the server's tokens. */
    public void signOut(McpServerConfig config) {
        secrets.put(PREFIX + config.url(), null);
    }

    void save(McpServerConfig config, Grant grant) {
        secrets.put(PREFIX + config.url(), grant.toJson());
    }

    Optional<Grant> grant(McpServerConfig config) {
        if (config.url() == null) {
            return Optional.empty();
        }
        try {
            Optional<String> stored = secrets.get(PREFIX + config.url());
            return stored.isEmpty() ? Optional.empty() : Optional.of(Grant.fromJson(stored.get()));
        } catch (IOException e) {
            return Optional.empty(); // a damaged entry is as good as none: the user signs in again
        }
    }

    McpAuth auth(McpServerConfig config) {
        return new McpAuth() {
            @Override
            public String token() {
                return grant(config).map(Grant::accessToken).orElse(null);
            }

            @Override
            public boolean refresh() {
                return McpTokens.this.refresh(config);
            }
        };
    }

    private synchronized boolean refresh(McpServerConfig config) {
        Optional<Grant> stored = grant(config);
        if (stored.isEmpty() || stored.get().refreshToken() == null || stored.get().tokenEndpoint() == null) {
            return false;
        }
        Grant old = stored.get();
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "refresh_token")
                .add("refresh_token", old.refreshToken()).add("client_id", old.clientId());
        if (old.clientSecret() != null) {
            form.add("client_secret", old.clientSecret());
        }
        if (old.resource() != null) {
            form.add("resource", old.resource());
        }
        Request request = new Request.Builder().url(old.tokenEndpoint()).post(form.build()).build();
        try (Response response = HttpTransport.HTTP.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                return false;
            }
            JsonNode answer = EventJson.mapper().readTree(response.body().string());
            if (!answer.hasNonNull("access_token")) {
                return false;
            }
            save(config, new Grant(answer.get("access_token").asText(), answer.path("refresh_token")
                    .asText(old.refreshToken()), old.tokenEndpoint(), old.clientId(), old.clientSecret(),
                    old.resource()));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
