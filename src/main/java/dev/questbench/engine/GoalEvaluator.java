package dev.questbench.engine;

/**
 * Judges after each round whether a quest's goal is met (a model call with the goal and the round's summary,
 * answering JSON). Implementations live where the model clients are.
 */
@FunctionalInterface
public interface GoalEvaluator {

    /** The verdict for one round; throw with a clear message when the model cannot be reached. */
    GoalVerdict evaluate(String goal, String roundSummary, int round);

    /**
     * The instruction an evaluator sends to its model; the reply must be the JSON {@link GoalVerdict#parse}
     * reads.
     */
    static String prompt(String goal, String roundSummary, int round) {
        return """
                You judge whether an agent has reached a goal. Goal:
                %s

                What the agent reported at the end of round %d:
                %s

                Answer with JSON only: {"met": true|false, "reason": "<one sentence>", "next_step": "<what to do \
                next if not met, else empty>"}""".formatted(goal, round, roundSummary);
    }
}
