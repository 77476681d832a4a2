package dev.questbench.agent;

import dev.questbench.domain.event.Decision;

/**
 * The user's answer to one pending tool use.
 *
 * @param toolUseEventId the {@code evt_} id of the {@code agent.tool_use} it answers
 * @param alwaysForQuest allow this tool (with this input pattern) for the rest of the quest
 */
public record ToolConfirmation(String toolUseEventId, Decision decision, String denyMessage,
                               boolean alwaysForQuest) {
}
