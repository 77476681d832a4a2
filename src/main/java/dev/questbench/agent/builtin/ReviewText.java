package dev.questbench.agent.builtin;

import dev.questbench.domain.event.QuestEvent;

/** How review feedback reads to the model: the message, then each line comment with its place. */
final class ReviewText {
    private ReviewText() {
    }

    static String of(QuestEvent.ReviewFeedback feedback) {
        StringBuilder out = new StringBuilder("Review feedback on your changes:\n");
        if (feedback.message() != null && !feedback.message().isBlank()) {
            out.append(feedback.message()).append('\n');
        }
        if (feedback.comments() != null) {
            for (QuestEvent.ReviewFeedback.LineComment comment : feedback.comments()) {
                out.append("- ").append(comment.path()).append(':').append(comment.line()).append(": ")
                        .append(comment.text()).append('\n');
            }
        }
        return out.toString().strip();
    }
}
