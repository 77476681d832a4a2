package dev.questbench.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.questbench.agent.builtin.BuiltinBackend;
import dev.questbench.agent.builtin.SessionSetup;
import dev.questbench.agent.builtin.tools.ToolLimits;
import dev.questbench.agent.builtin.tools.Tools;
import dev.questbench.agent.builtin.hooks.HookConfig;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ModelClient;
import dev.questbench.llm.ModelClients;
import dev.questbench.llm.ModelException;
import dev.questbench.llm.ModelRequest;
import dev.questbench.llm.ModelResponse;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.llm.ProviderKind;
import dev.questbench.llm.StreamListener;
import dev.questbench.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The built-in agent's own cost, with the real OpenAI-compatible client against an SSE server on loopback:
 * <ul>
 *   <li>loop overhead per tool round trip: from one model call's return to the next call's start (journaling
 *       the reply, evaluating permissions, running a small Read, journaling its result, rebuilding the
 *       conversation), over a 300-step turn;</li>
 *   <li>streaming: a model writing 2,000 tokens/s; the time from the server writing a token to a live listener
 *       seeing it, and from the stream's end to the final message reaching journal subscribers.</li>
 * </ul>
 */
final class AgentBench implements BenchMain.Benchmark {
    private static final int STEPS = 300;
    private static final int TOKENS = 4_000;
    private static final long TOKEN_INTERVAL_NANOS = 500_000; // 2,000 tokens/s

    @Override
    public void run() throws Exception {
        Path dir = Files.createTempDirectory("qb-agent-bench");
        try {
            loopOverhead(dir.resolve("loop"));
            streaming(dir.resolve("stream"));
        } finally {
            deleteTree(dir);
        }
    }

    // ---- loop overhead ---------------------------------------------------------------------------

    private void loopOverhead(Path dir) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(workspace.resolve("notes.txt"), "line\n".repeat(50));
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = server(exchange -> {
            int call = calls.incrementAndGet();
            String body = call <= STEPS
                    ? toolCall("call_" + call, "Read", "{\"file_path\":\"notes.txt\"}")
                    : text("done");
            respond(exchange, body);
        });
        List<Long> gaps = new CopyOnWriteArrayList<>();
        try (Store store = Store.open(dir.resolve("data"))) {
            ModelClient client = timing(ModelClients.create(config(server, 1_000_000)), gaps);
            QuestExecutor executor = new QuestExecutor(store, List.of(backend(client, dir)), Notifier.NONE);
            try {
                String questId = run(store, executor, workspace, "read the notes many times");
                await(store, questId);
                System.out.printf("steps %d, status %s%n", STEPS, store.quests().summary(questId).orElseThrow()
                        .status());
            } finally {
                executor.close();
            }
        } finally {
            server.stop(0);
        }
        List<Long> sorted = new ArrayList<>(gaps);
        Collections.sort(sorted);
        System.out.printf("loop overhead per tool round trip: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms "
                        + "(%d round trips, conversation growing to %d messages)%n",
                ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)),
                ms(sorted.get(sorted.size() - 1)), sorted.size(), 2 * STEPS + 1);
        List<Long> last = new ArrayList<>(gaps.subList(Math.max(0, gaps.size() - 50), gaps.size()));
        Collections.sort(last);
        System.out.printf("  last 50 round trips (longest conversation): p50 %.2f ms%n", ms(percentile(last, 50)));
    }

    /** Records the time between one call's return and the next call's start: the loop's own work. */
    private static ModelClient timing(ModelClient client, List<Long> gaps) {
        return new ModelClient() {
            private long lastReturn;

            @Override
            public ProviderConfig config() {
                return client.config();
            }

            @Override
            public ModelResponse stream(ModelRequest request, StreamListener listener, Cancellation cancel)
                    throws ModelException {
                long start = System.nanoTime();
                if (lastReturn != 0) {
                    gaps.add(start - lastReturn);
                }
                try {
                    return client.stream(request, listener, cancel);
                } finally {
                    lastReturn = System.nanoTime();
                }
            }

            @Override
            public List<String> listModels() throws ModelException {
                return client.listModels();
            }

            @Override
            public ConnectionCheck testConnection() {
                return client.testConnection();
            }
        };
    }

    // ---- streaming -------------------------------------------------------------------------------

    private void streaming(Path dir) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        HttpServer server = server(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                long next = System.nanoTime();
                for (int i = 0; i < TOKENS; i++) {
                    while (System.nanoTime() < next) {
                        LockSupport.parkNanos(50_000);
                    }
                    String token = "t" + System.nanoTime() + " ";
                    out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + token
                            + "\"}}]}\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    next += TOKEN_INTERVAL_NANOS;
                }
                endMarker[0] = System.nanoTime();
                out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        });
        List<Long> latencies = new CopyOnWriteArrayList<>();
        long[] messageSeen = new long[1];
        CountDownLatch finalMessage = new CountDownLatch(1);
        try (Store store = Store.open(dir.resolve("data"))) {
            ModelClient client = ModelClients.create(config(server, 1_000_000));
            QuestExecutor executor = new QuestExecutor(store, List.of(backend(client, dir)), Notifier.NONE);
            executor.subscribeLive((questId, event) -> {
                if (event instanceof QuestEvent.AgentContentBlockDelta delta && delta.delta().text() != null) {
                    long now = System.nanoTime();
                    for (String token : delta.delta().text().split(" ")) {
                        if (token.startsWith("t")) {
                            latencies.add(now - Long.parseLong(token.substring(1)));
                        }
                    }
                }
            });
            var subscription = store.journal().subscribe(entries -> entries.forEach(entry -> {
                if (entry.event() instanceof QuestEvent.AgentMessage) {
                    messageSeen[0] = System.nanoTime();
                    finalMessage.countDown();
                }
            }));
            try {
                long started = System.nanoTime();
                String questId = run(store, executor, workspace, "write a lot");
                if (!finalMessage.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the final message never reached the journal");
                }
                await(store, questId);
                double seconds = (System.nanoTime() - started) / 1e9;
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                System.out.printf("streaming %d tokens at 2,000 tokens/s: %d reached live listeners in %.1f s; "
                                + "added latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", TOKENS, sorted.size(),
                        seconds, ms(percentile(sorted, 50)), ms(percentile(sorted, 99)),
                        ms(sorted.get(sorted.size() - 1)));
                System.out.printf("final agent.message reached journal subscribers %.2f ms after the stream "
                        + "ended%n", ms(messageSeen[0] - endMarker[0]));
            } finally {
                subscription.close();
                executor.close();
            }
        } finally {
            server.stop(0);
        }
    }

    private final long[] endMarker = new long[1];

    // ---- shared ----------------------------------------------------------------------------------

    private static BuiltinBackend backend(ModelClient client, Path dir) {
        return new BuiltinBackend(quest -> new SessionSetup(client, "bench-model", false,
                PermissionMode.DEFAULT, List.of(), HookConfig.EMPTY, STEPS + 10, ToolLimits.DEFAULT,
                Duration.ofSeconds(10), dir.resolve("home"), dir.resolve("scratch"), bytes -> null,
                Tools.standard()));
    }

    private static String run(Store store, QuestExecutor executor, Path workspace, String prompt) {
        String workspaceId = store.workspaces().open(workspace.toString()).id();
        Quest quest = Quest.create(null, prompt, workspaceId, QuestMode.AGENT, QuestEnvironment.LOCAL,
                Instant.now());
        return executor.create(quest).id();
    }

    private static void await(Store store, String questId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            QuestStatus status = store.quests().summary(questId).orElseThrow().status();
            if (status == QuestStatus.READY || status == QuestStatus.ERROR) {
                if (status == QuestStatus.ERROR) {
                    throw new IllegalStateException("the bench quest failed: " + store.journal()
                            .readLast(questId, 3));
                }
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the bench quest did not finish");
    }

    private static ProviderConfig config(HttpServer server, int window) {
        return new ProviderConfig("bench", ProviderKind.OPENAI,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", null, "bench-model", window, Map.of());
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static HttpServer server(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            handler.handle(exchange);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String toolCall(String id, String name, String arguments) {
        String escaped = arguments.replace("\\", "\\\\").replace("\"", "\\\"");
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"" + id
                + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"" + escaped
                + "\"}}]}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}\n\n"
                + "data: [DONE]\n\n";
    }

    private static String text(String text) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
