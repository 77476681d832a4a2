package dev.questbench.agent.builtin.permission;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The one-pass reader behind {@link ShellCommand#parse}: quotes, escapes, operators, comments, {@code $(…)},
 * backquotes, process substitution and here-documents.
 */
final class ShellParser {
    /** A word as written ({@code raw}, quotes kept) and as the command sees it ({@code word}). */
    private record Token(String raw, String word) {
    }

    /** The bodies of {@code $(…)} and backquotes in text that is not otherwise shell syntax. */
    static List<String> substitutionsIn(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("$(", i) && !text.startsWith("$((", i)) {
                int depth = 1;
                int j = i + 2;
                while (j < text.length() && depth > 0) {
                    char c = text.charAt(j);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                    j++;
                }
                out.add(text.substring(i + 2, depth == 0 ? j - 1 : j));
                i = j - 1;
            } else if (text.charAt(i) == '`') {
                int close = text.indexOf('`', i + 1);
                int end = close < 0 ? text.length() : close;
                out.add(text.substring(i + 1, end));
                i = end;
            }
        }
        return out;
    }

    private final String s;
    private int i;
    private final List<SegmentBuilder> segments = new ArrayList<>();
    private List<Token> tokens = new ArrayList<>();
    private List<String> substitutions = new ArrayList<>();
    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder word = new StringBuilder();
    private boolean inToken;
    private boolean expectDelimiter;
    /** Here-document delimiters waiting for the end of the line; a quoted one means the body is literal. */
    private final Deque<Token> heredocs = new ArrayDeque<>();

    ShellParser(String s) {
        this.s = s;
    }

    List<ShellCommand.Segment> run() {
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
        List<ShellCommand.Segment> out = new ArrayList<>();
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
            Token heredoc = heredocs.poll();
            String delimiter = heredoc.word();
            int bodyStart = i;
            int bodyEnd = s.length();
            while (i < s.length()) {
                int eol = s.indexOf('\n', i);
                int end = eol < 0 ? s.length() : eol;
                String line = s.substring(i, end).replaceFirst("^\t+", "").stripTrailing();
                if (line.equals(delimiter)) {
                    bodyEnd = i;
                    i = eol < 0 ? s.length() : eol + 1;
                    break;
                }
                i = eol < 0 ? s.length() : eol + 1;
            }
            boolean literal = heredoc.raw().contains("'") || heredoc.raw().contains("\"")
                    || heredoc.raw().contains("\\");
            if (!literal && !segments.isEmpty()) {
                // an unquoted here-document still runs the $(…) and `…` inside it
                segments.get(segments.size() - 1).substitutions.addAll(substitutionsIn(s.substring(bodyStart, bodyEnd)));
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
            heredocs.add(new Token(r, w));
            expectDelimiter = false;
        } else if (r.startsWith("<<") && !r.startsWith("<<<")) {
            int skip = w.startsWith("<<-") ? 3 : 2;
            String delimiter = w.substring(skip);
            if (delimiter.isEmpty()) {
                expectDelimiter = true;
            } else {
                heredocs.add(new Token(r.substring(skip), delimiter));
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

    private static final class SegmentBuilder {
        private final List<Token> tokens;
        private final List<String> substitutions;
        private String next;

        SegmentBuilder(List<Token> tokens, List<String> substitutions, String next) {
            this.tokens = tokens;
            this.substitutions = substitutions;
            this.next = next;
        }

        ShellCommand.Segment build() {
            int start = 0;
            while (start < tokens.size() && ShellCommand.KEYWORDS.contains(tokens.get(start).raw())) {
                start++;
            }
            List<String> texts = new ArrayList<>();
            List<String> words = new ArrayList<>();
            List<ShellCommand.Redirect> redirects = new ArrayList<>();
            for (int k = start; k < tokens.size(); k++) {
                Token t = tokens.get(k);
                texts.add(t.raw());
                Matcher m = ShellCommand.REDIRECT.matcher(t.raw());
                if (!t.raw().startsWith("<(") && !t.raw().startsWith(">(") && m.matches()) {
                    Matcher w = ShellCommand.REDIRECT.matcher(t.word());
                    String target = w.matches() ? w.group(3) : m.group(3);
                    if (target.isEmpty() && k + 1 < tokens.size()) {
                        k++;
                        target = tokens.get(k).word();
                        texts.add(tokens.get(k).raw());
                    }
                    redirects.add(new ShellCommand.Redirect(m.group(2), target));
                } else {
                    words.add(t.word());
                }
            }
            return new ShellCommand.Segment(String.join(" ", texts), List.copyOf(words), List.copyOf(redirects), next,
                    List.copyOf(substitutions));
        }
    }
}
