package dev.questbench.ui.quest;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.schedule.Schedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Summary tab says of a quest's work: the files its edit tools changed, how often it used each tool, and
 * the schedules that continue it.
 */
record QuestWork(List<String> changedFiles, Map<String, Integer> toolsUsed, List<Schedule> schedules) {
    static final Set<String> TYPES = Set.of("agent.tool_use", "agent.tool_result");
    static final QuestWork NONE = new QuestWork(List.of(), Map.of(), List.of());

    /** Folds the quest's tool events (oldest first); {@code schedules} are those continuing the quest. */
    static QuestWork of(List<JournalEntry> toolEvents, List<Schedule> schedules) {
        Map<String, Integer> tools = new LinkedHashMap<>();
        TurnChanges edits = new TurnChanges();
        for (JournalEntry entry : toolEvents) {
            if (entry.event() instanceof QuestEvent.AgentToolUse use) {
                tools.merge(use.name() == null ? "Tool" : use.name(), 1, Integer::sum);
                edits.started(entry.id(), use);
            } else if (entry.event() instanceof QuestEvent.AgentToolResult result) {
                edits.finished(result);
            }
        }
        return new QuestWork(edits.endTurn(), Map.copyOf(tools), List.copyOf(schedules));
    }

    /** "12 × Bash, 7 × Edit, 3 × Read", most used first. */
    String toolsText() {
        return toolsUsed.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getValue() + " × " + entry.getKey())
                .reduce((a, b) -> a + ", " + b).orElse("none yet");
    }
}
