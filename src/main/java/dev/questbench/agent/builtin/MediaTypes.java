package dev.questbench.agent.builtin;

import java.util.Locale;
import java.util.Map;

/** A file's media type from its extension, for artifacts. */
public final class MediaTypes {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("md", "text/markdown"),
            Map.entry("markdown", "text/markdown"), Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"),
            Map.entry("tsv", "text/tab-separated-values"), Map.entry("json", "application/json"),
            Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"),
            Map.entry("svg", "image/svg+xml"), Map.entry("css", "text/css"), Map.entry("js", "text/javascript"),
            Map.entry("xml", "application/xml"), Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"), Map.entry("pptx",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

    private static final java.util.Set<String> SOURCE = java.util.Set.of("java", "kt", "kts", "ts", "tsx", "jsx",
            "py", "go", "rs", "c", "h", "cpp", "hpp", "cc", "cs", "rb", "php", "swift", "scala", "sh", "bash",
            "sql", "toml", "ini", "properties", "gradle", "mjs", "cjs", "vue", "svelte", "lua", "r", "log");

    private MediaTypes() {
    }

    public static String of(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot == path.length() - 1) {
            return "application/octet-stream";
        }
        String extension = path.substring(dot + 1).toLowerCase(Locale.ROOT);
        String known = BY_EXTENSION.get(extension);
        if (known != null) {
            return known;
        }
        return SOURCE.contains(extension) ? "text/plain" : "application/octet-stream";
    }
}
