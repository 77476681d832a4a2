package dev.questbench.ui.experts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the expert cards off a quest's journal: one per {@code Agent} tool use, with its child thread's progress. */
public final class ExpertCards {
    private static final int SUMMARY_CHARS = 200;

    /**
     * One expert at work.
     *
     * @param toolUseId the {@code Agent} tool use (the thread)
     * @param role      the subagent's name
     * @param task      the short description the Lead gave, or the prompt's first line
     * @param status    {@code Pending}, {@code In progress}, {@code Completed} or {@code Failed}
     * @param step      what it is doing now
     * @param summary   the start of its report, or of its latest message
     */
    public record Card(String toolUseId, String role, String task, String status, String step, String summary) {
    }

    private ExpertCards() {
    }

    public static List<Card> from(List<JournalEntry> entries) {
        Map<String, Card> cards = new LinkedHashMap<>();
        for (JournalEntry entry : entries) {
            QuestEvent event = entry.event();
            if (event instanceof QuestEvent.AgentToolUse use && "Agent".equals(use.name())) {
                JsonNode input = use.input();
                String task = input.path("description").asText("");
                if (task.isBlank()) {
                    task = firstLine(input.path("prompt").asText(""));
                }
                cards.put(entry.id(), new Card(entry.id(), input.path("subagent_type").asText("general-purpose"),
                        task, "Pending", "Waiting to start", ""));
            } else if (event instanceof QuestEvent.SubagentEvent child && cards.containsKey(child.parentToolUseId())) {
                Card card = cards.get(child.parentToolUseId());
                QuestEvent inner = EventJson.fromTree(child.event());
                String step = card.step();
                String summary = card.summary();
                if (inner instanceof QuestEvent.UserMessage) {
                    step = "Starting";
                } else if (inner instanceof QuestEvent.AgentToolUse use) {
                    step = use.evaluatedPermission() == Decision.Permission.ASK ? "Waiting for your approval to use "
                            + use.name() : child.note() != null ? "Using " + use.name() + " in the sandbox"
                            : "Using " + use.name();
                } else if (inner instanceof QuestEvent.AgentMessage message) {
                    step = "Writing";
                    summary = cut(ContentBlock.plainText(message.content()));
                }
                cards.put(card.toolUseId(), new Card(card.toolUseId(), card.role(), card.task(), "In progress", step,
                        summary));
            } else if (event instanceof QuestEvent.AgentToolResult result && cards.containsKey(result.toolUseId())) {
                Card card = cards.get(result.toolUseId());
                cards.put(card.toolUseId(), new Card(card.toolUseId(), card.role(), card.task(),
                        result.isError() ? "Failed" : "Completed", result.isError() ? "Stopped" : "Done",
                        cut(ContentBlock.plainText(result.content()))));
            }
        }
        return new ArrayList<>(cards.values());
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        return cut(newline < 0 ? line : line.substring(0, newline));
    }

    private static String cut(String text) {
        String flat = text.strip().replace('\n', ' ');
        return flat.length() <= SUMMARY_CHARS ? flat : flat.substring(0, SUMMARY_CHARS - 1) + "…";
    }
}
