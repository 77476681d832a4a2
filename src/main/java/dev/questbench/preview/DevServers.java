package dev.questbench.preview;

import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local dev servers a quest started, found in its tools' output ({@code Local: http://localhost:5173/},
 * {@code listening on 127.0.0.1:8080}); only loopback addresses count, and {@link #answers} checks one is up.
 */
public final class DevServers {
    private static final Pattern URL_PATTERN = Pattern.compile(
            "(?:(https?)://)?(localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\]):(\\d{2,5})(/[^\\s\"'<>)\\]]*)?",
            Pattern.CASE_INSENSITIVE);

    private DevServers() {
    }

    /** The loopback URLs announced in a text, in order, normalised to {@code http://host:port/path}. */
    public static List<String> find(String text) {
        Set<String> urls = new LinkedHashSet<>();
        if (text == null) {
            return List.of();
        }
        Matcher matcher = URL_PATTERN.matcher(text);
        while (matcher.find()) {
            int port = Integer.parseInt(matcher.group(3));
            if (port < 1 || port > 65_535) {
                continue;
            }
            String scheme = matcher.group(1) == null ? "http" : matcher.group(1).toLowerCase(java.util.Locale.ROOT);
            String host = matcher.group(2).equals("0.0.0.0") ? "localhost" : matcher.group(2).toLowerCase(
                    java.util.Locale.ROOT);
            String path = matcher.group(4) == null ? "/" : stripPunctuation(matcher.group(4));
            urls.add(scheme + "://" + host + ":" + port + path);
        }
        return List.copyOf(urls);
    }

    /** The URLs announced by the quest's tool results and progress, newest last. */
    public static List<String> inJournal(List<JournalEntry> entries) {
        Set<String> urls = new LinkedHashSet<>();
        for (JournalEntry entry : entries) {
            if (entry.event() instanceof QuestEvent.AgentToolResult result) {
                urls.addAll(find(ContentBlock.plainText(result.content())));
            } else if (entry.event() instanceof QuestEvent.ToolProgress progress) {
                urls.addAll(find(progress.text()));
            }
        }
        return List.copyOf(urls);
    }

    /** Whether a URL names this machine (localhost, 127.0.0.0/8, ::1) and so may load inside the app. */
    public static boolean isLoopback(String url) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost();
            if (host == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return false;
            }
            host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return "localhost".equalsIgnoreCase(host) || host.matches("127(\\.\\d{1,3}){3}")
                    || "::1".equals(host) || "0:0:0:0:0:0:0:1".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether something answers HTTP at a loopback URL (any status); blocks up to about a second. */
    public static boolean answers(String url) {
        if (!isLoopback(url)) {
            return false;
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection(java.net.Proxy.NO_PROXY);
            connection.setConnectTimeout(800);
            connection.setReadTimeout(800);
            connection.setRequestMethod("GET");
            int status = connection.getResponseCode();
            connection.disconnect();
            return status > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String stripPunctuation(String path) {
        String trimmed = path;
        while (!trimmed.isEmpty() && ".,;:!?".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? "/" : trimmed;
    }
}
