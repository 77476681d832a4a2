package dev.questbench.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes requests by method and path pattern ({@code /sessions/{id}}), after the bearer-token check; every
 * failure becomes the Cloud Agents error envelope with the request's id.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    /** A handler for one route. */
    @FunctionalInterface
    interface Handler {
        void handle(ApiExchange exchange) throws IOException;
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final ServerToken token;

    Router(ServerToken token) {
        this.token = token;
    }

    Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    @Override
    public void handle(HttpExchange raw) {
        ApiExchange exchange = new ApiExchange(raw);
        try {
            if (!token.accepts(exchange.header("Authorization"))) {
                throw new ApiException(401, "authentication_error",
                        "Missing or invalid bearer token: send Authorization: Bearer <token> (Settings → Server "
                                + "shows it).", null);
            }
            dispatch(exchange);
        } catch (ApiException e) {
            exchange.error(e);
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "request " + exchange.requestId() + " failed", e);
            exchange.error(new ApiException(500, "api_error", "The server failed: " + e.getMessage(), null));
        } finally {
            exchange.close();
        }
    }

    private void dispatch(ApiExchange exchange) throws IOException {
        String[] path = split(exchange.path());
        boolean pathKnown = false;
        for (Route route : routes) {
            List<String> params = match(route.segments, path);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method.equals(exchange.method())) {
                exchange.pathParams(params);
                route.handler.handle(exchange);
                return;
            }
        }
        if (pathKnown) {
            throw new ApiException(405, "invalid_request_error", exchange.method() + " is not allowed on "
                    + exchange.path() + ".", null);
        }
        throw ApiException.notFound("No such endpoint: " + exchange.method() + " " + exchange.path() + ".");
    }

    private static List<String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{")) {
                params.add(path[i]);
            } else if (!pattern[i].equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
