package dev.questbench.agent.builtin.permission;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A shell command line split into simple commands the way permission rules and the risk check read it: at
 * {@code && || ; | &} and newlines outside quotes, with quotes removed from words, redirections set apart,
 * {@code $(…)}, backquote and {@code <(…)} bodies kept for a second look, and here-document bodies skipped.
 * Known limit: it reads shell text, it does not run a shell (aliases, functions and variables are not expanded).
 */
final class ShellCommand {
    /** Words that open or close compound commands; dropped from the front of a segment. */
    static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{", "}");
    /** Segments that only hold shell syntax, no command. */
    private static final Set<String> CONTROL = Set.of("fi", "done", "esac", "for", "case", "select", "function", "in", "}");
    static final Pattern REDIRECT = Pattern.compile("^(\\d*|&)(>>|>\\||>&|>|<<<|<<-|<<|<>|<&|<)(.*)$", Pattern.DOTALL);

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
        return command == null ? List.of() : new ShellParser(command).run();
    }

    /** The text with every run of whitespace turned into one space. */
    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
