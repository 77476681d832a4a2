package dev.questbench.agent.builtin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code Edit}: replaces an exact piece of text in a file, keeping the file's line endings. */
public final class EditTool implements Tool {
    /** Larger files are left to Bash tools; Edit holds the file in memory twice. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private static final ObjectNode SCHEMA = InputSchema.object()
            .required("file_path", "string", "The file to change: relative to the workspace, or absolute inside it.")
            .required("old_string", "string", "The exact text to replace, including whitespace and indentation.")
            .required("new_string", "string", "The text to put in its place (must differ from old_string).")
            .optional("replace_all", "boolean", "Replace every occurrence instead of exactly one (default false).")
            .build();

    @Override
    public String name() {
        return "Edit";
    }

    @Override
    public String description() {
        return """
                Replaces exact text in a file. old_string must match the file character for character \
                (indentation included; leave out the line-number prefix Read shows) and must occur exactly once, \
                unless replace_all is true; add surrounding lines to make it unique. Read the file first. An \
                empty old_string creates a new file with new_string as its content. The file's line endings \
                (LF or CRLF) are kept. The result shows a small diff of the change.""";
    }

    @Override
    public ObjectNode inputSchema() {
        return SCHEMA.deepCopy();
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public ToolOutput run(JsonNode input, ToolContext context) throws ToolException {
        ToolInput in = new ToolInput(input);
        String filePath = in.requiredString("file_path");
        String oldString = in.requiredString("old_string");
        String newString = in.requiredString("new_string");
        boolean replaceAll = in.flag("replace_all", false);
        if (oldString.equals(newString)) {
            throw new ToolException("old_string and new_string are the same, so there is nothing to change.");
        }
        Path file = WorkspacePaths.resolve(context.workspace(), filePath);
        String relative = WorkspacePaths.relative(context.workspace(), file);
        if (Files.isDirectory(file)) {
            throw new ToolException(relative + " is a folder, not a file.");
        }
        if (!Files.exists(file)) {
            if (oldString.isEmpty()) {
                return create(file, relative, newString);
            }
            throw MissingFile.error(context.workspace(), file);
        }
        String content = readText(file, relative);
        if (oldString.isEmpty()) {
            if (!content.isEmpty()) {
                throw new ToolException("old_string is empty, but " + relative + " already has content; give the "
                        + "exact text to replace (Read the file first), or use Write to replace the whole file.");
            }
            return create(file, relative, newString);
        }
        Replacement matched = matchLineEndings(content, oldString, newString);
        List<Integer> offsets = occurrences(content, matched.target());
        if (offsets.isEmpty()) {
            throw new ToolException("old_string not found in " + relative + "; Read the file to see its current "
                    + "content (whitespace and indentation must match exactly).");
        }
        if (offsets.size() > 1 && !replaceAll) {
            throw new ToolException("old_string occurs " + offsets.size() + " times in " + relative + "; include "
                    + "more surrounding lines to make it unique, or set replace_all to true to change every "
                    + "occurrence.");
        }
        String updated = replace(content, offsets, matched.target().length(), matched.text());
        write(file, relative, updated);
        String diff = EditDiff.unified(relative, content, updated, offsets, matched.target().length(),
                matched.text().length());
        String count = offsets.size() == 1 ? "1 occurrence" : offsets.size() + " occurrences";
        return ToolOutput.changed("Edited " + relative + ": replaced " + count + ".\n\n" + diff, relative);
    }

    private static ToolOutput create(Path file, String relative, String content) throws ToolException {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new ToolException("Cannot create the folder for " + relative + ": " + e.getMessage() + ".", e);
        }
        write(file, relative, content);
        String diff = EditDiff.unified(relative, "", content, List.of(0), 0, content.length());
        return ToolOutput.changed("Created " + relative + ".\n\n" + diff, relative);
    }

    /** The text to look for and the text to put there, as they will be used on the file. */
    record Replacement(String target, String text) {
    }

    /**
     * old_string and new_string adapted to the file: a CRLF file gets CRLF in both when the model sent LF, and an
     * LF file gets LF when the model sent CRLF.
     */
    static Replacement matchLineEndings(String content, String oldString, String newString) {
        if (content.contains("\r\n")) {
            String crlfOld = toCrlf(oldString);
            return new Replacement(content.contains(crlfOld) ? crlfOld : oldString, toCrlf(newString));
        }
        if (oldString.contains("\r\n") && !content.contains(oldString)) {
            return new Replacement(oldString.replace("\r\n", "\n"), newString.replace("\r\n", "\n"));
        }
        return new Replacement(oldString, newString);
    }

    private static String toCrlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static List<Integer> occurrences(String content, String needle) {
        List<Integer> offsets = new ArrayList<>();
        for (int at = content.indexOf(needle); at >= 0; at = content.indexOf(needle, at + needle.length())) {
            offsets.add(at);
        }
        return offsets;
    }

    private static String replace(String content, List<Integer> offsets, int oldLength, String replacement) {
        StringBuilder out = new StringBuilder(content.length() + offsets.size() * (replacement.length() - oldLength));
        int from = 0;
        for (int offset : offsets) {
            out.append(content, from, offset).append(replacement);
            from = offset + oldLength;
        }
        return out.append(content, from, content.length()).toString();
    }

    private static String readText(Path file, String relative) throws ToolException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ToolException(relative + " is " + Sizes.readable(size) + ", too large for Edit; use Bash "
                        + "(for example sed -i) to change it.");
            }
            byte[] bytes = Files.readAllBytes(file);
            FileKind kind = FileKind.sniff(bytes, Math.min(bytes.length, FileKind.SNIFF_BYTES),
                    file.getFileName().toString());
            if (kind.binary()) {
                throw new ToolException(relative + " is a binary file (" + kind.description() + "); Edit changes "
                        + "text files only.");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ToolException(relative + " is not valid UTF-8 text, and Edit would damage it; use Bash "
                    + "(for example sed) for files in other encodings.", e);
        } catch (IOException e) {
            throw new ToolException("Cannot read " + relative + ": " + e.getMessage() + ".", e);
        }
    }

    private static void write(Path file, String relative, String content) throws ToolException {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("Cannot write " + relative + ": " + e.getMessage()
                    + ". Check that the file is writable.", e);
        }
    }
}
