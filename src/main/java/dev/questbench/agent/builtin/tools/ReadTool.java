package dev.questbench.agent.builtin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code Read}: a text file, or a range of its lines, numbered like {@code cat -n}. */
public final class ReadTool implements Tool {
    static final int DEFAULT_LINES = 2000;
    static final int MAX_LINE_CHARS = 2000;

    private static final ObjectNode SCHEMA = InputSchema.object()
            .required("file_path", "string", "The file to read: relative to the workspace, or absolute inside it.")
            .optional("offset", "integer", "The line number to start from (1-based). Use it for large files.")
            .optional("limit", "integer", "How many lines to read (default " + DEFAULT_LINES + ").")
            .build();

    @Override
    public String name() {
        return "Read";
    }

    @Override
    public String description() {
        return """
                Reads a text file from the workspace and returns its lines numbered like `cat -n` \
                (line number, a tab, then the line). Reads up to %d lines from the start by default; pass offset \
                and limit to read a part of a long file. Lines longer than %d characters are cut. Binary files \
                and images are described rather than shown. Use Glob to list folders and Grep to search contents; \
                read a file before you Edit it.""".formatted(DEFAULT_LINES, MAX_LINE_CHARS);
    }

    @Override
    public ObjectNode inputSchema() {
        return SCHEMA.deepCopy();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolOutput run(JsonNode input, ToolContext context) throws ToolException {
        ToolInput in = new ToolInput(input);
        String filePath = in.requiredString("file_path");
        Long offset = in.integerAtLeast("offset", 0).orElse(null);
        Long limit = in.integerAtLeast("limit", 1).orElse(null);
        Path file = WorkspacePaths.resolve(context.workspace(), filePath);
        String relative = WorkspacePaths.relative(context.workspace(), file);
        if (Files.isDirectory(file)) {
            throw new ToolException(relative + " is a folder, not a file; use Glob (for example pattern '"
                    + (relative.equals(".") ? "" : relative + "/") + "*') to list what it holds.");
        }
        if (!Files.exists(file)) {
            throw MissingFile.error(context.workspace(), file);
        }
        try {
            LineRange range = new LineRange(offset == null || offset == 0 ? 1 : offset,
                    limit == null ? DEFAULT_LINES : limit, offset != null || limit != null);
            return read(file, relative, Files.size(file), range, context.limits());
        } catch (IOException e) {
            throw new ToolException("Cannot read " + relative + ": " + e.getMessage() + ".", e);
        }
    }

    private record LineRange(long first, long count, boolean asked) {
    }

    private static ToolOutput read(Path file, String relative, long size, LineRange range, ToolLimits limits)
            throws IOException, ToolException {
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] head = stream.readNBytes(FileKind.SNIFF_BYTES);
            FileKind kind = FileKind.sniff(head, head.length, file.getFileName().toString());
            if (kind.image()) {
                return ToolOutput.ok(relative + " is an image (" + kind.description() + ", " + Sizes.bytes(size)
                        + "). Read returns text only, so its pixels are not shown.");
            }
            if (kind.binary()) {
                return ToolOutput.ok(relative + " is a binary file (" + kind.description() + ", " + Sizes.bytes(size)
                        + "); Read returns text only. Use Bash with a suitable tool (unzip -l, file, xxd | head) "
                        + "if you need to look inside.");
            }
            if (size > limits.readMaxBytes() && !range.asked()) {
                throw new ToolException(relative + " is " + Sizes.readable(size) + ", more than Read returns at once ("
                        + Sizes.readable(limits.readMaxBytes()) + "). Pass offset and limit to read a range of lines "
                        + "(for example offset=1, limit=500), or use Grep to find the lines you need.");
            }
            if (size == 0) {
                return ToolOutput.ok("(" + relative + " is empty)");
            }
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), stream);
            BoundedLines lines = new BoundedLines(new InputStreamReader(whole, decoder), MAX_LINE_CHARS);
            return numbered(lines, relative, size <= limits.readMaxBytes(), range, limits.outputMaxChars());
        }
    }

    private static ToolOutput numbered(BoundedLines lines, String relative, boolean countAll, LineRange range,
                                       int maxChars) throws IOException {
        long skipped = lines.skip(range.first() - 1);
        if (skipped < range.first() - 1) {
            return ToolOutput.ok(relative + " has only " + skipped + " lines; offset " + range.first()
                    + " is past the end.");
        }
        StringBuilder out = new StringBuilder();
        long number = range.first();
        long shown = 0;
        BoundedLines.Line line = null;
        while (shown < range.count() && (line = lines.next()) != null) {
            String text = line.droppedChars() == 0 ? line.text()
                    : line.text() + " … [line cut: " + line.droppedChars() + " more characters]";
            String row = String.format(Locale.ROOT, "%6d\t", number) + text + "\n";
            if (shown > 0 && out.length() + row.length() > maxChars) {
                out.append("\n(Output stopped after line ").append(number - 1).append(" to stay under ")
                        .append(maxChars).append(" characters. Continue with offset=").append(number).append(".)");
                return ToolOutput.ok(out.toString());
            }
            out.append(row);
            number++;
            shown++;
        }
        long last = number - 1;
        if (line != null && shown == range.count()) { // the limit was reached: say whether more lines follow
            long more = countAll ? lines.skip(Long.MAX_VALUE) : lines.skip(1);
            if (more > 0) {
                out.append("\n(Showing lines ").append(range.first()).append('-').append(last)
                        .append(countAll ? " of " + (last + more) : "; more lines follow")
                        .append(". Continue with offset=").append(last + 1).append(".)");
            }
        }
        return ToolOutput.ok(out.toString());
    }
}
