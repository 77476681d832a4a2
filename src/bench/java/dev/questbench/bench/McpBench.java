package dev.questbench.bench;

import dev.questbench.agent.builtin.mcp.EchoMcpServer;
import dev.questbench.agent.builtin.mcp.McpClient;
import dev.questbench.agent.builtin.mcp.McpServerConfig;
import dev.questbench.agent.builtin.mcp.SseMcpServer;
import dev.questbench.domain.event.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * MCP client overheads against the stdio test server (a child JVM): start + initialize + tools/list, and one
 * tools/call round trip on a running server; the same round trip over the legacy HTTP+SSE transport (a loopback
 * server: POST, then the answer on the event stream).
 */
final class McpBench implements BenchMain.Benchmark {
    private static final int COLD = 5;
    private static final int WARM = 500;

    @Override
    public void run() throws Exception {
        Path dir = Files.createTempDirectory("qb-mcp-bench");
        McpServerConfig config = new McpServerConfig("echo", Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), List.of("-cp", System.getProperty("java.class.path"), EchoMcpServer.class.getName()),
                Map.of(), null, Map.of(), "bench");
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < COLD; i++) {
            try (McpClient client = new McpClient(config, dir)) {
                long start = System.nanoTime();
                if (!client.connect()) {
                    throw new IllegalStateException(client.status());
                }
                cold.add((System.nanoTime() - start) / 1e6);
            }
        }
        List<Double> warm = new ArrayList<>();
        try (McpClient client = new McpClient(config, dir)) {
            client.connect();
            var arguments = EventJson.mapper().readTree("{\"text\":\"ping\"}");
            for (int i = 0; i < WARM; i++) {
                long start = System.nanoTime();
                client.callTool("echo", arguments);
                warm.add((System.nanoTime() - start) / 1e6);
            }
        }
        List<Double> sse = new ArrayList<>();
        try (SseMcpServer server = new SseMcpServer(); McpClient client = new McpClient(new McpServerConfig("sse",
                null, List.of(), null, server.url(), null, "bench", "sse", false), dir)) {
            if (!client.connect()) {
                throw new IllegalStateException(client.status());
            }
            var arguments = EventJson.mapper().readTree("{\"text\":\"ping\"}");
            for (int i = 0; i < WARM; i++) {
                long start = System.nanoTime();
                client.callTool("echo", arguments);
                sse.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(cold);
        Collections.sort(warm);
        Collections.sort(sse);
        System.out.printf("connect (spawn JVM + initialize + tools/list): median %.0f ms, max %.0f ms over %d%n",
                cold.get(COLD / 2), cold.get(COLD - 1), COLD);
        System.out.printf("tools/call round trip: median %.3f ms, p99 %.3f ms over %d%n", warm.get(WARM / 2),
                warm.get(WARM * 99 / 100), WARM);
        System.out.printf("tools/call round trip over HTTP+SSE (loopback): median %.3f ms, p99 %.3f ms over %d%n",
                sse.get(WARM / 2), sse.get(WARM * 99 / 100), WARM);
    }
}
