package dev.questbench.agent;

import dev.questbench.domain.event.Decision;

/**
 * The user's answer to one pending tool use.
 *
 * @param toolUseEventId the {@code evt_} id of the {@code agent.tool_use} it answers
 * @param alwaysForQuest allow this tool (with this input pattern) for the rest of the quest
 * @param answer         the user's reply to a question ({@code AskUserQuestion}), else null
 */
public record ToolConfirmation(String toolUseEventId, Decision decision, String denyMessage,
                               boolean alwaysForQuest, String answer) {
    public ToolConfirmation(String toolUseEventId, Decision decision, String denyMessage, boolean alwaysForQuest) {
        this(toolUseEventId, decision, denyMessage, alwaysForQuest, null);
    }

    /** The answer to a question card: the tool use is allowed and its result is the user's reply. */
    public static ToolConfirmation answer(String toolUseEventId, String reply) {
        return new ToolConfirmation(toolUseEventId, Decision.ALLOW, null, false, reply);
    }
}
