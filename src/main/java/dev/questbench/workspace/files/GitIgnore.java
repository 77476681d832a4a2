package dev.questbench.workspace.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The ignore rules in force inside one folder: that folder's {@code .gitignore} on top of its parents'. Supports
 * comments, escapes, negation ({@code !}), folder-only rules ({@code foo/}), anchored rules ({@code /x},
 * {@code a/b}) and {@code **}. Known limit: the user's global excludes file is not read.
 */
public final class GitIgnore {
    private static final GitIgnore NONE = new GitIgnore(null, "", List.of());

    private final GitIgnore parent;
    private final String folder;
    private final List<Rule> rules;

    private GitIgnore(GitIgnore parent, String folder, List<Rule> rules) {
        this.parent = parent;
        this.folder = folder;
        this.rules = rules;
    }

    /** No rules at all. */
    public static GitIgnore none() {
        return NONE;
    }

    /**
     * These rules plus the lines of a {@code .gitignore} in {@code folder} (workspace-relative, {@code ""} for the
     * root); the new lines win over the inherited ones.
     */
    public GitIgnore with(String folder, List<String> lines) {
        List<Rule> parsed = new ArrayList<>();
        for (String line : lines) {
            Rule rule = Rule.parse(line);
            if (rule != null) {
                parsed.add(rule);
            }
        }
        return parsed.isEmpty() ? this : new GitIgnore(this, folder, List.copyOf(parsed));
    }

    /** These rules plus the ignore file at {@code file}, if it exists and can be read. */
    public GitIgnore withFile(String folder, Path file) {
        if (!Files.isRegularFile(file)) {
            return this;
        }
        try {
            return with(folder, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return this; // an unreadable or non-UTF-8 ignore file ignores nothing, as if it were absent
        }
    }

    /** True when the workspace-relative path is ignored; parent folders are expected to be checked first. */
    public boolean ignored(String path, boolean directory) {
        for (GitIgnore level = this; level != null; level = level.parent) {
            String local = level.localPath(path);
            if (local == null) {
                continue;
            }
            for (int i = level.rules.size() - 1; i >= 0; i--) { // the last matching line wins
                Rule rule = level.rules.get(i);
                if (rule.matches(local, directory)) {
                    return !rule.negated();
                }
            }
        }
        return false;
    }

    private String localPath(String path) {
        if (folder.isEmpty()) {
            return path;
        }
        return path.startsWith(folder + "/") ? path.substring(folder.length() + 1) : null;
    }

    private record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {
        static Rule parse(String line) {
            String text = trimTrailingSpaces(line);
            if (text.isEmpty() || text.startsWith("#")) {
                return null;
            }
            boolean negated = text.startsWith("!");
            if (negated) {
                text = text.substring(1);
            } else if (text.startsWith("\\!") || text.startsWith("\\#")) {
                text = text.substring(1);
            }
            boolean directoryOnly = text.endsWith("/") && !text.endsWith("\\/");
            if (directoryOnly) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty()) {
                return null;
            }
            // A slash at the start or in the middle ties the rule to this folder; otherwise it matches at any depth.
            boolean anchored = text.contains("/");
            if (text.startsWith("/")) {
                text = text.substring(1);
            }
            String regex = GlobRegex.toRegex(text, false);
            if (!anchored && !text.startsWith("**")) {
                regex = "(?:.*/)?" + regex;
            }
            try {
                return new Rule(Pattern.compile(regex), negated, directoryOnly);
            } catch (PatternSyntaxException e) {
                return null; // git skips a line it cannot parse, too
            }
        }

        boolean matches(String path, boolean directory) {
            return (directory || !directoryOnly) && pattern.matcher(path).matches();
        }

        private static String trimTrailingSpaces(String line) {
            String raw = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            int end = raw.length();
            while (end > 0 && raw.charAt(end - 1) == ' ' && !(end > 1 && raw.charAt(end - 2) == '\\')) {
                end--;
            }
            return raw.substring(0, end);
        }
    }
}
