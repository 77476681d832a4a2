package dev.questbench.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.domain.Quest;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The headless HTTP server: a Cloud Agents API subset under {@code /api/v1/cloud}, the {@code /webhook/{command}}
 * shim and {@code /health}, on the JDK's built-in HTTP server, every request behind the bearer token. Sessions are
 * quests of the given executor, so they show on the board and can be answered from the app too.
 */
public final class ServerApi implements AutoCloseable {
    public static final String BASE = "/api/v1/cloud";
    static final String ENVIRONMENT_ID = "env_local";
    private static final int PORTS_TRIED = 100;

    static {
        // Small SSE frames must leave at once: the JDK server leaves Nagle on unless told (read once, at first use).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService threads;
    private final SessionFeed feed;
    private final ServerToken token;
    private final ServerOptions options;

    private ServerApi(HttpServer http, ExecutorService threads, SessionFeed feed, ServerToken token,
                      ServerOptions options) {
        this.http = http;
        this.threads = threads;
        this.feed = feed;
        this.token = token;
        this.options = options;
    }

    /** Binds the first free port at or above {@code options.port()} and starts serving. */
    public static ServerApi start(Store store, QuestExecutor executor, BuiltinAgent agent, ServerOptions options) {
        return start(store, executor, agent, options, Quest.BUILTIN_BACKEND);
    }

    /** As above, with sessions run by the executor's backend of the given kind (benchmarks use a scripted one). */
    public static ServerApi start(Store store, QuestExecutor executor, BuiltinAgent agent, ServerOptions options,
                                  String backendKind) {
        HttpServer http = bind(options); // first: a busy port must not leave a journal subscription behind
        ServerToken token = new ServerToken(store.secrets(), options.token());
        SessionFeed feed = new SessionFeed(store);
        AgentCatalog catalog = new AgentCatalog(agent, store.settings(), options.model());
        SessionRecords records = new SessionRecords(store.settings());
        SessionsApi sessions = new SessionsApi(store, executor, catalog, records, options.permissionMode(),
                backendKind);
        EventsApi events = new EventsApi(store, executor, sessions);
        SessionStream stream = new SessionStream(store, feed, options.heartbeat());
        Router router = new Router(token);
        sessions.register(router, BASE);
        events.register(router, BASE);
        new EventReadApi(store, sessions, stream).register(router, BASE);
        new FilesApi(store).register(router, BASE);
        new WebhookApi(store.settings(), sessions, events, stream).register(router);
        catalog(router, catalog, executor);
        AtomicInteger number = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "questbench-http-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        http.createContext("/", router);
        http.setExecutor(threads);
        http.start();
        return new ServerApi(http, threads, feed, token, options);
    }

    private static void catalog(Router router, AgentCatalog catalog, QuestExecutor executor) {
        router.add("GET", BASE + "/models", ex -> {
            ObjectNode out = ApiExchange.JSON.createObjectNode();
            ArrayNode data = out.putArray("data");
            catalog.models().forEach(data::add);
            out.put("has_more", false);
            ex.json(200, out);
        }).add("GET", BASE + "/agents", ex -> ex.json(200, Page.parse(ex).apply(catalog.agents(),
                node -> node.path("id").asText(), node -> node)))
                .add("GET", BASE + "/agents/{id}", ex -> ex.json(200, catalog.agent(ex.param(0))
                        .orElseThrow(() -> ApiException.notFound("Agent not found: " + ex.param(0)))))
                .add("POST", BASE + "/agents", ex -> ex.json(200, catalog.create(ex.jsonBody())))
                .add("GET", BASE + "/environments", ex -> ex.json(200, Page.envelope(
                        List.of(AgentCatalog.environment()), false)))
                .add("GET", BASE + "/environments/{id}", ex -> {
                    if (!ENVIRONMENT_ID.equals(ex.param(0))) {
                        throw ApiException.notFound("Environment not found: " + ex.param(0));
                    }
                    ex.json(200, AgentCatalog.environment());
                })
                .add("GET", "/health", ex -> ex.json(200, ApiExchange.JSON.createObjectNode().put("status", "ok")
                        .put("running_turns", executor.runningCount())));
    }

    private static HttpServer bind(ServerOptions options) {
        int port = options.port();
        int last = port == 0 ? 0 : Math.min(65_535, port + PORTS_TRIED - 1);
        for (int candidate = port; candidate <= last; candidate++) {
            try {
                return HttpServer.create(new InetSocketAddress(options.host(), candidate), 0);
            } catch (BindException e) {
                if (candidate == last) {
                    throw new IllegalStateException("No free port from " + port + " to " + last + " on "
                            + options.host() + ": stop what uses them, or pass --port.", e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen on " + options.host() + ":" + candidate + ": "
                        + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The root URL, such as {@code http://127.0.0.1:6666}; the API lives under {@link #BASE}. */
    public String baseUrl() {
        String host = options.host().contains(":") && !options.host().startsWith("[") ? "[" + options.host() + "]"
                : options.host();
        return "http://" + host + ":" + port();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public ServerToken token() {
        return token;
    }

    /** Ends open streams and stops listening; running turns keep running in the executor. */
    @Override
    public void close() {
        feed.close();
        http.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
