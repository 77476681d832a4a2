package dev.questbench.server;

import dev.questbench.domain.PermissionMode;
import java.time.Duration;

/**
 * How the server listens and what its sessions default to.
 *
 * @param port          the first port to try (the next free one is taken when it is busy); 0 for any free port
 * @param token         a token for this run only, or null for the stored one
 * @param model         the model a session uses unless its agent names one the workbench knows, or null
 * @param heartbeat     how often an idle event stream sends a heartbeat comment
 */
public record ServerOptions(String host, int port, String token, PermissionMode permissionMode, String model,
                            Duration heartbeat) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 6666;
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    public ServerOptions {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        permissionMode = permissionMode == null ? PermissionMode.DEFAULT : permissionMode;
        heartbeat = heartbeat == null ? DEFAULT_HEARTBEAT : heartbeat;
    }

    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, null, PermissionMode.DEFAULT, null, DEFAULT_HEARTBEAT);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, token, permissionMode, model, heartbeat);
    }

    public ServerOptions withHeartbeat(Duration interval) {
        return new ServerOptions(host, port, token, permissionMode, model, interval);
    }

    public ServerOptions withToken(String value) {
        return new ServerOptions(host, port, value, permissionMode, model, heartbeat);
    }

    /** True for 127.0.0.1, ::1 and localhost: only this machine can connect. */
    public boolean loopback() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
