package dev.questbench.agent.builtin.hooks;

import dev.questbench.agent.builtin.permission.ToolKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * A hook group's {@code matcher}: omitted, empty or {@code *} matches everything; {@code Bash} or
 * {@code Write|Edit} match those names (IDE aliases included); anything else is a regular expression that must
 * match the whole target, e.g. {@code mcp__.*}.
 */
final class HookMatcher {
    static final HookMatcher ALL = new HookMatcher(null, null);
    private static final Pattern NAMES = Pattern.compile("[A-Za-z0-9_]+(\\|[A-Za-z0-9_]+)*");

    private final Set<String> names;
    private final Pattern regex;

    private HookMatcher(Set<String> names, Pattern regex) {
        this.names = names;
        this.regex = regex;
    }

    /** @throws PatternSyntaxException when the matcher is neither names nor a valid regular expression */
    static HookMatcher of(String matcher) {
        if (matcher == null || matcher.isBlank() || matcher.strip().equals("*")) {
            return ALL;
        }
        String m = matcher.strip();
        if (NAMES.matcher(m).matches()) {
            return new HookMatcher(Set.of(m.split("\\|")).stream().map(ToolKinds::canonical)
                    .collect(Collectors.toUnmodifiableSet()), null);
        }
        return new HookMatcher(null, Pattern.compile(m));
    }

    /** @param target the tool name, SessionStart source... or null, which every matcher accepts */
    boolean test(String target) {
        if (this == ALL || target == null) {
            return true;
        }
        String canonical = ToolKinds.canonical(target);
        if (names != null) {
            return names.contains(canonical);
        }
        List<String> candidates = new ArrayList<>(List.of(target, canonical));
        candidates.addAll(ToolKinds.aliases(canonical));
        return candidates.stream().anyMatch(c -> regex.matcher(c).matches());
    }
}
