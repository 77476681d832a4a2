package dev.questbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.QuestEvent;
import java.util.List;

/** One line saying what a tool use does: its command, file, URL, pattern or question. */
final class ToolSummary {
    private static final List<String> SUBJECTS = List.of("command", "file_path", "path", "url", "pattern",
            "question", "query");
    private static final int MAX = 200;

    private ToolSummary() {
    }

    static String of(QuestEvent.AgentToolUse use) {
        JsonNode input = use.input();
        if (input == null || !input.isObject()) {
            return "";
        }
        for (String field : SUBJECTS) {
            JsonNode value = input.get(field);
            if (value != null && value.isValueNode()) {
                String text = value.asText().replace('\n', ' ');
                return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
            }
        }
        return "";
    }
}
