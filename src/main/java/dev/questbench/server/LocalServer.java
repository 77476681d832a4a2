package dev.questbench.server;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;

/**
 * The server as the desktop app runs it (Settings → Server): started and stopped on demand over the app's own
 * executor, so API sessions show on the board at once. Thread-safe; start and stop bind or close sockets, so call
 * them off the FX thread.
 */
public final class LocalServer implements AutoCloseable {
    private final Store store;
    private final QuestExecutor executor;
    private final BuiltinAgent agent;
    private final ServerOptions options;
    private ServerApi running;

    public LocalServer(Store store, QuestExecutor executor, BuiltinAgent agent, ServerOptions options) {
        this.store = store;
        this.executor = executor;
        this.agent = agent;
        this.options = options;
    }

    /** Starts listening (no-op when already running); returns the base URL of the API. */
    public synchronized String start() {
        if (running == null) {
            running = ServerApi.start(store, executor, agent, options.withToken(null));
        }
        return apiUrl();
    }

    public synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    public synchronized boolean running() {
        return running != null;
    }

    /** Where clients send requests, such as {@code http://127.0.0.1:6666/api/v1/cloud}; null while stopped. */
    public synchronized String apiUrl() {
        return running == null ? null : running.baseUrl() + ServerApi.BASE;
    }

    /** The stored bearer token (created on first use). */
    public synchronized String token() {
        return running != null ? running.token().value() : ServerToken.stored(store.secrets());
    }

    /** Replaces the token; a running server refuses the old one from now on. */
    public synchronized String rotate() {
        if (running != null) {
            return running.token().rotate();
        }
        String fresh = ServerToken.generate();
        store.secrets().put(ServerToken.SECRET_KEY, fresh);
        return fresh;
    }

    /** Where the token is kept, for the Settings page. */
    public String tokenFile() {
        return store.secrets().file().toString();
    }

    @Override
    public void close() {
        stop();
    }
}
