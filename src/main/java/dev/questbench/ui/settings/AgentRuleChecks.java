package dev.questbench.ui.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.hooks.HookConfig;
import dev.questbench.agent.builtin.permission.PermissionRule;
import dev.questbench.domain.event.EventJson;
import java.util.ArrayList;
import java.util.List;

/** Checks Settings → Agent's rule lists and hooks JSON; each check returns a message for the user, or null. */
final class AgentRuleChecks {
    static final String SOURCE = "app settings";

    private AgentRuleChecks() {
    }

    /** The non-blank lines, stripped: one rule each. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    /** Every line that is not a rule, with its number and why ("Line 2: permission rule 'Bash(' must …"). */
    static String rules(String text, PermissionRule.Behavior behavior) {
        List<String> problems = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                PermissionRule.parse(lines[i].strip(), behavior, SOURCE, null);
            } catch (IllegalArgumentException e) {
                problems.add("Line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return problems.isEmpty() ? null : String.join("\n", problems);
    }

    /** Blank is fine (no hooks); otherwise a JSON object in the "hooks" format without malformed entries. */
    static String hooks(String text) {
        JsonNode hooks;
        try {
            hooks = parseHooks(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return "The hooks are not valid JSON" + where + ": " + e.getOriginalMessage();
        }
        if (hooks == null) {
            return null;
        }
        if (!hooks.isObject()) {
            return "The hooks must be a JSON object, e.g. {\"PreToolUse\": [{\"matcher\": \"Bash\", \"hooks\": "
                    + "[{\"type\": \"command\", \"command\": \"./check.sh\"}]}]}.";
        }
        List<String> warnings = HookConfig.parse(hooks, "Hooks").warnings();
        return warnings.isEmpty() ? null : String.join("\n", warnings);
    }

    /** The hooks object, or null when the text is blank. */
    static JsonNode parseHooks(String text) throws JsonProcessingException {
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonNode hooks = EventJson.mapper().readTree(text);
        return hooks == null || hooks.isNull() || hooks.isMissingNode() ? null : hooks;
    }

    /** The hooks as the text area shows them: indented JSON, or empty for none. */
    static String hooksText(JsonNode hooks) throws JsonProcessingException {
        return hooks == null || hooks.isNull() || hooks.isMissingNode() ? ""
                : EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(hooks);
    }
}
