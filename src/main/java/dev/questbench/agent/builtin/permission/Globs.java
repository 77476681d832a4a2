package dev.questbench.agent.builtin.permission;

import java.util.regex.Pattern;

/** Turns the two kinds of glob in permission rules into regular expressions. */
final class Globs {
    private static final String META = "\\.[]{}()<>*+-=!?^$|";

    private Globs() {
    }

    /**
     * A gitignore-style path glob: {@code **} crosses folders ({@code a/**} also matches {@code a} itself),
     * {@code *} and {@code ?} stay inside one name, {@code [abc]} is a class, a backslash escapes.
     */
    static Pattern path(String glob) {
        String body = glob;
        String suffix = "";
        if (body.endsWith("/**")) {
            body = body.substring(0, body.length() - 3);
            suffix = "(?:/.*)?";
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '*') {
                int stars = 1;
                while (i + 1 < body.length() && body.charAt(i + 1) == '*') {
                    i++;
                    stars++;
                }
                if (stars == 1) {
                    re.append("[^/]*");
                } else if (i + 1 < body.length() && body.charAt(i + 1) == '/') {
                    re.append("(?:.*/)?");
                    i++;
                } else {
                    re.append(".*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = body.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String cls = body.substring(i + 1, close).replace("\\", "\\\\");
                    if (cls.startsWith("!")) {
                        cls = "^" + cls.substring(1);
                    }
                    re.append('[').append(cls).append(']');
                    i = close;
                }
            } else if (c == '\\' && i + 1 < body.length()) {
                literal(re, body.charAt(++i));
            } else {
                literal(re, c);
            }
        }
        return Pattern.compile(re + suffix);
    }

    /**
     * A command or URL glob: only {@code *} is special (anything, spaces included) and {@code \*} is a literal
     * star; a trailing {@code " *"} also matches nothing, so {@code git log *} matches {@code git log}.
     */
    static Pattern text(String glob) {
        String body = glob;
        String suffix = "";
        if (body.endsWith(" *") && !body.endsWith("\\ *")) {
            body = body.substring(0, body.length() - 2);
            suffix = "(?: .*)?";
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '*') {
                re.append("\\*");
                i++;
            } else if (c == '*') {
                re.append(".*");
            } else {
                literal(re, c);
            }
        }
        return Pattern.compile(re + suffix, Pattern.DOTALL);
    }

    /** True when the text has a {@code *} that is not escaped. */
    static boolean hasWildcard(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*') {
                return true;
            }
        }
        return false;
    }

    private static void literal(StringBuilder re, char c) {
        if (META.indexOf(c) >= 0) {
            re.append('\\');
        }
        re.append(c);
    }
}
