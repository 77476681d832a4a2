package dev.questbench.agent.builtin.permission;

import java.util.List;
import java.util.Set;

/**
 * Recognises shell commands that provably change nothing ({@code ls}, {@code cat}, {@code git status},
 * {@code grep}, {@code find} without {@code -delete}...), which read-only modes may run without asking.
 * Anything it does not know, any redirection into a file and any wrapper but {@code time} is not read-only.
 */
final class ReadOnlyCommands {
    private static final Set<String> PLAIN = Set.of("ls", "cat", "pwd", "head", "tail", "wc", "grep", "egrep",
            "fgrep", "echo", "printf", "which", "whereis", "type", "whoami", "id", "uname", "file", "stat", "du",
            "df", "basename", "dirname", "realpath", "readlink", "cut", "tr", "diff", "cmp", "comm", "nl", "column",
            "jq", "true", "false", "test", "[", "[[", "printenv", "seq", "md5sum", "sha1sum", "sha256sum",
            "sha512sum", "cksum", "od", "hexdump", "strings", "tac", "rev", "fold", "paste", "join", "cd", "pushd",
            "popd", "ps", "free", "uptime", "nproc", "locale", "tty", "groups", "who", "tree", "sort", "uniq",
            "date", "hostname", "rg", "find", "git", "env");
    private static final Set<String> FIND_ACTIONS = Set.of("-delete", "-exec", "-execdir", "-ok", "-okdir",
            "-fprint", "-fprint0", "-fprintf", "-fls");
    private static final Set<String> GIT_READS = Set.of("status", "log", "diff", "show", "rev-parse", "ls-files",
            "ls-tree", "blame", "describe", "shortlog", "cat-file", "grep", "merge-base", "count-objects",
            "whatchanged", "name-rev", "for-each-ref", "show-ref", "check-ignore", "version", "help", "show-branch");

    private ReadOnlyCommands() {
    }

    /** True when every part of the command only reads. */
    static boolean isReadOnly(String command) {
        List<ShellCommand.Segment> segments = ShellCommand.parse(command);
        if (segments.isEmpty()) {
            return false;
        }
        for (ShellCommand.Segment segment : segments) {
            if (!readOnly(segment)) {
                return false;
            }
            for (String body : segment.substitutions()) {
                if (body.contains(">(") || !isReadOnly(body)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean readOnly(ShellCommand.Segment segment) {
        if (segment.redirects().stream().anyMatch(ShellCommand.Redirect::writesFile)) {
            return false;
        }
        if (segment.text().contains(">(")) {
            return false;
        }
        if (segment.control()) {
            return true;
        }
        List<String> words = segment.words();
        int k = 0;
        while (k < words.size() && (ShellWrappers.isAssignment(words.get(k)) || words.get(k).equals("time"))) {
            k++;
        }
        if (k == words.size()) {
            return true;
        }
        String head = words.get(k);
        List<String> args = words.subList(k + 1, words.size());
        if (!PLAIN.contains(head)) {
            return false;
        }
        return switch (head) {
            case "find" -> args.stream().noneMatch(FIND_ACTIONS::contains);
            case "sort", "tree" -> args.stream().noneMatch(a -> a.startsWith("-o") || a.startsWith("--output"));
            case "date" -> args.stream().noneMatch(a -> a.startsWith("-s") || a.startsWith("--set"));
            case "uniq" -> args.stream().filter(a -> !a.startsWith("-")).count() <= 1;
            case "hostname", "env" -> args.isEmpty();
            case "rg" -> args.stream().noneMatch(a -> a.startsWith("--pre"));
            case "git" -> readOnlyGit(args);
            default -> true;
        };
    }

    private static boolean readOnlyGit(List<String> args) {
        int k = 0;
        while (k < args.size() && args.get(k).startsWith("-")) {
            String option = args.get(k);
            if (option.equals("-c") || option.startsWith("--exec-path") || option.startsWith("--config-env")) {
                return false; // -c core.pager=… can run anything
            }
            k += option.equals("-C") || option.equals("--git-dir") || option.equals("--work-tree") ? 2 : 1;
        }
        if (k >= args.size()) {
            return true;
        }
        String sub = args.get(k);
        List<String> rest = args.subList(k + 1, args.size());
        if (rest.stream().anyMatch(a -> a.startsWith("--output") || a.startsWith("--ext-diff"))) {
            return false;
        }
        return switch (sub) {
            case "branch" -> rest.stream().allMatch(a -> Set.of("-a", "-r", "-v", "-vv", "--list", "--all",
                    "--remotes", "--show-current", "--verbose", "--no-color", "--merged", "--no-merged").contains(a));
            case "tag" -> rest.isEmpty() || rest.get(0).equals("-l") || rest.get(0).equals("--list");
            case "remote" -> rest.isEmpty() || rest.equals(List.of("-v")) || rest.get(0).equals("show")
                    || rest.get(0).equals("get-url");
            case "config" -> !rest.isEmpty() && Set.of("--get", "--get-all", "--list", "-l", "--get-regexp")
                    .contains(rest.get(0));
            case "stash", "worktree" -> !rest.isEmpty() && rest.get(0).equals("list");
            case "reflog" -> rest.isEmpty() || rest.get(0).equals("show");
            default -> GIT_READS.contains(sub);
        };
    }
}
