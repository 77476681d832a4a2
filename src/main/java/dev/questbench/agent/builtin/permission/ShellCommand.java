package dev.questbench.agent.builtin.permission;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell command line split into simple commands the way permission rules and the risk check read it: at
 * {@code && || ; | &} and newlines outside quotes, with quotes removed from words, redirections set apart,
 * {@code $(…)}, backquote and {@code <(…)} bodies kept for a second look, and here-document bodies skipped.
 * Known limit: it reads shell text, it does not run a shell (aliases, functions and variables are not expanded).
 */
final class ShellCommand {
    /** Words that open or close compound commands; dropped from the front of a segment. */
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{", "}");
    /** Segments that only hold shell syntax, no command. */
    private static final Set<String> CONTROL = Set.of("fi", "done", "esac", "for", "case", "select", "function", "in", "}");
    private static final Pattern REDIRECT = Pattern.compile("^(\\d*|&)(>>|>\\||>&|>|<<<|<<-|<<|<>|<&|<)(.*)$", Pattern.DOTALL);

    /**
     * One simple command.
     *
     * @param text          the command as written, whitespace between words collapsed (redirections included)
     * @param words         the words with quotes removed, without redirections and leading keywords
     * @param redirects     the redirections ({@code >}, {@code >>}, {@code <}, {@code 2>&1}...) with their targets
     * @param next          the operator after it ({@code |}, {@code &&}, {@code ||}, {@code ;}, {@code &}) or null
     * @param substitutions the bodies of {@code $(…)}, backquotes and {@code <(…)} inside it
     */
    record Segment(String text, List<String> words, List<Redirect> redirects, String next, List<String> substitutions) {
        /** True when it holds no command ({@code done}, {@code fi}, {@code for x in …}). */
        boolean control() {
            return words.isEmpty() || CONTROL.contains(words.get(0));
        }
    }

    /** A redirection such as {@code > out.txt} ({@code op} {@code >}, {@code target} {@code out.txt}). */
    record Redirect(String op, String target) {
        /** True when it writes a file (not {@code 2>&1}, not {@code /dev/null}). */
        boolean writesFile() {
            if (!op.startsWith(">") && !op.equals("<>")) {
                return false;
            }
            if (op.equals(">&")) {
                return !target.matches("\\d+|-");
            }
            return !target.equals("/dev/null");
        }
    }

    private ShellCommand() {
    }

    static List<Segment> parse(String command) {
        return command == null ? List.of() : new Parser(command).run();
    }

    /** The text with every run of whitespace turned into one space. */
    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private record Token(String raw, String word) {
    }

    private static final class Parser {
        private final String s;
        private int i;
        private final List<SegmentBuilder> segments = new ArrayList<>();
        private List<Token> tokens = new ArrayList<>();
        private List<String> substitutions = new ArrayList<>();
        private final StringBuilder raw = new StringBuilder();
        private final StringBuilder word = new StringBuilder();
        private boolean inToken;
        private boolean expectDelimiter;
        private final Deque<String> heredocs = new ArrayDeque<>();

        Parser(String s) {
            this.s = s;
        }

        List<Segment> run() {
            while (i < s.length()) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> escape();
                    case '\'' -> singleQuoted();
                    case '"' -> doubleQuoted();
                    case '`' -> backquoted();
                    case ' ', '\t', '\r' -> {
                        endToken();
                        i++;
                    }
                    case '\n' -> {
                        endToken();
                        endSegment(";");
                        i++;
                        skipHeredocs();
                    }
                    case ';', '(', ')' -> {
                        endToken();
                        endSegment(";");
                        i++;
                    }
                    case '&' -> ampersand();
                    case '|' -> bar();
                    case '#' -> {
                        if (inToken) {
                            append(c);
                            i++;
                        } else {
                            skipComment();
                        }
                    }
                    case '$' -> {
                        if (peek(1) == '(') {
                            substitution(2);
                        } else {
                            append(c);
                            i++;
                        }
                    }
                    case '<', '>' -> {
                        if (peek(1) == '(' && !inToken) {
                            substitution(2);
                        } else {
                            if (inToken && !raw.toString().matches("\\d+|&|[<>]+")) {
                                endToken(); // a>b is a, then the redirection >b
                            }
                            append(c);
                            i++;
                        }
                    }
                    default -> {
                        append(c);
                        i++;
                    }
                }
            }
            endToken();
            endSegment(null);
            List<Segment> out = new ArrayList<>();
            for (SegmentBuilder b : segments) {
                out.add(b.build());
            }
            return out;
        }

        private char peek(int ahead) {
            return i + ahead < s.length() ? s.charAt(i + ahead) : '\0';
        }

        private void append(char c) {
            raw.append(c);
            word.append(c);
            inToken = true;
        }

        private void escape() {
            char next = peek(1);
            if (next == '\n') {
                i += 2;
                return;
            }
            raw.append('\\');
            if (next != '\0') {
                raw.append(next);
                word.append(next);
            }
            inToken = true;
            i += 2;
        }

        private void singleQuoted() {
            int close = s.indexOf('\'', i + 1);
            int end = close < 0 ? s.length() : close;
            raw.append(s, i, Math.min(end + 1, s.length()));
            word.append(s, i + 1, end);
            inToken = true;
            i = end + 1;
        }

        private void doubleQuoted() {
            raw.append('"');
            inToken = true;
            i++;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"') {
                    raw.append(c);
                    i++;
                    return;
                }
                if (c == '\\' && i + 1 < s.length()) {
                    char next = s.charAt(i + 1);
                    raw.append(c).append(next);
                    if ("\"\\$`\n".indexOf(next) < 0) {
                        word.append(c);
                    }
                    if (next != '\n') {
                        word.append(next);
                    }
                    i += 2;
                } else if (c == '$' && peek(1) == '(') {
                    substitution(2);
                } else if (c == '`') {
                    backquoted();
                } else {
                    raw.append(c);
                    word.append(c);
                    i++;
                }
            }
        }

        /** {@code $(…)}, {@code <(…)}, {@code >(…)}; arithmetic {@code $((…))} is copied without a second look. */
        private void substitution(int open) {
            boolean arithmetic = s.charAt(i) == '$' && peek(2) == '(';
            int depth = 1;
            int j = i + open;
            while (j < s.length() && depth > 0) {
                char c = s.charAt(j);
                if (c == '\\') {
                    j++;
                } else if (c == '\'') {
                    int close = s.indexOf('\'', j + 1);
                    j = close < 0 ? s.length() : close;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                j++;
            }
            int bodyEnd = depth == 0 ? j - 1 : s.length();
            if (!arithmetic) {
                substitutions.add(s.substring(Math.min(i + open, bodyEnd), bodyEnd));
            }
            raw.append(s, i, Math.min(j, s.length()));
            word.append(s, i, Math.min(j, s.length()));
            inToken = true;
            i = Math.min(j, s.length());
        }

        private void backquoted() {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != '`') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            int end = Math.min(j, s.length());
            substitutions.add(s.substring(i + 1, end));
            raw.append(s, i, Math.min(end + 1, s.length()));
            word.append(s, i, Math.min(end + 1, s.length()));
            inToken = true;
            i = end + 1;
        }

        private void ampersand() {
            char prev = raw.length() > 0 ? raw.charAt(raw.length() - 1) : '\0';
            if (peek(1) == '&') {
                endToken();
                endSegment("&&");
                i += 2;
            } else if (prev == '>' || prev == '<' || peek(1) == '>') {
                append('&');
                i++;
            } else {
                endToken();
                endSegment("&");
                i++;
            }
        }

        private void bar() {
            char prev = raw.length() > 0 ? raw.charAt(raw.length() - 1) : '\0';
            if (peek(1) == '|') {
                endToken();
                endSegment("||");
                i += 2;
            } else if (prev == '>') {
                append('|');
                i++;
            } else {
                endToken();
                endSegment("|");
                i += peek(1) == '&' ? 2 : 1;
            }
        }

        private void skipComment() {
            while (i < s.length() && s.charAt(i) != '\n') {
                i++;
            }
        }

        private void skipHeredocs() {
            while (!heredocs.isEmpty()) {
                String delimiter = heredocs.poll();
                while (i < s.length()) {
                    int eol = s.indexOf('\n', i);
                    int end = eol < 0 ? s.length() : eol;
                    String line = s.substring(i, end).replaceFirst("^\t+", "").stripTrailing();
                    i = eol < 0 ? s.length() : eol + 1;
                    if (line.equals(delimiter)) {
                        break;
                    }
                }
            }
        }

        private void endToken() {
            if (!inToken) {
                return;
            }
            String r = raw.toString();
            String w = word.toString();
            tokens.add(new Token(r, w));
            if (expectDelimiter) {
                heredocs.add(w);
                expectDelimiter = false;
            } else if (r.startsWith("<<") && !r.startsWith("<<<")) {
                String delimiter = w.substring(w.startsWith("<<-") ? 3 : 2);
                if (delimiter.isEmpty()) {
                    expectDelimiter = true;
                } else {
                    heredocs.add(delimiter);
                }
            }
            raw.setLength(0);
            word.setLength(0);
            inToken = false;
        }

        private void endSegment(String op) {
            if (tokens.isEmpty()) {
                if (op != null && !op.equals(";") && !segments.isEmpty() && substitutions.isEmpty()) {
                    segments.get(segments.size() - 1).next = op;
                }
                if (substitutions.isEmpty()) {
                    return;
                }
            }
            segments.add(new SegmentBuilder(tokens, substitutions, op));
            tokens = new ArrayList<>();
            substitutions = new ArrayList<>();
        }
    }

    private static final class SegmentBuilder {
        private final List<Token> tokens;
        private final List<String> substitutions;
        private String next;

        SegmentBuilder(List<Token> tokens, List<String> substitutions, String next) {
            this.tokens = tokens;
            this.substitutions = substitutions;
            this.next = next;
        }

        Segment build() {
            int start = 0;
            while (start < tokens.size() && KEYWORDS.contains(tokens.get(start).raw())) {
                start++;
            }
            List<String> texts = new ArrayList<>();
            List<String> words = new ArrayList<>();
            List<Redirect> redirects = new ArrayList<>();
            for (int k = start; k < tokens.size(); k++) {
                Token t = tokens.get(k);
                texts.add(t.raw());
                Matcher m = REDIRECT.matcher(t.raw());
                if (!t.raw().startsWith("<(") && !t.raw().startsWith(">(") && m.matches()) {
                    Matcher w = REDIRECT.matcher(t.word());
                    String target = w.matches() ? w.group(3) : m.group(3);
                    if (target.isEmpty() && k + 1 < tokens.size()) {
                        k++;
                        target = tokens.get(k).word();
                        texts.add(tokens.get(k).raw());
                    }
                    redirects.add(new Redirect(m.group(2), target));
                } else {
                    words.add(t.word());
                }
            }
            return new Segment(String.join(" ", texts), List.copyOf(words), List.copyOf(redirects), next,
                    List.copyOf(substitutions));
        }
    }
}
