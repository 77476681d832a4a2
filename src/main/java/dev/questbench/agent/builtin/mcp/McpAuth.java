package dev.questbench.agent.builtin.mcp;

import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/** The bearer token an HTTP MCP transport sends, and one refresh of it when the server answers 401. */
interface McpAuth {
    McpAuth NONE = new McpAuth() {
        @Override
        public String token() {
            return null;
        }

        @Override
        public boolean refresh() {
            return false;
        }
    };

    /** The access token to send, or null. */
    String token();

    /** Gets a new access token with the stored refresh token; false when there is none or it was refused. */
    boolean refresh();

    /** Adds the server's headers and the bearer token. */
    default Request.Builder sign(Request.Builder request, McpServerConfig config) {
        config.headers().forEach(request::header);
        String token = token();
        if (token != null && !config.headers().containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** Throws the message for a failed answer; a 401 names what to do. */
    static void check(Response response, McpServerConfig config) throws IOException {
        if (response.isSuccessful()) {
            return;
        }
        int code = response.code();
        String challenge = response.header("WWW-Authenticate", "");
        response.close();
        throw code == 401 ? new NeedsAuthException(challenge, config)
                : new IOException("HTTP " + code + " from " + config.url() + " (check the server's URL and that it is "
                        + "running)");
    }

    /** The server answered 401: the user has to sign in (Settings → MCP) or add an Authorization header. */
    final class NeedsAuthException extends IOException {
        private final String challenge;

        NeedsAuthException(String challenge, McpServerConfig config) {
            super("HTTP 401: the server '" + config.name() + "' needs authorization. Sign in from Settings → MCP, or "
                    + "add an Authorization header to its entry.");
            this.challenge = challenge;
        }

        /** The {@code WWW-Authenticate} header, possibly empty. */
        String challenge() {
            return challenge;
        }
    }
}
