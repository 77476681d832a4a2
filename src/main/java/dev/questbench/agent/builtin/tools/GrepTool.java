package dev.questbench.agent.builtin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code Grep}: searches file contents with a regular expression, skipping ignored and binary files. */
public final class GrepTool implements Tool {
    private static final List<String> MODES = List.of("files_with_matches", "content", "count");

    private static final ObjectNode SCHEMA = InputSchema.object()
            .required("pattern", "string", "The regular expression (Java syntax) to search for.")
            .optional("path", "string", "A folder or file to search (default: the workspace root).")
            .optional("glob", "string", "Only files whose names match this glob, e.g. '*.java' or '**/*.{ts,tsx}'.")
            .optional("type", "string", "Only files of this type: " + String.join(", ", FileTypes.names()) + ".")
            .optionalChoice("output_mode", MODES,
                    "files_with_matches (default): matching file paths; content: matching lines; count: per file.")
            .optional("-A", "integer", "Lines of context after each match (content mode).")
            .optional("-B", "integer", "Lines of context before each match (content mode).")
            .optional("-C", "integer", "Lines of context before and after each match (content mode).")
            .optional("-i", "boolean", "Ignore case.")
            .optional("-n", "boolean", "Show line numbers in content mode (default true).")
            .optional("head_limit", "integer", "Return at most this many lines or entries.")
            .optional("offset", "integer", "Skip this many lines or entries first (to page through results).")
            .optional("multiline", "boolean", "Let the pattern span lines ('.' matches newlines too).")
            .build();

    @Override
    public String name() {
        return "Grep";
    }

    @Override
    public String description() {
        return """
                Searches file contents with a regular expression (Java regex syntax, like ripgrep: escape \
                literal ( [ { . with a backslash). output_mode files_with_matches (default) lists matching files, \
                most recently modified first; content shows matching lines as path:line:text, with optional \
                context (-A, -B, -C); count gives matches per file. Narrow the search with path, glob \
                ('*.java', '**/*.{ts,tsx}') or type ('java', 'py', 'ts'...). Files ignored by .gitignore and \
                binary files are skipped. Use multiline for patterns that span lines. Prefer this to running \
                grep or rg through Bash.""";
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
        GrepRequest request = GrepRequest.parse(new ToolInput(input));
        Path base = SearchBase.existing(context.workspace(), request.path());
        List<WorkspaceFiles.Found> files = candidates(context, base, request);
        ResultLines out = new ResultLines(request.offset(), request.headLimit(), context.limits().outputMaxChars());
        return switch (request.mode()) {
            case "content" -> content(files, request, out, context);
            case "count" -> count(files, request, out, context);
            default -> filesWithMatches(files, request, out, context);
        };
    }

    private static ToolOutput content(List<WorkspaceFiles.Found> files, GrepRequest request, ResultLines out,
                                      ToolContext context) throws ToolException {
        FileSearch.Options options = new FileSearch.Options(request.regex(), request.multiline(), request.before(),
                request.after(), request.lineNumbers());
        long matches = 0;
        for (WorkspaceFiles.Found file : files) {
            checkCancel(context);
            long found = search(file, options, out, false);
            matches += Math.max(0, found);
            if (out.truncated()) {
                break;
            }
        }
        if (out.isEmpty()) {
            return ToolOutput.ok(noMatches(request));
        }
        return ToolOutput.ok(out.text() + (out.truncated() ? "\n\n(Output truncated after " + out.kept()
                + " lines; narrow the search with path, glob or a more specific pattern, or page with offset.)" : ""));
    }

    private static ToolOutput count(List<WorkspaceFiles.Found> files, GrepRequest request, ResultLines out,
                                    ToolContext context) throws ToolException {
        FileSearch.Options options = new FileSearch.Options(request.regex(), request.multiline(), 0, 0, false);
        long total = 0;
        long matchingFiles = 0;
        for (WorkspaceFiles.Found file : files) {
            checkCancel(context);
            long found = search(file, options, null, false);
            if (found > 0) {
                total += found;
                matchingFiles++;
                out.add(file.relative() + ":" + found);
            }
        }
        if (matchingFiles == 0) {
            return ToolOutput.ok(noMatches(request));
        }
        String summary = "Total: " + total + (total == 1 ? " matching line in " : " matching lines in ")
                + matchingFiles + (matchingFiles == 1 ? " file" : " files");
        return ToolOutput.ok(out.text() + "\n\n" + summary
                + (out.truncated() ? " (list truncated; narrow the search or page with offset)." : "."));
    }

    private static ToolOutput filesWithMatches(List<WorkspaceFiles.Found> files, GrepRequest request,
                                               ResultLines out, ToolContext context) throws ToolException {
        FileSearch.Options options = new FileSearch.Options(request.regex(), request.multiline(), 0, 0, false);
        List<WorkspaceFiles.Found> matching = new ArrayList<>();
        for (WorkspaceFiles.Found file : files) {
            checkCancel(context);
            if (search(file, options, null, true) > 0) {
                matching.add(file);
            }
        }
        if (matching.isEmpty()) {
            return ToolOutput.ok(noMatches(request));
        }
        matching.sort(Comparator.comparingLong(WorkspaceFiles.Found::modified).reversed()
                .thenComparing(WorkspaceFiles.Found::relative));
        for (WorkspaceFiles.Found file : matching) {
            if (!out.add(file.relative())) {
                break;
            }
        }
        String header = "Found " + matching.size() + (matching.size() == 1 ? " file" : " files") + "\n";
        return ToolOutput.ok(header + out.text() + (out.truncated() ? "\n\n(Showing " + out.kept() + " of "
                + matching.size() + " files; narrow the search or page with offset.)" : ""));
    }

    private static List<WorkspaceFiles.Found> candidates(ToolContext context, Path base, GrepRequest request)
            throws ToolException {
        if (Files.isRegularFile(base)) { // an explicit file is searched even if ignored
            String relative = WorkspacePaths.relative(context.workspace(), base);
            return List.of(new WorkspaceFiles.Found(base, relative, 0));
        }
        Pattern glob = request.glob() == null ? null : GlobPattern.compile(request.glob());
        boolean globOnName = request.glob() != null && !request.glob().contains("/");
        List<WorkspaceFiles.Found> selected = new ArrayList<>();
        for (WorkspaceFiles.Found file : WorkspaceFiles.list(context.workspace(), base, context.cancel())) {
            String name = file.path().getFileName().toString();
            String underBase = base.relativize(file.path()).toString().replace('\\', '/');
            boolean globOk = glob == null || glob.matcher(globOnName ? name : underBase).matches();
            boolean typeOk = request.typeEndings() == null || FileTypes.matches(request.typeEndings(), name);
            if (globOk && typeOk) {
                selected.add(file);
            }
        }
        return selected;
    }

    private static long search(WorkspaceFiles.Found file, FileSearch.Options options, ResultLines out,
                               boolean firstOnly) {
        try {
            return FileSearch.search(file.path(), file.relative(), options, out, firstOnly);
        } catch (IOException e) {
            return FileSearch.SKIPPED; // unreadable or vanished meanwhile: skipped like a binary file
        }
    }

    private static void checkCancel(ToolContext context) throws ToolException {
        if (context.cancel().isCancelled()) {
            throw new ToolException("Stopped by the user.");
        }
    }

    private static String noMatches(GrepRequest request) {
        return "No matches for '" + request.regex().pattern() + "' in " + request.path() + ".";
    }

    /** Parses the regex, failing with the position of the problem. */
    static Pattern compile(String pattern, boolean ignoreCase, boolean multiline) throws ToolException {
        int flags = (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                | (multiline ? Pattern.DOTALL | Pattern.MULTILINE : 0);
        try {
            return Pattern.compile(pattern, flags);
        } catch (PatternSyntaxException e) {
            throw new ToolException("Invalid regular expression '" + pattern + "': " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + ". Grep uses Java regex syntax; "
                    + "escape literal characters such as ( [ { . * + ? with a backslash.", e);
        }
    }
}
