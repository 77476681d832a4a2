package dev.questbench.agent.builtin.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.store.SecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MCP sign-in against MockWebServer acting as authorization server and resource server. */
class McpOAuthTest {
    @TempDir
    Path dir;

    @Test
    void signsInWithPkceStoresTokensOnlyInSecretsRefreshesAndSignsOut() throws Exception {
        try (OAuthMcpServer server = new OAuthMcpServer()) {
            McpServerConfig config = new McpServerConfig("docs", null, List.of(), null, server.url(), null,
                    "settings");
            McpTokens tokens = new McpTokens(new SecretStore(dir));
            try (McpClient client = new McpClient(config, dir, tokens)) {
                assertFalse(client.connect());
                assertTrue(client.needsAuth(), client.status());
                assertTrue(client.status().contains("Sign in from Settings → MCP"), client.status());

                McpOAuth.signIn(config, tokens, OAuthMcpServer::browse);
                assertEquals("S256", server.seen.get("method"));
                assertEquals(McpOAuth.challenge(server.seen.get("verifier")), server.seen.get("challenge"),
                        "PKCE: the verifier matches the challenge");
                assertTrue(server.seen.get("redirect").matches("http://127\\.0\\.0\\.1:\\d+/callback"),
                        server.seen.get("redirect"));
                assertEquals(server.url(), server.seen.get("resource"));
                assertEquals("docs:read", server.seen.get("scope"), "the scope the 401 asked for");
                String secrets = Files.readString(dir.resolve(SecretStore.FILE_NAME));
                assertTrue(secrets.contains("access-1") && secrets.contains("refresh-1"), "kept in secrets.json");
                assertTrue(tokens.signedIn(config));

                assertTrue(client.connect(), client.status());
                assertEquals("Bearer access-1", server.seen.get("authorization"));
                server.expireFirstToken();
                assertEquals("ok", client.callTool("lookup", null).text());
                assertEquals("Bearer access-2", server.seen.get("authorization"), "refreshed after the 401");
                assertTrue(Files.readString(dir.resolve(SecretStore.FILE_NAME)).contains("access-2"));

                tokens.signOut(config);
                assertFalse(tokens.signedIn(config));
                assertFalse(client.connect());
                assertTrue(client.needsAuth(), client.status());
            }
        }
    }

    @Test
    void anSseServerSignsInFromTheChallengeOfItsStream() throws Exception {
        try (OAuthMcpServer server = new OAuthMcpServer()) {
            McpServerConfig config = new McpServerConfig("events", null, List.of(), null, server.url(), null,
                    "settings", "sse", false);
            McpTokens tokens = new McpTokens(new SecretStore(dir));
            try (McpClient client = new McpClient(config, dir, tokens)) {
                assertFalse(client.connect());
                assertTrue(client.needsAuth(), "the stream's GET was answered 401: " + client.status());
            }
            McpOAuth.signIn(config, tokens, OAuthMcpServer::browse);
            assertEquals("docs:read", server.seen.get("scope"), "found from the GET's WWW-Authenticate");
            assertTrue(tokens.signedIn(config));
        }
    }

    @Test
    void aBrowserThatCannotOpenEndsTheSignInWithTheReason() throws Exception {
        try (OAuthMcpServer server = new OAuthMcpServer()) {
            McpServerConfig config = new McpServerConfig("docs", null, List.of(), null, server.url(), null,
                    "settings");
            McpTokens tokens = new McpTokens(new SecretStore(dir));
            IOException failed = assertThrows(IOException.class, () -> McpOAuth.signIn(config, tokens, uri -> {
                throw new IOException("no browser here");
            }));
            assertTrue(failed.getMessage().startsWith("The browser could not be opened for signing in (no browser "
                    + "here)"), failed.getMessage());
            assertFalse(tokens.signedIn(config));
        }
    }
}
