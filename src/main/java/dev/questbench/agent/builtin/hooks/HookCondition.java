package dev.questbench.agent.builtin.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.permission.ToolKinds;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A hook entry's {@code if} filter: {@code Bash}, {@code Edit|Write}, or {@code Bash(git *)} / {@code Edit(*.ts)},
 * where the part in parentheses is a glob on the tool's primary argument (command, file path...).
 */
final class HookCondition {
    private HookCondition() {
    }

    /** True when there is no filter, the event has no tool, or the tool use passes the filter. */
    static boolean accepts(String condition, JsonNode input) {
        if (condition == null || condition.isBlank() || input == null || !input.path("tool_name").isTextual()) {
            return true;
        }
        String c = condition.strip();
        int open = c.indexOf('(');
        String toolPart = open < 0 ? c : c.substring(0, open);
        String argPart = open < 0 || !c.endsWith(")") ? null : c.substring(open + 1, c.length() - 1);
        String tool = input.get("tool_name").asText();
        try {
            if (!HookMatcher.of(toolPart).test(tool)) {
                return false;
            }
        } catch (PatternSyntaxException e) {
            return false;
        }
        if (argPart == null || argPart.isBlank()) {
            return true;
        }
        String argument = ToolKinds.primaryArgument(tool, input.path("tool_input"));
        return argument != null && glob(argPart.strip()).matcher(argument).matches();
    }

    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
