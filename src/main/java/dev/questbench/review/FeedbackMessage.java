package dev.questbench.review;

import dev.questbench.domain.event.QuestEvent.ReviewComment;
import dev.questbench.domain.event.QuestEvent.ReviewDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one user message a review's Send feedback produces: pending line comments and rejected changes, grouped by
 * file, each with where it is, the quoted code and what the reviewer said.
 */
public final class FeedbackMessage {
    static final String INTRO = "Review feedback on your changes. Please address each point:";

    private FeedbackMessage() {
    }

    /** The message text, or an empty string when there is nothing to send. */
    public static String format(List<ReviewComment> comments, List<ReviewDecision> rejections) {
        if (comments.isEmpty() && rejections.isEmpty()) {
            return "";
        }
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        for (ReviewComment comment : comments) {
            byFile.computeIfAbsent(comment.path(), path -> new ArrayList<>()).add(comment(comment));
        }
        for (ReviewDecision rejection : rejections) {
            byFile.computeIfAbsent(rejection.path(), path -> new ArrayList<>()).add(rejection(rejection));
        }
        StringBuilder text = new StringBuilder(INTRO).append('\n');
        for (Map.Entry<String, List<String>> file : byFile.entrySet()) {
            text.append("\n## ").append(file.getKey()).append('\n');
            for (String point : file.getValue()) {
                text.append('\n').append(point).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code path:3} or {@code path:3-5}. */
    static String location(String path, int startLine, int endLine) {
        return path + ":" + startLine + (endLine > startLine ? "-" + endLine : "");
    }

    private static String comment(ReviewComment comment) {
        StringBuilder text = new StringBuilder(location(comment.path(), comment.startLine(), comment.endLine()))
                .append(" (").append(comment.side()).append(" side)\n");
        String quote = comment.quote() == null ? "" : comment.quote().stripTrailing();
        if (!quote.isEmpty()) {
            String fence = fence(quote);
            text.append(fence).append('\n').append(quote).append('\n').append(fence).append('\n');
        }
        return text.append(comment.text().strip()).toString();
    }

    private static String rejection(ReviewDecision rejection) {
        String what = rejection.hunk() == null ? "I rejected the changes to " + rejection.path()
                : "I rejected this change in " + rejection.path() + " (" + rejection.hunk() + ")";
        String reason = rejection.reason() == null ? "" : rejection.reason().strip();
        return reason.isEmpty() ? what + "." : what + ": " + reason;
    }

    /** A code fence longer than any run of backticks in the quote, so quoted fences cannot close it. */
    private static String fence(String quote) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < quote.length(); i++) {
            run = quote.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
