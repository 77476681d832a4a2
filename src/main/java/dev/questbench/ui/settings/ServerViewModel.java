package dev.questbench.ui.settings;

import dev.questbench.server.LocalServer;
import dev.questbench.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Settings → Server: whether the local agent server runs while the app is open, its base URL and bearer token,
 * with Start, Stop and Rotate. Sockets are bound and closed on the task runner, never on the FX thread.
 */
public final class ServerViewModel {
    static final String STOPPED = "Stopped. Start it to let scripts and CI delegate quests to this window "
            + "(or run 'questbench serve' without the app).";

    private final LocalServer server;
    private final TaskRunner tasks;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", STOPPED);
    private final ReadOnlyStringWrapper baseUrl = new ReadOnlyStringWrapper(this, "baseUrl", "");
    private final ReadOnlyStringWrapper token = new ReadOnlyStringWrapper(this, "token", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    public ServerViewModel(LocalServer server, TaskRunner tasks) {
        this.server = server;
        this.tasks = tasks;
    }

    // ---- properties -------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseUrlProperty() {
        return baseUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tokenProperty() {
        return token.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    // ---- commands ---------------------------------------------------------------------------------

    /** Reads the current state (and the stored token, creating it on first use). */
    public void load() {
        work(() -> null);
    }

    public void start() {
        work(server::start);
    }

    public void stop() {
        work(() -> {
            server.stop();
            return null;
        });
    }

    /** A new token; clients must be given it again. */
    public void rotate() {
        work(server::rotate);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void work(java.util.concurrent.Callable<?> action) {
        busy.set(true);
        problem.set(null);
        tasks.run(() -> {
            action.call();
            return new State(server.running(), server.apiUrl(), server.token(), server.tokenFile());
        }, this::show, failure -> {
            busy.set(false);
            problem.set("The server could not change state: " + failure.getMessage());
        });
    }

    private void show(State state) {
        busy.set(false);
        running.set(state.running());
        baseUrl.set(state.url() == null ? "" : state.url());
        token.set(state.token());
        status.set(state.running() ? "Running at " + state.url() + ". Sessions started over the API appear on the "
                + "board. The token is kept in " + state.tokenFile() + "." : STOPPED);
    }

    private record State(boolean running, String url, String token, String tokenFile) {
    }
}
