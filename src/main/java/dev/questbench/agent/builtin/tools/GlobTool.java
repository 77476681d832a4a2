package dev.questbench.agent.builtin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** {@code Glob}: finds files by name pattern, newest first, the way git sees the tree. */
public final class GlobTool implements Tool {
    static final int MAX_RESULTS = 1000;

    private static final ObjectNode SCHEMA = InputSchema.object()
            .required("pattern", "string", "The glob to match, e.g. '**/*.java', 'src/**/*.{ts,tsx}', '*.md'.")
            .optional("path", "string", "The folder to search in (default: the workspace root).")
            .build();

    @Override
    public String name() {
        return "Glob";
    }

    @Override
    public String description() {
        return """
                Finds files whose paths match a glob pattern, relative to the searched folder: '*' and '?' \
                stay within one folder, '**' spans any number of folders, '{a,b}' gives alternatives. So \
                '*.md' matches only at the top of the folder and '**/*.md' matches at any depth. Returns \
                workspace-relative paths, most recently modified first (at most %d). Files ignored by \
                .gitignore and the .git folder are skipped. Use Grep to search inside files.""".formatted(MAX_RESULTS);
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
        String glob = in.requiredString("pattern").trim();
        if (glob.isEmpty()) {
            throw new ToolException("Parameter 'pattern' is empty; give a glob such as '**/*.java'.");
        }
        Path base = SearchBase.folder(context.workspace(), in.string("path").orElse("."));
        String baseName = WorkspacePaths.relative(context.workspace(), base);
        glob = relativeGlob(glob, base);
        Pattern pattern = GlobPattern.compile(glob);
        List<WorkspaceFiles.Found> matches = new ArrayList<>();
        for (WorkspaceFiles.Found file : WorkspaceFiles.list(context.workspace(), base, context.cancel())) {
            String underBase = base.relativize(file.path()).toString().replace('\\', '/');
            if (pattern.matcher(underBase).matches()) {
                matches.add(file);
            }
        }
        if (matches.isEmpty()) {
            return ToolOutput.ok("No files match '" + glob + "' in " + baseName + ".");
        }
        matches.sort(Comparator.comparingLong(WorkspaceFiles.Found::modified).reversed()
                .thenComparing(WorkspaceFiles.Found::relative));
        StringBuilder out = new StringBuilder();
        int shown = Math.min(matches.size(), MAX_RESULTS);
        for (int i = 0; i < shown; i++) {
            out.append(matches.get(i).relative()).append('\n');
        }
        if (matches.size() > shown) {
            out.append("\n(Showing the ").append(shown).append(" most recently modified of ").append(matches.size())
                    .append(" matches; narrow the pattern or the path.)");
        }
        return ToolOutput.ok(out.toString().stripTrailing());
    }

    // An absolute glob under the search folder, or one starting with "./", becomes relative to the folder.
    private static String relativeGlob(String glob, Path base) {
        String prefix = base.toString().replace('\\', '/') + "/";
        String relative = glob.startsWith(prefix) ? glob.substring(prefix.length()) : glob;
        return relative.startsWith("./") ? relative.substring(2) : relative;
    }
}
