package dev.questbench.agent.builtin.tools;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Grep's {@code type} names (as in ripgrep) and the file name endings they stand for. */
final class FileTypes {
    private static final Map<String, List<String>> TYPES = new TreeMap<>(Map.ofEntries(
            Map.entry("c", List.of(".c", ".h")),
            Map.entry("cpp", List.of(".cpp", ".cc", ".cxx", ".c++", ".hpp", ".hh", ".hxx", ".h", ".inl")),
            Map.entry("cs", List.of(".cs", ".csx")),
            Map.entry("css", List.of(".css", ".scss", ".sass", ".less")),
            Map.entry("go", List.of(".go")),
            Map.entry("gradle", List.of(".gradle", ".gradle.kts")),
            Map.entry("html", List.of(".html", ".htm", ".xhtml")),
            Map.entry("java", List.of(".java")),
            Map.entry("js", List.of(".js", ".mjs", ".cjs", ".jsx")),
            Map.entry("json", List.of(".json", ".jsonc", ".json5")),
            Map.entry("kotlin", List.of(".kt", ".kts")),
            Map.entry("md", List.of(".md", ".markdown", ".mdx")),
            Map.entry("php", List.of(".php")),
            Map.entry("py", List.of(".py", ".pyi")),
            Map.entry("rb", List.of(".rb", ".rake", ".gemspec")),
            Map.entry("rust", List.of(".rs")),
            Map.entry("scala", List.of(".scala", ".sc")),
            Map.entry("sh", List.of(".sh", ".bash", ".zsh")),
            Map.entry("sql", List.of(".sql")),
            Map.entry("swift", List.of(".swift")),
            Map.entry("toml", List.of(".toml")),
            Map.entry("ts", List.of(".ts", ".tsx", ".mts", ".cts")),
            Map.entry("txt", List.of(".txt")),
            Map.entry("xml", List.of(".xml", ".xsd", ".xsl", ".xslt", ".pom", ".fxml")),
            Map.entry("yaml", List.of(".yaml", ".yml"))));

    private static final Map<String, String> ALIASES = Map.of("javascript", "js", "typescript", "ts",
            "python", "py", "rs", "rust", "markdown", "md", "yml", "yaml", "kt", "kotlin", "ruby", "rb",
            "golang", "go", "shell", "sh");

    private FileTypes() {
    }

    /** The name endings for a type, e.g. {@code ts} → {@code .ts .tsx .mts .cts}. */
    static List<String> endings(String type) throws ToolException {
        String key = type.trim().toLowerCase(Locale.ROOT);
        key = ALIASES.getOrDefault(key, key);
        List<String> endings = TYPES.get(key);
        if (endings == null) {
            throw new ToolException("Unknown file type '" + type + "'. Known types: " + String.join(", ", names())
                    + ". For anything else use the glob parameter, e.g. '*.vue'.");
        }
        return endings;
    }

    static Set<String> names() {
        return TYPES.keySet();
    }

    static boolean matches(List<String> endings, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String ending : endings) {
            if (lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }
}
