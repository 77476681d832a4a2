package dev.questbench.workspace.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a workspace's custom slash commands: every {@code *.md} under {@code .qoder/commands} and
 * {@code .claude/commands} (Qoder's win when both define a name). A file in a sub-folder becomes
 * {@code /group:name}; an optional {@code ---} frontmatter block gives its {@code description}.
 */
public final class CustomCommands {
    static final List<String> FOLDERS = List.of(".qoder/commands", ".claude/commands");
    private static final int MAX_BYTES = 256 * 1024;

    private CustomCommands() {
    }

    /** The commands of the workspace at {@code root}, sorted by name; unreadable files are left out. */
    public static List<CustomCommand> read(Path root) {
        Map<String, CustomCommand> byName = new LinkedHashMap<>();
        for (String folder : FOLDERS) {
            Path base = root.resolve(folder);
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(base, 8)) {
                files.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
                        .filter(Files::isRegularFile).sorted()
                        .forEach(file -> parse(root, base, file).ifPresent(command ->
                                byName.putIfAbsent(command.name(), command)));
            } catch (IOException | java.io.UncheckedIOException e) {
                // an unreadable commands folder offers no commands, as if it were absent
            }
        }
        List<CustomCommand> sorted = new ArrayList<>(byName.values());
        sorted.sort(java.util.Comparator.comparing(CustomCommand::name));
        return sorted;
    }

    static java.util.Optional<CustomCommand> parse(Path root, Path base, Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return java.util.Optional.empty();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return java.util.Optional.empty();
        }
        String relative = base.relativize(file).toString().replace('\\', '/');
        String name = relative.substring(0, relative.length() - ".md".length()).replace('/', ':');
        if (name.isBlank() || name.contains(" ")) {
            return java.util.Optional.empty();
        }
        Frontmatter split = Frontmatter.split(text);
        return java.util.Optional.of(new CustomCommand(name, split.value("description"), split.body(),
                root.relativize(file).toString().replace('\\', '/')));
    }

    /** A Markdown file's leading {@code ---} block as simple {@code key: value} lines, and the rest. */
    public record Frontmatter(Map<String, String> values, String body) {
        /** Splits {@code text} into its frontmatter (keys lower-cased) and body. */
        public static Frontmatter split(String text) {
            String normalized = text.replace("\r\n", "\n");
            if (!normalized.startsWith("---\n")) {
                return new Frontmatter(Map.of(), normalized);
            }
            int end = normalized.indexOf("\n---", 3);
            if (end < 0) {
                return new Frontmatter(Map.of(), normalized);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : normalized.substring(4, end).split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    values.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            unquote(line.substring(colon + 1).strip()));
                }
            }
            int bodyStart = normalized.indexOf('\n', end + 4);
            return new Frontmatter(values, bodyStart < 0 ? "" : normalized.substring(bodyStart + 1));
        }

        /** The value of {@code key}, or "" when it is absent. */
        public String value(String key) {
            return values.getOrDefault(key, "");
        }

        private static String unquote(String value) {
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                return value.substring(1, value.length() - 1);
            }
            return value;
        }
    }
}
