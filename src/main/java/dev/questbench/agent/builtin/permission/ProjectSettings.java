package dev.questbench.agent.builtin.permission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.questbench.agent.builtin.permission.PermissionRule.Behavior;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rules and hooks read (never written) from {@code ~/.qoder/settings.json}, {@code ~/.claude/settings.json},
 * {@code .qoder/settings.json}, {@code .qoder/settings.local.json}, {@code .claude/settings.json} and
 * {@code .claude/settings.local.json}. Missing files are fine; unreadable files and bad rules become warnings.
 *
 * @param hooks    each file's {@code hooks} object with the file it came from, in load order
 * @param warnings unreadable files and rules, written for the user
 */
public record ProjectSettings(List<PermissionRule> rules, List<SourcedHooks> hooks, List<String> warnings) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> USER_FILES = List.of(".qoder/settings.json", ".claude/settings.json");
    private static final List<String> PROJECT_FILES = List.of(".qoder/settings.json", ".qoder/settings.local.json",
            ".claude/settings.json", ".claude/settings.local.json");

    public ProjectSettings {
        rules = rules == null ? List.of() : List.copyOf(rules);
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public record SourcedHooks(String source, JsonNode hooks) {
    }

    /** @param workspace the project folder, or null when there is none (then only the user's files are read) */
    public static ProjectSettings load(Path workspace, Path home) {
        List<PermissionRule> rules = new ArrayList<>();
        List<SourcedHooks> hooks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        if (home != null) {
            Path h = home.toAbsolutePath().normalize();
            for (String name : USER_FILES) {
                read(h.resolve(name), "~/" + name, h, seen, rules, hooks, warnings);
            }
        }
        if (workspace != null) {
            Path ws = workspace.toAbsolutePath().normalize();
            for (String name : PROJECT_FILES) {
                read(ws.resolve(name), name, ws, seen, rules, hooks, warnings);
            }
        }
        return new ProjectSettings(rules, hooks, warnings);
    }

    private static void read(Path file, String source, Path root, Set<Path> seen, List<PermissionRule> rules,
                             List<SourcedHooks> hooks, List<String> warnings) {
        if (!seen.add(file) || !Files.isRegularFile(file)) {
            return;
        }
        JsonNode settings;
        try {
            settings = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            warnings.add(source + " is not valid JSON and was skipped: " + e.getOriginalMessage() + where);
            return;
        } catch (IOException e) {
            warnings.add(source + " could not be read and was skipped: " + e.getMessage());
            return;
        }
        if (settings == null || settings.isMissingNode()) {
            return; // an empty file holds no settings
        }
        if (!settings.isObject()) {
            warnings.add(source + " was skipped: it must hold a JSON object");
            return;
        }
        JsonNode permissions = settings.get("permissions");
        if (permissions != null && !permissions.isNull()) {
            if (permissions.isObject()) {
                for (Behavior behavior : Behavior.values()) {
                    readRules(permissions, behavior, source, root, rules, warnings);
                }
            } else {
                warnings.add(source + ": \"permissions\" must be an object; its rules were skipped");
            }
        }
        JsonNode hookNode = settings.get("hooks");
        if (hookNode != null && !hookNode.isNull()) {
            if (hookNode.isObject()) {
                hooks.add(new SourcedHooks(source, hookNode));
            } else {
                warnings.add(source + ": \"hooks\" must be an object; it was skipped");
            }
        }
    }

    private static void readRules(JsonNode permissions, Behavior behavior, String source, Path root,
                                  List<PermissionRule> rules, List<String> warnings) {
        String key = behavior.name().toLowerCase(Locale.ROOT);
        JsonNode list = permissions.get(key);
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            warnings.add(source + ": \"permissions." + key + "\" must be a list of rule strings; it was skipped");
            return;
        }
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                warnings.add(source + ": skipped " + key + " rule " + item + ": rules are strings like \"Bash(npm test)\"");
                continue;
            }
            try {
                rules.add(PermissionRule.parse(item.asText(), behavior, source, root));
            } catch (IllegalArgumentException e) {
                warnings.add(source + ": skipped " + key + " rule: " + e.getMessage());
            }
        }
    }
}
