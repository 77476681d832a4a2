package dev.questbench.agent.builtin.tools;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The error for a path that does not exist, naming similar files in the same folder when there are some. */
final class MissingFile {
    private static final int MAX_SUGGESTIONS = 5;

    private MissingFile() {
    }

    static ToolException error(Path workspace, Path file) {
        String relative = WorkspacePaths.relative(workspace, file);
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            Path existing = folder;
            while (existing != null && !Files.isDirectory(existing)) {
                existing = existing.getParent();
            }
            String known = existing == null ? "the workspace"
                    : "'" + WorkspacePaths.relative(workspace, existing) + "'";
            return new ToolException("File does not exist: " + relative + " (its folder is missing too; the closest "
                    + "existing folder is " + known + "). Use Glob to find the file by name.");
        }
        List<String> similar = similarNames(folder, file.getFileName().toString());
        if (similar.isEmpty()) {
            return new ToolException("File does not exist: " + relative + ". Use Glob to find the file by name.");
        }
        List<String> shown = new ArrayList<>();
        for (String name : similar) {
            shown.add(WorkspacePaths.relative(workspace, folder.resolve(name)));
        }
        return new ToolException("File does not exist: " + relative + ". Did you mean " + String.join(", ", shown)
                + "?");
    }

    private static List<String> similarNames(Path folder, String wanted) {
        String target = wanted.toLowerCase(Locale.ROOT);
        String targetStem = stem(target);
        List<String> similar = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                boolean close = lower.equals(target) || stem(lower).equals(targetStem)
                        || distance(lower, target) <= Math.max(1, target.length() / 4);
                if (close) {
                    similar.add(name);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        similar.sort(null);
        return similar.size() > MAX_SUGGESTIONS ? similar.subList(0, MAX_SUGGESTIONS) : similar;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    // Levenshtein distance; names are short, so the plain two-row version is plenty.
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
