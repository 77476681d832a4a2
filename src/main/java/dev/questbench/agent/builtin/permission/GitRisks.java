package dev.questbench.agent.builtin.permission;

import java.util.List;
import java.util.Optional;

/** The git commands that lose work or rewrite a shared remote: force pushes, hard resets, forced cleans. */
final class GitRisks {
    private GitRisks() {
    }

    /** @param args the words after {@code git} */
    static Optional<String> classify(List<String> args) {
        int k = 0;
        while (k < args.size() && args.get(k).startsWith("-")) {
            String option = args.get(k);
            k += option.equals("-C") || option.equals("-c") || option.equals("--git-dir")
                    || option.equals("--work-tree") || option.equals("--namespace") ? 2 : 1;
        }
        if (k >= args.size()) {
            return Optional.empty();
        }
        String sub = args.get(k);
        List<String> rest = args.subList(k + 1, args.size());
        return switch (sub) {
            case "push" -> forcePush(rest);
            case "reset" -> rest.contains("--hard")
                    ? Optional.of("discards uncommitted changes (git reset --hard)") : Optional.empty();
            case "clean" -> RiskyCommands.hasFlag(rest, 'f', "--force")
                    && !RiskyCommands.hasFlag(rest, 'n', "--dry-run")
                    ? Optional.of("deletes untracked files (git clean -f)") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<String> forcePush(List<String> rest) {
        for (String a : rest) {
            boolean force = a.equals("--force") || a.startsWith("--force-with-lease")
                    || a.equals("--force-if-includes") || a.equals("--mirror")
                    || a.startsWith("-") && !a.startsWith("--") && a.indexOf('f') > 0
                    || a.startsWith("+") && a.length() > 1;
            if (force) {
                return Optional.of("force-pushes and can overwrite the remote's history (git push " + a + ")");
            }
        }
        return Optional.empty();
    }
}
