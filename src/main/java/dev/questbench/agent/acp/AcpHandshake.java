package dev.questbench.agent.acp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens an ACP session on a started agent: {@code initialize} (advertising file and terminal support), then
 * {@code session/load} of the quest's earlier session when the agent can, else {@code session/new} in the quest's
 * folder, then {@code session/set_mode} to the mode matching the quest's permission mode when the agent has one.
 */
final class AcpHandshake {
    static final int PROTOCOL_VERSION = 1;
    /** ACP's "authentication required" error code. */
    static final int AUTH_REQUIRED = -32000;

    /** The opened session: its id, whether it continues an earlier one, its modes and current mode. */
    record Opened(String sessionId, boolean loaded, boolean canLoad, JsonNode modes, String mode) {
    }

    private AcpHandshake() {
    }

    static Opened open(JsonRpcConnection rpc, Path cwd, String previousSessionId, String wantedMode,
                       long timeoutSeconds, Runnable loading, Runnable loaded) throws RpcError {
        ObjectNode init = JsonRpcConnection.MAPPER.createObjectNode().put("protocolVersion", PROTOCOL_VERSION);
        ObjectNode capabilities = init.putObject("clientCapabilities");
        capabilities.putObject("fs").put("readTextFile", true).put("writeTextFile", true);
        capabilities.put("terminal", true);
        init.putObject("clientInfo").put("name", "questbench").put("title", "Questbench");
        JsonNode agent = await(rpc.request("initialize", init), timeoutSeconds, "initialize");
        boolean canLoad = agent.path("agentCapabilities").path("loadSession").asBoolean(false);
        if (previousSessionId != null && canLoad) {
            ObjectNode load = sessionParams(cwd).put("sessionId", previousSessionId);
            loading.run();
            try {
                JsonNode result = await(rpc.request("session/load", load), timeoutSeconds, "session/load");
                return withMode(rpc, new Opened(previousSessionId, true, true, result.path("modes"),
                        result.path("modes").path("currentModeId").asText(null)), wantedMode, timeoutSeconds);
            } catch (RpcError e) {
                // the agent forgot it (cleaned up, another machine): a new session, the journal keeps the story
            } finally {
                loaded.run();
            }
        }
        JsonNode created;
        try {
            created = await(rpc.request("session/new", sessionParams(cwd)), timeoutSeconds, "session/new");
        } catch (RpcError e) {
            if (e.code() != AUTH_REQUIRED) {
                throw e;
            }
            StringBuilder methods = new StringBuilder();
            for (JsonNode method : agent.path("authMethods")) {
                methods.append(methods.length() == 0 ? "" : ", ").append(method.path("name").asText(
                        method.path("id").asText()));
            }
            throw new RpcError(AUTH_REQUIRED, "it needs you to sign in" + (methods.length() == 0 ? ""
                    : " (" + methods + ")") + ": sign in with the agent's own command in a terminal (for example "
                    + "'qodercli login', or run 'gemini' once), or set its API key in Settings → Agents");
        }
        String id = created.path("sessionId").asText(null);
        if (id == null) {
            throw new RpcError(RpcError.INTERNAL, "the agent answered session/new without a sessionId");
        }
        return withMode(rpc, new Opened(id, false, canLoad, created.path("modes"),
                created.path("modes").path("currentModeId").asText(null)), wantedMode, timeoutSeconds);
    }

    /** Switches to the agent's mode named like the quest's permission mode (e.g. {@code bypassPermissions}). */
    private static Opened withMode(JsonRpcConnection rpc, Opened opened, String wantedMode, long timeoutSeconds) {
        String match = null;
        for (JsonNode mode : opened.modes().path("availableModes")) {
            String id = mode.path("id").asText();
            String name = mode.path("name").asText("");
            if (id.equalsIgnoreCase(wantedMode) || squash(name).equalsIgnoreCase(wantedMode)) {
                match = id;
            }
        }
        if (match == null || match.equals(opened.mode())) {
            return opened;
        }
        ObjectNode params = JsonRpcConnection.MAPPER.createObjectNode().put("sessionId", opened.sessionId())
                .put("modeId", match);
        try {
            await(rpc.request("session/set_mode", params), timeoutSeconds, "session/set_mode");
            return new Opened(opened.sessionId(), opened.loaded(), opened.canLoad(), opened.modes(), match);
        } catch (RpcError e) {
            return opened; // the quest's own permission handling still applies
        }
    }

    private static String squash(String name) {
        String[] words = name.strip().split("\\s+");
        StringBuilder camel = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty()) {
                continue;
            }
            camel.append(i == 0 ? word.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                    : word.substring(0, 1).toUpperCase(java.util.Locale.ROOT)).append(word.substring(1));
        }
        return camel.toString();
    }

    private static ObjectNode sessionParams(Path cwd) {
        ObjectNode params = JsonRpcConnection.MAPPER.createObjectNode().put("cwd", cwd.toString());
        params.putArray("mcpServers");
        return params;
    }

    static JsonNode await(CompletableFuture<JsonNode> answer, long timeoutSeconds, String what) throws RpcError {
        try {
            return answer.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RpcError error) {
                throw error;
            }
            throw new RpcError(RpcError.INTERNAL, what + " failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw new RpcError(RpcError.TIMEOUT, "no answer to " + what + " within " + timeoutSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcError(RpcError.CLOSED, "interrupted while waiting for " + what);
        }
    }
}
