package dev.questbench.agent.builtin.permission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sees through the words in front of the real command: environment assignments ({@code FOO=1 cmd}) and
 * wrappers such as {@code sudo}, {@code env}, {@code timeout 10}, {@code nice -n 5}, {@code nohup}, {@code time}
 * and {@code xargs}; and finds the script in {@code bash -c "…"}, {@code sh -c '…'} and {@code eval …}.
 */
final class ShellWrappers {
    /** A wrapper, the options of it that take a value, and how many plain arguments come before the command. */
    private record Wrapper(Set<String> optionsWithValue, int positionals) {
    }

    private static final Map<String, Wrapper> WRAPPERS = Map.ofEntries(
            Map.entry("env", new Wrapper(Set.of("-u", "--unset", "-C", "--chdir", "-S", "--split-string"), 0)),
            Map.entry("sudo", new Wrapper(Set.of("-u", "-g", "-h", "-p", "-C", "-U", "-r", "-t", "-D", "-R", "-T",
                    "--user", "--group", "--host", "--prompt", "--chdir", "--close-from", "--other-user"), 0)),
            Map.entry("doas", new Wrapper(Set.of("-u", "-C"), 0)),
            Map.entry("pkexec", new Wrapper(Set.of("--user"), 0)),
            Map.entry("run0", new Wrapper(Set.of("--user", "-u"), 0)),
            Map.entry("timeout", new Wrapper(Set.of("-s", "--signal", "-k", "--kill-after"), 1)),
            Map.entry("nice", new Wrapper(Set.of("-n", "--adjustment"), 0)),
            Map.entry("ionice", new Wrapper(Set.of("-c", "-n", "-p", "--class", "--classdata"), 0)),
            Map.entry("nohup", new Wrapper(Set.of(), 0)),
            Map.entry("time", new Wrapper(Set.of("-f", "-o", "--format", "--output"), 0)),
            Map.entry("stdbuf", new Wrapper(Set.of("-i", "-o", "-e"), 0)),
            Map.entry("xargs", new Wrapper(Set.of("-I", "-n", "-P", "-L", "-d", "-E", "-s", "-a", "--max-args",
                    "--max-procs", "--delimiter", "--arg-file", "--replace"), 0)),
            Map.entry("command", new Wrapper(Set.of(), 0)),
            Map.entry("builtin", new Wrapper(Set.of(), 0)),
            Map.entry("exec", new Wrapper(Set.of("-a"), 0)),
            Map.entry("watch", new Wrapper(Set.of("-n", "--interval"), 0)),
            Map.entry("chronic", new Wrapper(Set.of(), 0)),
            Map.entry("caffeinate", new Wrapper(Set.of("-t", "-w"), 0)));

    private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash", "ksh", "fish");

    private ShellWrappers() {
    }

    /**
     * The command as written, then each command left after taking one env prefix or wrapper off the front:
     * {@code sudo FOO=1 rm x} → {@code [sudo FOO=1 rm x]}, {@code [FOO=1 rm x]}, {@code [rm x]}.
     */
    static List<List<String>> views(List<String> words) {
        List<List<String>> out = new ArrayList<>();
        out.add(words);
        List<String> current = words;
        while (!current.isEmpty()) {
            int k = 0;
            while (k < current.size() && isAssignment(current.get(k))) {
                k++;
            }
            if (k == 0) {
                k = skipWrapper(current);
            }
            if (k == 0 || k >= current.size()) {
                break;
            }
            current = current.subList(k, current.size());
            out.add(current);
        }
        return out;
    }

    /** The command with every env prefix and wrapper taken off. */
    static List<String> unwrap(List<String> words) {
        List<List<String>> views = views(words);
        return views.get(views.size() - 1);
    }

    /** The script of {@code bash -c "…"}, {@code sh -lc '…'}, {@code su -c '…'} or {@code eval …}, if any. */
    static Optional<String> innerScript(List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String head = name(words.get(0));
        if (head.equals("eval") && words.size() > 1) {
            return Optional.of(String.join(" ", words.subList(1, words.size())));
        }
        if (!SHELLS.contains(head) && !head.equals("su")) {
            return Optional.empty();
        }
        for (int k = 1; k < words.size() - 1; k++) {
            String w = words.get(k);
            boolean dashC = head.equals("su") ? w.equals("-c") : w.matches("-[a-zA-Z]*c[a-zA-Z]*");
            if (dashC) {
                return Optional.of(words.get(k + 1));
            }
            if (w.startsWith("--command=")) {
                return Optional.of(w.substring("--command=".length()));
            }
        }
        return Optional.empty();
    }

    /** A shell that would run what is piped into it. */
    static boolean isShell(String word) {
        return SHELLS.contains(name(word));
    }

    /** The program name without its folder: {@code /usr/bin/sudo} → {@code sudo}. */
    static String name(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 && slash < word.length() - 1 ? word.substring(slash + 1) : word;
    }

    static boolean isAssignment(String word) {
        return word.matches("[A-Za-z_][A-Za-z0-9_]*\\+?=.*");
    }

    /** How many words the wrapper at the front takes (0 when the front word is no wrapper). */
    private static int skipWrapper(List<String> words) {
        Wrapper wrapper = WRAPPERS.get(name(words.get(0)));
        if (wrapper == null) {
            return 0;
        }
        int k = 1;
        while (k < words.size() && words.get(k).startsWith("-") && words.get(k).length() > 1) {
            String option = words.get(k);
            k++;
            if (option.equals("--")) {
                break;
            }
            if (wrapper.optionsWithValue().contains(option)) {
                k++;
            }
        }
        return Math.min(k + wrapper.positionals(), words.size());
    }
}
