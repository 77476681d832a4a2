package dev.questbench.agent.builtin.permission;

import java.nio.file.Path;

/** Reads {@code Tool}, {@code Tool(spec)} and {@code *} rule strings, with {@code \(} and {@code \)} escapes. */
final class RuleSyntax {
    private static final String TOOL_NAME = "[A-Za-z_*][A-Za-z0-9_.*-]*";

    private RuleSyntax() {
    }

    static PermissionRule parse(String text, PermissionRule.Behavior behavior, String source, Path root) {
        if (behavior == null) {
            throw new IllegalArgumentException("permission rule '" + text + "' has no behavior (allow, ask or deny)");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty permission rule");
        }
        String t = text.strip();
        int open = firstUnescaped(t, '(');
        if (open < 0) {
            if (t.contains(")")) {
                throw bad(t, "has ')' without '('");
            }
            return new PermissionRule(behavior, toolName(t, t), null, source, root);
        }
        String tool = toolName(t.substring(0, open).strip(), t);
        if (!t.endsWith(")") || t.endsWith("\\)") && !t.endsWith("\\\\)")) {
            throw bad(t, "must end with ')' (escape a literal parenthesis as \\))");
        }
        String raw = t.substring(open + 1, t.length() - 1);
        checkBalanced(raw, t);
        String spec = unescape(raw).strip();
        if (spec.isEmpty()) {
            throw bad(t, "has empty parentheses: write " + tool + " for the whole tool");
        }
        if (tool.equals("*")) {
            throw bad(t, "'*' matches every tool and takes no argument");
        }
        return new PermissionRule(behavior, tool, spec.equals("*") ? null : spec, source, root);
    }

    private static String toolName(String name, String rule) {
        if (name.isEmpty()) {
            throw bad(rule, "has no tool name before '('");
        }
        if (!name.matches(TOOL_NAME)) {
            throw bad(rule, "'" + name + "' is not a tool name (use e.g. Bash, Edit, Read, WebFetch, mcp__server__tool)");
        }
        return name;
    }

    private static int firstUnescaped(String s, char c) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Unescaped parentheses inside the spec are accepted only when they pair up. */
    private static void checkBalanced(String raw, String rule) {
        int depth = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                throw bad(rule, "has an unmatched ')' (escape a literal parenthesis as \\))");
            }
        }
        if (depth != 0) {
            throw bad(rule, "has an unmatched '(' (escape a literal parenthesis as \\()");
        }
    }

    private static String unescape(String raw) {
        return raw.replace("\\(", "(").replace("\\)", ")");
    }

    private static IllegalArgumentException bad(String rule, String problem) {
        return new IllegalArgumentException("permission rule '" + rule + "' " + problem);
    }
}
