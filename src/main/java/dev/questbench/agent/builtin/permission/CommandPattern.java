package dev.questbench.agent.builtin.permission;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command part of a {@code Bash(...)} rule: exact ({@code npm run build}), prefix ({@code npm run test:*}
 * matches {@code npm run test} and {@code npm run test --watch}) or glob ({@code git log *}).
 */
final class CommandPattern {
    /** How deep {@code bash -c} and {@code $(…)} bodies are followed. */
    private static final int MAX_DEPTH = 4;

    private final String exact;
    private final String prefix;
    private final Pattern glob;

    private CommandPattern(String exact, String prefix, Pattern glob) {
        this.exact = exact;
        this.prefix = prefix;
        this.glob = glob;
    }

    static CommandPattern of(String spec) {
        String s = ShellCommand.collapse(spec);
        if (s.endsWith(":*")) {
            return new CommandPattern(null, s.substring(0, s.length() - 2).strip(), null);
        }
        if (Globs.hasWildcard(s)) {
            return new CommandPattern(null, null, Globs.text(s));
        }
        return new CommandPattern(s.replace("\\*", "*"), null, null);
    }

    /** True when one simple command (or a whole command line, for exact rules) matches. */
    boolean matches(String text) {
        String t = ShellCommand.collapse(text);
        if (exact != null) {
            return t.equals(exact);
        }
        if (prefix != null) {
            return t.equals(prefix) || t.startsWith(prefix + " ");
        }
        return glob.matcher(t).matches();
    }

    boolean isExact() {
        return exact != null;
    }

    /**
     * For deny and ask rules: true when any simple command matches, as written or with its env prefix and
     * wrappers taken off, including the scripts inside {@code bash -c} and {@code $(…)}.
     */
    boolean matchesAnyPart(String command) {
        for (String candidate : deepTexts(command, 0)) {
            if (matches(candidate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For allow rules: true when the whole line matches an exact rule, or every simple command in it (and in its
     * {@code $(…)} bodies) matches.
     */
    boolean matchesEveryPart(String command) {
        if (exact != null && matches(command)) {
            return true;
        }
        List<String> units = allowUnits(command);
        return !units.isEmpty() && units.stream().allMatch(this::matches);
    }

    /** The simple commands an allow decision must cover: each segment as written, and each {@code $(…)} body's. */
    static List<String> allowUnits(String command) {
        List<String> out = new ArrayList<>();
        collectUnits(command, 0, out);
        return out;
    }

    private static void collectUnits(String command, int depth, List<String> out) {
        for (ShellCommand.Segment segment : ShellCommand.parse(command)) {
            if (!segment.control()) {
                out.add(segment.text());
            }
            for (String body : segment.substitutions()) {
                if (depth >= MAX_DEPTH) {
                    out.add(body); // too deep to read: it must match on its own
                } else {
                    collectUnits(body, depth + 1, out);
                }
            }
        }
    }

    /** Every way a deny or ask rule may see a simple command in the line. */
    static List<String> deepTexts(String command, int depth) {
        List<String> out = new ArrayList<>();
        if (depth > MAX_DEPTH) {
            return out;
        }
        for (ShellCommand.Segment segment : ShellCommand.parse(command)) {
            out.add(segment.text());
            for (List<String> view : ShellWrappers.views(segment.words())) {
                out.add(String.join(" ", view));
                ShellWrappers.innerScript(view).ifPresent(script -> out.addAll(deepTexts(script, depth + 1)));
            }
            for (String body : segment.substitutions()) {
                out.addAll(deepTexts(body, depth + 1));
            }
        }
        return out;
    }
}
