package dev.questbench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.EventJson;

/** A goal evaluator's answer: met or not, why, and the next step. */
public record GoalVerdict(boolean met, String reason, String nextStep) {

    /**
     * Reads the evaluator model's reply: a JSON object, possibly inside a Markdown code fence or after some
     * words. Throws IllegalArgumentException with the reply's start when no verdict can be read.
     */
    public static GoalVerdict parse(String reply) {
        String text = reply == null ? "" : reply.strip();
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start >= 0 && end > start) {
            try {
                JsonNode node = EventJson.mapper().readTree(text.substring(start, end + 1));
                if (node.path("met").isBoolean()) {
                    return new GoalVerdict(node.get("met").asBoolean(), node.path("reason").asText(""),
                            node.path("next_step").asText(node.path("nextStep").asText("")));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // fall through to the clear error below
            }
        }
        String head = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        throw new IllegalArgumentException("The goal evaluator did not answer with a verdict (got: \"" + head
                + "\"). Check the evaluator model in Settings.");
    }
}
