package dev.questbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.server.ServerApi;
import dev.questbench.server.ServerOptions;
import dev.questbench.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The headless server under load, on loopback with a scripted backend: (1) 100 SSE clients on one session while its
 * turn emits 1,000 events at 200/s: each client must get every event in order; the added latency is the time from
 * the journal commit to a client reading the frame. (2) 50 sessions created and driven concurrently, two turns each:
 * no errors, and each stream carries exactly the journal's events.
 */
public final class ServerBench implements BenchMain.Benchmark {
    private static final String TOKEN = "pt-bench";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int CLIENTS = 100;
    private static final int EVENTS = 1_000;
    private static final int RATE = 200;
    private static final int SESSIONS = 50;

    @Override
    public void run() throws Exception {
        Path dir = Files.createTempDirectory("qb-server-bench");
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        AtomicInteger script = new AtomicInteger();
        ScriptedBackend backend = new ScriptedBackend(turn -> {
            int events = script.get() == 0 ? EVENTS : 40;
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                JournalEntry entry = turn.emit(QuestEvent.AgentMessage.text("step " + i));
                committedAt.put(entry.id(), System.nanoTime());
                if (script.get() == 0) {
                    long due = start + TimeUnit.SECONDS.toNanos(i + 1) / RATE;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            return new TurnResult.EndTurn();
        });
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60))
                .connectionPool(new ConnectionPool(200, 1, TimeUnit.MINUTES)).dispatcher(dispatcher()).build();
        try (Store store = Store.open(dir)) {
            store.settings().set(QuestExecutor.CONCURRENCY, SESSIONS);
            Map<String, Long> notifiedAt = new ConcurrentHashMap<>();
            store.journal().subscribe(batch -> { // before the server's own subscription: called just ahead of it
                long now = System.nanoTime();
                batch.forEach(entry -> notifiedAt.put(entry.id(), now));
            });
            QuestExecutor executor = new QuestExecutor(store, List.of(backend), Notifier.NONE);
            executor.start();
            BuiltinAgent agent = new BuiltinAgent(store, Map.of(), dir, BuiltinAgent.Overrides.NONE);
            try (executor; ServerApi server = ServerApi.start(store, executor, agent, new ServerOptions("127.0.0.1",
                    0, TOKEN, PermissionMode.DEFAULT, "bench-model", Duration.ofSeconds(15)), ScriptedBackend.KIND)) {
                String base = server.baseUrl() + ServerApi.BASE;
                fanOut(http, base, committedAt, notifiedAt);
                script.set(1);
                manySessions(http, base, store);
            }
        } finally {
            http.dispatcher().executorService().shutdownNow();
            http.connectionPool().evictAll();
        }
    }

    private static Dispatcher dispatcher() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(400);
        dispatcher.setMaxRequestsPerHost(400);
        return dispatcher;
    }

    private static void fanOut(OkHttpClient http, String base, Map<String, Long> committedAt,
                               Map<String, Long> notifiedAt) throws Exception {
        String session = post(http, base + "/sessions", "{}").path("id").asText();
        ExecutorService readers = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[][]>> results = new ArrayList<>();
        AtomicInteger connected = new AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
            results.add(readers.submit(() -> read(http, base + "/sessions/" + session + "/events/stream", committedAt,
                    notifiedAt, connected)));
        }
        while (connected.get() < CLIENTS) {
            Thread.sleep(10);
        }
        long started = System.nanoTime();
        post(http, base + "/sessions/" + session + "/events", "{\"events\":[{\"type\":\"user.message\","
                + "\"content\":\"go\"}]}");
        List<Long> latencies = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        int complete = 0;
        for (Future<long[][]> result : results) {
            long[][] perClient = result.get(5, TimeUnit.MINUTES);
            if (perClient[0].length == EVENTS) {
                complete++;
            }
            Arrays.stream(perClient[0]).forEach(latencies::add);
            Arrays.stream(perClient[1]).forEach(added::add);
        }
        readers.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] serverOnly = added.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("fan-out: %d SSE clients, %d events at %d/s in %.1f s; clients with every event in "
                        + "order: %d/%d%n", CLIENTS, EVENTS, RATE, (System.nanoTime() - started) / 1e9, complete,
                CLIENTS);
        System.out.printf("fan-out latency, journal commit -> client read: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                + "over %d deliveries%n", pct(sorted, 50), pct(sorted, 99), pct(sorted, 100), sorted.length);
        System.out.printf("fan-out latency added by the server (store notification -> client read): p50 %.2f ms, "
                + "p99 %.2f ms, max %.2f ms%n", pct(serverOnly, 50), pct(serverOnly, 99), pct(serverOnly, 100));
    }

    /**
     * Reads one stream until the turn ends; returns each agent.message's latency from commit and from the store's
     * notification, or none when one came out of order.
     */
    private static long[][] read(OkHttpClient http, String url, Map<String, Long> committedAt,
                                 Map<String, Long> notifiedAt, AtomicInteger connected) throws IOException {
        List<Long> latencies = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        int expected = 0;
        boolean inOrder = true;
        try (Response response = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer " + TOKEN)
                .build()).execute()) {
            connected.incrementAndGet();
            BufferedSource source = response.body().source();
            String id = null;
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ") && line.contains("\"agent.message\"")) {
                    long now = System.nanoTime();
                    Long at = committedAt.get(id);
                    latencies.add(at == null ? 0 : Math.max(0, now - at));
                    Long notified = notifiedAt.get(id);
                    added.add(notified == null ? 0 : Math.max(0, now - notified));
                    inOrder &= line.contains("\"step " + expected + "\"");
                    expected++;
                } else if (line.startsWith("event: session.status_idle")) {
                    break;
                }
            }
        }
        if (!inOrder) {
            return new long[2][0];
        }
        return new long[][] {latencies.stream().mapToLong(Long::longValue).toArray(),
                added.stream().mapToLong(Long::longValue).toArray()};
    }

    private static void manySessions(OkHttpClient http, String base, Store store) throws Exception {
        ExecutorService drivers = Executors.newFixedThreadPool(SESSIONS);
        List<Future<String>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int s = 0; s < SESSIONS; s++) {
            results.add(drivers.submit(() -> drive(http, base, store)));
        }
        int ok = 0;
        List<String> problems = new ArrayList<>();
        for (Future<String> result : results) {
            try {
                String problem = result.get(5, TimeUnit.MINUTES);
                if (problem == null) {
                    ok++;
                } else {
                    problems.add(problem);
                }
            } catch (Exception e) {
                problems.add(String.valueOf(e.getCause()));
            }
        }
        drivers.shutdown();
        System.out.printf("sessions: %d created and driven concurrently (2 turns each) in %.1f s; %d without error "
                + "or lost event%s%n", SESSIONS, (System.nanoTime() - started) / 1e9, ok, problems.isEmpty() ? ""
                : "; problems: " + problems.subList(0, Math.min(3, problems.size())));
    }

    /** One session's life; returns null when all went well, else what went wrong. */
    private static String drive(OkHttpClient http, String base, Store store) throws IOException {
        String session = post(http, base + "/sessions", "{}").path("id").asText();
        int streamed = 0;
        for (int turn = 0; turn < 2; turn++) {
            post(http, base + "/sessions/" + session + "/events", "{\"events\":[{\"type\":\"user.message\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"turn " + turn + "\"}]}]}");
            try (Response response = http.newCall(new Request.Builder().url(base + "/sessions/" + session
                    + "/events/stream").header("Authorization", "Bearer " + TOKEN).build()).execute()) {
                BufferedSource source = response.body().source();
                int idles = 0;
                streamed = 0;
                String line;
                while ((line = source.readUtf8Line()) != null) {
                    if (line.startsWith("id: ")) {
                        streamed++;
                    } else if (line.equals("event: session.status_idle") && ++idles == turn + 1) {
                        break;
                    }
                }
            }
        }
        long journaled = store.journal().count(session);
        return streamed == journaled ? null : session + " streamed " + streamed + " of " + journaled + " events";
    }

    private static JsonNode post(OkHttpClient http, String url, String body) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer " + TOKEN)
                .post(RequestBody.create(body, JSON)).build()).execute()) {
            String text = response.body().string();
            if (response.code() != 200) {
                throw new IOException(response.code() + " " + text);
            }
            return EventJson.mapper().readTree(text);
        }
    }

    private static double pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
