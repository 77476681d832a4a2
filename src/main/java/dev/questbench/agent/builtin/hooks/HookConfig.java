package dev.questbench.agent.builtin.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * Command hooks by event, merged from settings files in load order. Only {@code command} entries are kept
 * ({@code http}, {@code prompt} and {@code agent} entries are skipped); malformed entries become
 * {@link #warnings()}. Known limit: {@code async} entries run like the others, in order.
 */
public final class HookConfig {
    public static final HookConfig EMPTY = new HookConfig(Map.of(), List.of());

    /** A matcher group: the hooks that run when the matcher accepts the target. */
    record Group(HookMatcher matcher, List<CommandHook> hooks) {
    }

    private final Map<String, List<Group>> groups;
    private final List<String> warnings;

    private HookConfig(Map<String, List<Group>> groups, List<String> warnings) {
        this.groups = groups;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Parses one {@code hooks} object ({@code {"PreToolUse":[{"matcher":…,"hooks":[…]}]}}), or a plugin's
     * {@code hooks.json} with its extra {@code {"hooks": …}} wrapper. Never throws.
     */
    public static HookConfig parse(JsonNode hooks, String source) {
        if (hooks == null || hooks.isNull() || hooks.isMissingNode()) {
            return EMPTY;
        }
        String from = source == null ? "hooks" : source;
        List<String> warnings = new ArrayList<>();
        if (!hooks.isObject()) {
            return new HookConfig(Map.of(), List.of(from + ": \"hooks\" must be an object; it was skipped"));
        }
        JsonNode root = hooks.has("hooks") && hooks.get("hooks").isObject() ? hooks.get("hooks") : hooks;
        Map<String, List<Group>> groups = new LinkedHashMap<>();
        root.fields().forEachRemaining(event -> {
            List<Group> parsed = parseEvent(event.getKey(), event.getValue(), from, warnings);
            if (!parsed.isEmpty()) {
                groups.put(event.getKey(), parsed);
            }
        });
        return new HookConfig(groups, warnings);
    }

    /** All hooks of all configs, earlier configs' hooks first. */
    public static HookConfig merge(List<HookConfig> configs) {
        Map<String, List<Group>> groups = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (HookConfig config : configs == null ? List.<HookConfig>of() : configs) {
            if (config == null) {
                continue;
            }
            config.groups.forEach((event, list) -> groups.computeIfAbsent(event, e -> new ArrayList<>()).addAll(list));
            warnings.addAll(config.warnings);
        }
        return new HookConfig(groups, warnings);
    }

    /** True when there is no command hook at all (a runner for it never starts a process). */
    public boolean isEmpty() {
        return groups.values().stream().allMatch(List::isEmpty);
    }

    /** Entries that were skipped because they were malformed, written for the user. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The hooks to run for an event, in order.
     *
     * @param matchTarget the tool name (or SessionStart source...) matchers test, or null to ignore matchers
     * @param input       the event input; its {@code tool_name} and {@code tool_input} feed {@code if} filters
     */
    public List<CommandHook> matching(HookEvent event, String matchTarget, JsonNode input) {
        List<Group> list = groups.getOrDefault(event.wire(), List.of());
        if (list.isEmpty()) {
            return List.of();
        }
        List<CommandHook> out = new ArrayList<>();
        for (Group group : list) {
            if (group.matcher().test(matchTarget)) {
                for (CommandHook hook : group.hooks()) {
                    if (HookCondition.accepts(hook.condition(), input)) {
                        out.add(hook);
                    }
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static List<Group> parseEvent(String event, JsonNode value, String source, List<String> warnings) {
        List<Group> out = new ArrayList<>();
        if (!value.isArray()) {
            warnings.add(source + ": hooks." + event + " must be a list of matcher groups; it was skipped");
            return out;
        }
        for (JsonNode group : value) {
            if (!group.isObject()) {
                warnings.add(source + ": skipped a " + event + " entry that is not an object");
                continue;
            }
            JsonNode matcherNode = group.get("matcher");
            if (matcherNode != null && !matcherNode.isNull() && !matcherNode.isTextual()) {
                warnings.add(source + ": skipped a " + event + " group whose matcher is not a string");
                continue;
            }
            HookMatcher matcher;
            try {
                matcher = HookMatcher.of(matcherNode == null ? null : matcherNode.asText(null));
            } catch (PatternSyntaxException e) {
                warnings.add(source + ": skipped a " + event + " group: matcher '" + matcherNode.asText()
                        + "' is not a valid pattern (" + e.getDescription() + ")");
                continue;
            }
            JsonNode entries = group.get("hooks");
            if (entries == null || !entries.isArray()) {
                warnings.add(source + ": skipped a " + event + " group without a \"hooks\" list");
                continue;
            }
            List<CommandHook> hooks = new ArrayList<>();
            for (JsonNode entry : entries) {
                CommandHook hook = parseEntry(entry, event, source, warnings);
                if (hook != null) {
                    hooks.add(hook);
                }
            }
            if (!hooks.isEmpty()) {
                out.add(new Group(matcher, List.copyOf(hooks)));
            }
        }
        return out;
    }

    private static CommandHook parseEntry(JsonNode entry, String event, String source, List<String> warnings) {
        if (!entry.isObject()) {
            warnings.add(source + ": skipped a " + event + " hook that is not an object");
            return null;
        }
        String type = entry.path("type").asText("command");
        if (!type.equals("command")) {
            return null; // http, prompt and agent hooks are not supported by the built-in agent
        }
        String command = entry.path("command").asText("");
        if (command.isBlank()) {
            warnings.add(source + ": skipped a " + event + " command hook without a \"command\"");
            return null;
        }
        JsonNode timeout = entry.get("timeout");
        Integer seconds = timeout != null && timeout.canConvertToInt() && timeout.asInt() > 0 ? timeout.asInt() : null;
        List<String> args = null;
        if (entry.path("args").isArray()) {
            args = new ArrayList<>();
            for (JsonNode arg : entry.get("args")) {
                args.add(arg.asText());
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        entry.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        String condition = entry.path("if").isTextual() ? entry.get("if").asText() : null;
        return new CommandHook(command, args, seconds, env, condition, source);
    }
}
