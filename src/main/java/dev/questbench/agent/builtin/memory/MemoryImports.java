package dev.questbench.agent.builtin.memory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a memory file and expands its {@code @path} imports (relative to the importing file, absolute, or
 * {@code ~/}) recursively, five levels deep at most. Imports in fenced code blocks and inline code stay as
 * written, as do imports of missing files and imports that would loop back. Each file is cut at 100 KB.
 */
final class MemoryImports {
    static final int MAX_DEPTH = 5;
    static final int MAX_CHARS = 100_000;
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'\"";

    private final Path home;

    MemoryImports(Path home) {
        this.home = home;
    }

    /** The file's text with imports expanded, or null when it cannot be read. */
    String load(Path file) {
        String text = readCapped(file);
        if (text == null) {
            return null;
        }
        Set<Path> chain = new HashSet<>();
        chain.add(realPath(file));
        return cap(expand(text, file, chain, 0), file);
    }

    private String expand(String text, Path file, Set<Path> chain, int depth) {
        StringBuilder out = new StringBuilder(text.length());
        String fence = null;
        for (String line : text.split("(?<=\n)", -1)) {
            String trimmed = line.stripLeading();
            if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                fence = trimmed.substring(0, 3);
                out.append(line);
            } else if (fence != null) {
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
                out.append(line);
            } else {
                expandLine(line, file, chain, depth, out);
            }
        }
        return out.toString();
    }

    private void expandLine(String line, Path file, Set<Path> chain, int depth, StringBuilder out) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '`') {
                int run = runLength(line, i);
                int close = line.indexOf("`".repeat(run), i + run);
                int end = close < 0 ? i + run : close + run;
                out.append(line, i, end);
                i = end;
            } else if (c == '@' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)) || line.charAt(i - 1) == '(')) {
                int end = i + 1;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '`') {
                    end++;
                }
                int pathEnd = end;
                while (pathEnd > i + 1 && TRAILING_PUNCTUATION.indexOf(line.charAt(pathEnd - 1)) >= 0) {
                    pathEnd--;
                }
                String imported = importOf(line.substring(i + 1, pathEnd), file, chain, depth);
                out.append(imported != null ? imported : line.substring(i, pathEnd));
                i = pathEnd;
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** The expanded text of an import, or null to leave {@code @path} as written. */
    private String importOf(String path, Path from, Set<Path> chain, int depth) {
        if (path.isEmpty() || depth >= MAX_DEPTH) {
            return null;
        }
        Path target;
        try {
            if (path.startsWith("~/")) {
                if (home == null) {
                    return null;
                }
                target = home.resolve(path.substring(2));
            } else {
                Path p = Path.of(path);
                target = p.isAbsolute() ? p : from.toAbsolutePath().getParent().resolve(p);
            }
        } catch (InvalidPathException e) {
            return null;
        }
        target = target.normalize();
        if (!Files.isRegularFile(target)) {
            return null;
        }
        Path real = realPath(target);
        if (chain.contains(real)) {
            return null;
        }
        String text = readCapped(target);
        if (text == null) {
            return null;
        }
        chain.add(real);
        try {
            return expand(text, target, chain, depth + 1).stripTrailing();
        } finally {
            chain.remove(real);
        }
    }

    /** The first 100 KB of the file with a note when there was more; null when it cannot be read. */
    private static String readCapped(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_CHARS + 1);
            String text = new String(bytes, 0, Math.min(bytes.length, MAX_CHARS), StandardCharsets.UTF_8);
            return bytes.length > MAX_CHARS ? text + truncationNote(file) : text;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String cap(String text, Path file) {
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + truncationNote(file) : text;
    }

    private static String truncationNote(Path file) {
        return "\n\n[Memory truncated: " + file.getFileName() + " is longer than 100 KB; the rest was not loaded.]\n";
    }

    static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException | RuntimeException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static int runLength(String line, int start) {
        int n = 0;
        while (start + n < line.length() && line.charAt(start + n) == '`') {
            n++;
        }
        return n;
    }
}
