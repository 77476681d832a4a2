package dev.questbench.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves previewed folders to the WebView on 127.0.0.1 under unguessable prefixes, so pages load like a web site:
 * relative CSS, scripts and images resolve, and every response carries the Content-Security-Policy that keeps
 * requests on this machine (a page loaded from a string has no origin and could load none of its files). Generated
 * pages (Markdown, slides) are served from memory beside the files they refer to; the bundled Mermaid from its jar.
 * Only files under a published folder are served; {@code ..} never leaves it.
 */
public final class PreviewServer implements AutoCloseable {
    private static final String MERMAID_PATH = "/_qb/mermaid.min.js";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Root> roots = new ConcurrentHashMap<>();
    private final Map<String, String> folderTokens = new ConcurrentHashMap<>();
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    private record Root(Path folder, boolean allowNetwork) {
    }

    private PreviewServer(HttpServer server) {
        this.server = server;
        this.threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "preview-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on a free loopback port. */
    public static PreviewServer start() throws IOException {
        return new PreviewServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** The URL of a file, served with the policy for {@code allowNetwork}. */
    public String urlOf(Path file, boolean allowNetwork) {
        Path absolute = file.toAbsolutePath().normalize();
        return folderUrl(absolute.getParent(), allowNetwork) + encode(absolute.getFileName().toString());
    }

    /** The URL of a folder (ending in a slash): relative references in pages resolve against it. */
    public String folderUrl(Path folder, boolean allowNetwork) {
        Path absolute = folder.toAbsolutePath().normalize();
        String key = absolute + "|" + allowNetwork;
        String token = folderTokens.computeIfAbsent(key, ignored -> {
            String made = HexFormat.of().formatHex(bytes());
            roots.put(made, new Root(absolute, allowNetwork));
            return made;
        });
        return base() + "/" + token + "/";
    }

    /**
     * Serves a page made in memory as if it sat in {@code folder} under {@code name}, and returns its URL; a later
     * publish under the same name replaces it.
     */
    public String publish(Path folder, String name, String html) {
        String url = folderUrl(folder, false) + encode(name);
        pages.put(url.substring(base().length()), html.getBytes(StandardCharsets.UTF_8));
        return url;
    }

    /** Where the bundled Mermaid script is served. */
    public String mermaidUrl() {
        return base() + MERMAID_PATH;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", new byte[0], false);
                return;
            }
            if (MERMAID_PATH.equals(path)) {
                URL script = PreviewPage.mermaidScript();
                if (script == null) {
                    send(exchange, 404, "text/plain", new byte[0], false);
                    return;
                }
                try (InputStream in = script.openStream()) {
                    send(exchange, 200, "text/javascript", in.readAllBytes(), false);
                }
                return;
            }
            byte[] page = pages.get(path);
            String[] parts = path.split("/", 3);
            Root root = parts.length == 3 ? roots.get(parts[1]) : null;
            if (root == null) {
                send(exchange, 404, "text/plain", new byte[0], false);
                return;
            }
            if (page != null) {
                send(exchange, 200, "text/html; charset=utf-8", page, root.allowNetwork());
                return;
            }
            Path file = root.folder().resolve(URLDecoder.decode(parts[2], StandardCharsets.UTF_8)).normalize();
            if (!file.startsWith(root.folder()) || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            send(exchange, 200, contentType(file), Files.readAllBytes(file), root.allowNetwork());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean allowNetwork)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", PreviewPage.contentSecurityPolicy(allowNetwork));
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "html", "htm" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "json", "map" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "bmp" -> "image/bmp";
            case "ico" -> "image/x-icon";
            case "woff" -> "font/woff";
            case "woff2" -> "font/woff2";
            case "ttf" -> "font/ttf";
            case "txt", "md", "csv" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }

    private static byte[] bytes() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return token;
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
