package dev.questbench.workspace.files;

/**
 * Glob patterns as regular expressions over {@code /}-separated relative paths: {@code *} and {@code ?} stay
 * inside one folder, {@code **} spans folders, {@code [abc]} and (for file globs) {@code {a,b}} work.
 */
public final class GlobRegex {
    private GlobRegex() {
    }

    /**
     * The regex for a glob. With {@code braces} off (gitignore), braces are literal and a trailing
     * {@code /**} needs something inside the folder.
     */
    public static String toRegex(String glob, boolean braces) {
        StringBuilder regex = new StringBuilder();
        int braceDepth = 0;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && glob.startsWith("**", i)) {
                boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
                boolean segmentEnd = i + 2 == glob.length() || glob.charAt(i + 2) == '/';
                if (segmentStart && segmentEnd) {
                    if (i + 2 == glob.length()) { // trailing: everything below
                        if (i > 0 && !braces) {
                            regex.append(".+");
                        } else if (regex.length() > 0 && regex.charAt(regex.length() - 1) == '/') {
                            regex.setLength(regex.length() - 1); // the '/' before, so the folder itself matches
                            regex.append("(?:/.*)?");
                        } else {
                            regex.append(".*");
                        }
                        i += 2;
                    } else { // "**/": zero or more folders
                        regex.append("(?:.*/)?");
                        i += 3;
                    }
                    continue;
                }
                regex.append("[^/]*");
                i += 2;
                continue;
            }
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int end = classEnd(glob, i);
                    if (end < 0) {
                        regex.append("\\[");
                    } else {
                        regex.append(characterClass(glob.substring(i + 1, end)));
                        i = end;
                    }
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        literal(regex, glob.charAt(++i));
                    } else {
                        regex.append("\\\\");
                    }
                }
                case '{' -> {
                    if (braces) {
                        braceDepth++;
                        regex.append("(?:");
                    } else {
                        regex.append("\\{");
                    }
                }
                case '}' -> {
                    if (braces && braceDepth > 0) {
                        braceDepth--;
                        regex.append(')');
                    } else {
                        regex.append("\\}");
                    }
                }
                case ',' -> regex.append(braces && braceDepth > 0 ? "|" : ",");
                default -> literal(regex, c);
            }
            i++;
        }
        while (braceDepth-- > 0) {
            regex.append(')');
        }
        return regex.toString();
    }

    private static void literal(StringBuilder regex, char c) {
        if (!Character.isLetterOrDigit(c) && c != '/') {
            regex.append('\\'); // a backslash before a non-letter is always a literal in java.util.regex
        }
        regex.append(c);
    }

    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++; // a leading ']' is a member
        }
        return glob.indexOf(']', i);
    }

    private static String characterClass(String body) {
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
            out.append('^');
            i = 1;
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' || c == '[' || c == ']' || c == '&' || c == '^') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append(']').toString();
    }
}
