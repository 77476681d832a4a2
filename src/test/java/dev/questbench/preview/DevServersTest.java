package dev.questbench.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dev-server URLs found in tool output, kept to loopback, and checked against a real local HTTP server. */
class DevServersTest {

    @Test
    void findsTheUrlsDevServersPrint() {
        assertEquals(List.of("http://localhost:5173/"), DevServers.find("  ➜  Local:   http://localhost:5173/\n"));
        assertEquals(List.of("http://127.0.0.1:8080/"), DevServers.find("Listening on 127.0.0.1:8080."));
        assertEquals(List.of("http://localhost:3000/docs"), DevServers.find("Serving at http://0.0.0.0:3000/docs, ok"));
        assertEquals(List.of("https://[::1]:8443/"), DevServers.find("(https://[::1]:8443)"));
        assertEquals(List.of(), DevServers.find("see https://example.com:8080/ and localhost without port"));
    }

    @Test
    void onlyLoopbackUrlsLoadInside() {
        assertTrue(DevServers.isLoopback("http://localhost:5173/"));
        assertTrue(DevServers.isLoopback("http://127.0.0.2:80/x"));
        assertTrue(DevServers.isLoopback("http://[::1]:8080/"));
        assertFalse(DevServers.isLoopback("http://example.com/"));
        assertFalse(DevServers.isLoopback("http://localhost.example.com:80/"));
        assertFalse(DevServers.isLoopback("file:///etc/passwd"));
    }

    @Test
    void aServerAnnouncedInToolOutputAnswersAndAClosedPortDoesNot() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "<title>Vite App</title>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try {
            int port = server.getAddress().getPort();
            List<JournalEntry> journal = List.of(
                    entry(1, new QuestEvent.AgentToolResult("evt_1", ContentBlock.textList(
                            "> vite\n\n  VITE v5.0.0  ready in 300 ms\n  ➜  Local:   http://127.0.0.1:" + port + "/\n"),
                            false, 20L)),
                    entry(2, new QuestEvent.ToolProgress("evt_2", "old server on localhost:" + closed)));
            List<String> urls = DevServers.inJournal(journal);
            assertEquals(List.of("http://127.0.0.1:" + port + "/", "http://localhost:" + closed + "/"), urls);
            assertTrue(DevServers.answers(urls.get(0)));
            assertFalse(DevServers.answers(urls.get(1)));
            assertFalse(DevServers.answers("http://example.com:" + port + "/"), "never probes other hosts");
        } finally {
            server.stop(0);
        }
    }

    private static JournalEntry entry(long seq, QuestEvent event) {
        return new JournalEntry("evt_" + seq, "q", seq, Instant.now(), event);
    }
}
