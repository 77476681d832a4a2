package dev.questbench.agent.builtin.tools;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a pattern's matching lines in one text file and prints them with context the way ripgrep does
 * ({@code path:12:match}, {@code path-13-context}, {@code --} between groups). Known limit: only the first
 * {@value #MAX_LINE_CHARS} characters of a line are searched, and multiline search skips files over
 * {@value #MAX_MULTILINE_BYTES} bytes.
 */
final class FileSearch {
    static final int MAX_LINE_CHARS = 1_000_000;
    static final int SHOWN_LINE_CHARS = 500;
    static final long MAX_MULTILINE_BYTES = 16L * 1024 * 1024;

    /** How to search and print. */
    record Options(Pattern pattern, boolean multiline, int before, int after, boolean lineNumbers) {
    }

    private record Numbered(long number, String text) {
    }

    /** A skipped file (binary, or too large for multiline). */
    static final long SKIPPED = -1;

    private final Options options;
    private final String relative;
    private final ResultLines out;
    private long lastPrinted;

    private FileSearch(Options options, String relative, ResultLines out) {
        this.options = options;
        this.relative = relative;
        this.out = out;
    }

    /**
     * Counts the matching lines of {@code file}; with {@code out} given, prints them with context into it, and
     * stops early once it is full. Without {@code out}, stops at the first match when {@code firstOnly}.
     */
    static long search(Path file, String relative, Options options, ResultLines out, boolean firstOnly)
            throws IOException {
        if (options.multiline() && Files.size(file) > MAX_MULTILINE_BYTES) {
            return SKIPPED;
        }
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] head = stream.readNBytes(FileKind.SNIFF_BYTES);
            if (FileKind.sniff(head, head.length, file.getFileName().toString()).binary()) {
                return SKIPPED;
            }
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            Reader reader = new InputStreamReader(new SequenceInputStream(new ByteArrayInputStream(head), stream),
                    decoder);
            return new FileSearch(options, relative, out).scan(reader, firstOnly);
        }
    }

    private long scan(Reader reader, boolean firstOnly) throws IOException {
        BitSet multilineMatches = null;
        if (options.multiline()) {
            String text = readAll(reader);
            multilineMatches = matchedLines(text);
            reader = new StringReader(text);
        }
        BoundedLines lines = new BoundedLines(reader, MAX_LINE_CHARS);
        Deque<Numbered> before = new ArrayDeque<>();
        long count = 0;
        long afterLeft = 0;
        long number = 0;
        for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
            number++;
            boolean match = multilineMatches != null ? multilineMatches.get((int) Math.min(number, Integer.MAX_VALUE))
                    : options.pattern().matcher(line.text()).find();
            if (match) {
                count++;
                if (out == null) {
                    if (firstOnly) {
                        return count;
                    }
                    continue;
                }
                for (Numbered earlier : before) {
                    print(earlier, false);
                }
                before.clear();
                if (!print(new Numbered(number, line.text()), true)) {
                    return count;
                }
                afterLeft = options.after();
            } else if (out != null && afterLeft > 0) {
                afterLeft--;
                if (!print(new Numbered(number, line.text()), false)) {
                    return count;
                }
            } else if (options.before() > 0) {
                before.addLast(new Numbered(number, line.text()));
                if (before.size() > options.before()) {
                    before.removeFirst();
                }
            }
        }
        return count;
    }

    private boolean print(Numbered line, boolean match) {
        boolean withContext = options.before() > 0 || options.after() > 0;
        if (withContext && lastPrinted > 0 && line.number() > lastPrinted + 1 && !out.add("--")) {
            return false;
        }
        lastPrinted = line.number();
        String text = line.text().length() <= SHOWN_LINE_CHARS ? line.text()
                : line.text().substring(0, SHOWN_LINE_CHARS) + " … [line cut]";
        char separator = match ? ':' : '-';
        String number = options.lineNumbers() ? line.number() + String.valueOf(separator) : "";
        return out.add(relative + separator + number + text);
    }

    // Line numbers (1-based) that any part of a match touches.
    private BitSet matchedLines(String text) {
        BitSet lines = new BitSet();
        Matcher matcher = options.pattern().matcher(text);
        int line = 1;
        int scanned = 0;
        while (matcher.find()) {
            line += newlines(text, scanned, matcher.start());
            int last = line + newlines(text, matcher.start(), Math.max(matcher.start(), matcher.end() - 1));
            lines.set(line, last + 1);
            line = last;
            scanned = Math.max(matcher.start(), matcher.end() - 1);
        }
        return lines;
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = reader.read(buffer); n > 0; n = reader.read(buffer)) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }
}
