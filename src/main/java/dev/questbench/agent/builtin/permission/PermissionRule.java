package dev.questbench.agent.builtin.permission;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

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

    /** The source of rules added by an "Allow always for this quest" answer. */
    public static final String ALLOW_ALWAYS = "allow always";

    /** The rule as written, e.g. {@code Bash(git log:*)}. */
    public String text() {
        return spec == null ? tool : tool + "(" + spec.replace("(", "\\(").replace(")", "\\)") + ")";
    }

    /**
     * Reads a rule string such as {@code Bash(npm run test:*)}; {@code Tool(*)} is the same as {@code Tool}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong with the text
     */
    public static PermissionRule parse(String text, Behavior behavior, String source, Path root) {
        return RuleSyntax.parse(text, behavior, source, root);
    }

    /**
     * The rule an "Allow always for this quest" answer adds: the exact command for Bash, the file (anchored at
     * the workspace) for Edit and Write, the host for WebFetch, the bare tool for anything else.
     */
    public static PermissionRule forAlwaysAllow(String toolName, JsonNode input, Path workspace) {
        String tool = ToolKinds.canonical(toolName);
        String spec = null;
        if (tool.equals("Bash")) {
            String command = ToolKinds.text(input, "command");
            spec = command == null || command.isBlank() ? null : command.strip().replace("*", "\\*");
        } else if (ToolKinds.isEdit(tool)) {
            Path target = ToolKinds.filePath(input) == null ? null : ToolKinds.resolvedPath(input, workspace);
            if (target != null) {
                Path ws = workspace == null ? null : workspace.toAbsolutePath().normalize();
                spec = ws != null && target.startsWith(ws) && !target.equals(ws)
                        ? "/" + escapeGlob(ws.relativize(target).toString().replace('\\', '/'))
                        : "//" + escapeGlob(target.toString().replace('\\', '/').replaceFirst("^/+", ""));
                tool = "Edit";
            }
        } else if (tool.equals("WebFetch")) {
            String host = host(ToolKinds.text(input, "url"));
            spec = host == null ? null : "domain:" + host;
        }
        return new PermissionRule(Behavior.ALLOW, tool, spec, ALLOW_ALWAYS, workspace);
    }

    /**
     * True when this rule applies to the tool use. File specs are matched against the tool's path (relative paths
     * resolved against the workspace); Bash allow rules must match every part of a compound command, deny and
     * ask rules any part (looking through wrappers); WebFetch {@code domain:} specs match the URL's host and its
     * subdomains; other specs are globs on the tool's primary argument.
     */
    public boolean matches(String toolName, JsonNode input, Path workspace, Path home) {
        String actual = ToolKinds.canonical(toolName);
        if (!coversTool(actual)) {
            return false;
        }
        if (spec == null) {
            return true;
        }
        String ruleTool = ToolKinds.canonical(tool);
        if (ToolKinds.isEdit(ruleTool) || ToolKinds.isRead(ruleTool)) {
            Path anchor = root != null ? root : workspace;
            return PathPattern.of(spec).matches(ToolKinds.resolvedPath(input, workspace), abs(anchor), abs(home));
        }
        String argument = ToolKinds.primaryArgument(actual, input);
        if (argument == null) {
            return false;
        }
        return switch (actual) {
            case "Bash" -> behavior == Behavior.ALLOW
                    ? CommandPattern.of(spec).matchesEveryPart(argument)
                    : CommandPattern.of(spec).matchesAnyPart(argument);
            case "WebFetch" -> matchesUrl(argument);
            case "Agent", "Task" -> matchesAnyOf(argument);
            default -> Globs.text(spec).matcher(argument).matches();
        };
    }

    /** True when the rule names this tool: itself, {@code *}, the Edit or Read family, or an MCP server. */
    boolean coversTool(String actual) {
        String ruleTool = ToolKinds.canonical(tool);
        if (tool.equals("*") || ruleTool.equals(actual)) {
            return true;
        }
        if (ruleTool.equals("Edit") && ToolKinds.isEdit(actual)) {
            return true;
        }
        if (ruleTool.equals("Read") && ToolKinds.isRead(actual)) {
            return true;
        }
        if (tool.contains("*")) {
            return Globs.text(tool).matcher(actual).matches();
        }
        // mcp__github means every tool of the github server
        return tool.startsWith("mcp__") && tool.indexOf("__", 5) < 0 && actual.startsWith(tool + "__");
    }

    private boolean matchesUrl(String url) {
        if (!spec.startsWith("domain:")) {
            return Globs.text(spec).matcher(url).matches();
        }
        String host = host(url);
        String domain = spec.substring("domain:".length()).strip().toLowerCase(Locale.ROOT);
        if (host == null || domain.isEmpty()) {
            return false;
        }
        if (domain.contains("*")) {
            return Globs.text(domain).matcher(host).matches();
        }
        return host.equals(domain) || host.endsWith("." + domain);
    }

    private boolean matchesAnyOf(String argument) {
        for (String name : spec.split(",")) {
            if (!name.isBlank() && Globs.text(name.strip()).matcher(argument).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String escapeGlob(String path) {
        return path.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    private static Path abs(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize();
    }
}
