package dev.questbench.agent.builtin.permission;

/**
 * One rule in {@code Tool(spec)} syntax, e.g. {@code Bash(npm run test:*)}, {@code Edit(/src/**)},
 * {@code WebFetch}, {@code mcp__github__*}.
 *
 * @param behavior allow, ask or deny
 * @param tool     the tool name or pattern ({@code *} for any)
 * @param spec     the part in parentheses (unescaped), or null for the whole tool
 * @param source   where it came from, for messages ("app settings", ".claude/settings.json", "allow always")
 * @param root     the folder {@code /}-relative file patterns are anchored at (the rule file's project root)
 */
public record PermissionRule(Behavior behavior, String tool, String spec, String source, java.nio.file.Path root) {
    public enum Behavior { ALLOW, ASK, DENY }

    /** The rule as written, e.g. {@code Bash(git log:*)}. */
    public String text() {
        return spec == null ? tool : tool + "(" + spec.replace("(", "\\(").replace(")", "\\)") + ")";
    }
}
