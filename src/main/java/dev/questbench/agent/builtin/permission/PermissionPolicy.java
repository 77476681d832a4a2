package dev.questbench.agent.builtin.permission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.agent.builtin.permission.PermissionRule.Behavior;
import dev.questbench.domain.PermissionMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides allow/ask/deny for a tool use from the mode, the rules and the safety checks, in this order: deny
 * rules; plan mode's read-only limit; risky commands and protected paths (ask, except in bypass mode); ask rules;
 * allow rules (an Edit allow also allows reading the same files; a compound command needs every part allowed);
 * then the mode. Deny beats ask beats allow.
 */
public final class PermissionPolicy {
    static final String PLAN_READ_ONLY = "Plan mode is read-only: propose the change in your plan instead";
    private static final Set<String> ALWAYS_ALLOWED = Set.of("TodoWrite", "AskUserQuestion");

    private final PermissionMode mode;
    private final List<PermissionRule> rules;
    private final Path workspace;
    private final Path home;

    public PermissionPolicy(PermissionMode mode, List<PermissionRule> rules, Path workspace, Path home) {
        this.mode = mode == null ? PermissionMode.DEFAULT : mode;
        // null entries (rules that failed to parse upstream) are skipped rather than failing every evaluation
        this.rules = rules == null ? List.of() : rules.stream().filter(Objects::nonNull).toList();
        this.workspace = workspace == null ? null : workspace.toAbsolutePath().normalize();
        this.home = home == null ? null : home.toAbsolutePath().normalize();
    }

    /** @param readOnlyTool the tool never changes anything (Read, Glob, Grep...) */
    public Verdict evaluate(String toolName, JsonNode input, boolean readOnlyTool) {
        String tool = ToolKinds.canonical(toolName);
        JsonNode in = input == null ? JsonNodeFactory.instance.objectNode() : input;
        if (ALWAYS_ALLOWED.contains(tool)) {
            return Verdict.allow(tool + " is always allowed");
        }
        Optional<PermissionRule> deny = first(Behavior.DENY, tool, in);
        if (deny.isPresent()) {
            return Verdict.deny(describe(deny.get()));
        }
        boolean bash = tool.equals("Bash");
        String command = bash ? ToolKinds.text(in, "command") : null;
        boolean readOnly = readOnlyTool || bash && command != null && ReadOnlyCommands.isReadOnly(command);
        if (mode == PermissionMode.PLAN && !readOnly) {
            return Verdict.deny(PLAN_READ_ONLY);
        }
        if (mode != PermissionMode.BYPASS_PERMISSIONS) {
            Optional<String> unsafe = safetyCheck(tool, in, command);
            if (unsafe.isPresent()) {
                return Verdict.ask(unsafe.get());
            }
        }
        Optional<PermissionRule> ask = first(Behavior.ASK, tool, in);
        if (ask.isPresent()) {
            return Verdict.ask(describe(ask.get()));
        }
        Optional<String> allowed = bash ? allowedCommand(command) : allowedByRule(tool, in);
        if (allowed.isPresent()) {
            return Verdict.allow(allowed.get());
        }
        return byMode(tool, in, readOnlyTool, readOnly);
    }

    private Optional<String> safetyCheck(String tool, JsonNode input, String command) {
        if (command != null) {
            return RiskyCommands.classify(command, workspace).map(reason -> "risky command: " + reason);
        }
        if (ToolKinds.isEdit(tool)) {
            return ProtectedPaths.reason(ToolKinds.resolvedPath(input, workspace), workspace);
        }
        return Optional.empty();
    }

    private Optional<PermissionRule> first(Behavior behavior, String tool, JsonNode input) {
        return rules.stream()
                .filter(rule -> rule.behavior() == behavior && rule.matches(tool, input, workspace, home))
                .findFirst();
    }

    private Optional<String> allowedByRule(String tool, JsonNode input) {
        Optional<PermissionRule> allow = first(Behavior.ALLOW, tool, input);
        if (allow.isPresent()) {
            return Optional.of(describe(allow.get()));
        }
        if (ToolKinds.isRead(tool)) {
            return rules.stream()
                    .filter(rule -> rule.behavior() == Behavior.ALLOW && ToolKinds.isEdit(rule.tool())
                            && rule.matches(ToolKinds.canonical(rule.tool()), input, workspace, home))
                    .findFirst()
                    .map(rule -> describe(rule) + " (an edit allow also allows reading)");
        }
        return Optional.empty();
    }

    /** A compound command is allowed only when an allow rule covers each of its parts (or the whole line). */
    private Optional<String> allowedCommand(String command) {
        if (command == null || command.isBlank()) {
            return Optional.empty();
        }
        List<PermissionRule> bashRules = rules.stream()
                .filter(rule -> rule.behavior() == Behavior.ALLOW && rule.coversTool("Bash"))
                .toList();
        for (PermissionRule rule : bashRules) {
            if (rule.spec() == null || CommandPattern.of(rule.spec()).isExact()
                    && CommandPattern.of(rule.spec()).matchesEveryPart(command)) {
                return Optional.of(describe(rule));
            }
        }
        List<String> units = CommandPattern.allowUnits(command);
        List<PermissionRule> used = new ArrayList<>();
        for (String unit : units) {
            Optional<PermissionRule> rule = bashRules.stream()
                    .filter(r -> CommandPattern.of(r.spec()).matches(unit))
                    .findFirst();
            if (rule.isEmpty()) {
                return Optional.empty();
            }
            if (!used.contains(rule.get())) {
                used.add(rule.get());
            }
        }
        if (used.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(used.size() == 1 ? describe(used.get(0))
                : "allow rules " + String.join(", ", used.stream().map(r -> r.text() + " from " + r.source()).toList()));
    }

    private Verdict byMode(String tool, JsonNode input, boolean readOnlyTool, boolean readOnly) {
        boolean bash = tool.equals("Bash");
        switch (mode) {
            case BYPASS_PERMISSIONS:
                return Verdict.allow("bypass-permissions mode allows everything");
            case PLAN:
                return Verdict.allow("plan mode allows reading");
            case ACCEPT_EDITS:
                if (readOnly) {
                    return Verdict.allow(readOnlyTool ? "read-only tool" : "read-only command");
                }
                if (ToolKinds.isEdit(tool)) {
                    Path target = ToolKinds.resolvedPath(input, workspace);
                    return workspace != null && target != null && target.startsWith(workspace)
                            ? Verdict.allow("accept-edits mode allows edits in the workspace")
                            : Verdict.ask("accept-edits mode asks before edits outside the workspace");
                }
                return Verdict.ask(bash ? "accept-edits mode asks before commands"
                        : "accept-edits mode asks before using " + tool);
            default:
                if (readOnly) {
                    return Verdict.allow(readOnlyTool ? "default mode allows read-only tools"
                            : "default mode allows read-only commands");
                }
                if (ToolKinds.isEdit(tool)) {
                    return Verdict.ask("default mode asks before edits");
                }
                return Verdict.ask(bash ? "default mode asks before commands" : "default mode asks before using " + tool);
        }
    }

    private static String describe(PermissionRule rule) {
        String kind = rule.behavior().name().toLowerCase(java.util.Locale.ROOT);
        return kind + " rule " + rule.text() + " from " + rule.source();
    }
}
