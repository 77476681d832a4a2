package dev.questbench.ui.quest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.QuestEvent;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files a turn's edit tools changed, for the Changes row at its end: a Write or Edit counts once its result
 * came back without an error. Known limit: files changed by shell commands are not seen here (the Review tab
 * shows them).
 */
final class TurnChanges {
    private static final Set<String> EDIT_TOOLS = Set.of("Write", "Edit", "MultiEdit", "NotebookEdit");

    private final Map<String, String> running = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    void started(String toolUseId, QuestEvent.AgentToolUse use) {
        if (use.name() != null && EDIT_TOOLS.contains(use.name()) && use.input() != null) {
            String path = text(use.input(), "file_path", "notebook_path", "path");
            if (path != null) {
                running.put(toolUseId, path);
            }
        }
    }

    void finished(QuestEvent.AgentToolResult result) {
        String path = running.remove(result.toolUseId());
        if (path != null && !result.isError()) {
            changed.add(path);
        }
    }

    /** The files changed since the last turn ended, and a fresh start for the next. */
    List<String> endTurn() {
        List<String> paths = List.copyOf(changed);
        changed.clear();
        running.clear();
        return paths;
    }

    private static String text(JsonNode input, String... fields) {
        for (String field : fields) {
            JsonNode value = input.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }
}
