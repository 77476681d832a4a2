package dev.questbench.review.ai;

import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ChatMessage;
import dev.questbench.llm.ModelClient;
import dev.questbench.llm.ModelException;
import dev.questbench.llm.ModelRequest;
import dev.questbench.llm.StreamListener;
import dev.questbench.workspace.actions.Commits;
import java.util.ArrayList;
import java.util.List;

/** The commit dialog's Generate: asks the quest's model for a commit message for the staged diff and tidies it. */
public final class CommitMessages {
    static final int SUBJECT_LIMIT = 72;
    private static final int MAX_TOKENS = 1024;

    private CommitMessages() {
    }

    /** A clean commit message: no fences or quotes, a subject line of at most 72 characters. */
    public static String generate(ModelClient client, String model, String stagedDiff, Cancellation cancel)
            throws ModelException {
        String prompt = Commits.commitMessagePrompt(stagedDiff);
        ModelRequest request = new ModelRequest(model != null ? model : client.config().model(), null,
                List.of(ChatMessage.user(prompt)), null, MAX_TOKENS, null);
        String message = clean(client.stream(request, StreamListener.NONE, cancel).text());
        if (message.isEmpty()) {
            throw new ModelException(ModelException.Kind.MALFORMED,
                    "The model answered with an empty commit message; try Generate again or write one yourself.");
        }
        return message;
    }

    /** Strips code fences, surrounding quotes, a "Commit message:" lead-in and blank edges; cuts the subject. */
    static String clean(String answer) {
        String text = answer == null ? "" : answer.strip();
        if (text.startsWith("```")) {
            int firstBreak = text.indexOf('\n');
            text = firstBreak < 0 ? "" : text.substring(firstBreak + 1);
            int close = text.lastIndexOf("```");
            text = (close >= 0 ? text.substring(0, close) : text).strip();
        }
        text = text.replaceFirst("(?i)^(commit message|message)\\s*:\\s*", "").strip();
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'") || text.startsWith("`") && text.endsWith("`"))) {
            text = text.substring(1, text.length() - 1).strip();
        }
        List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        if (lines.isEmpty()) {
            return "";
        }
        lines.set(0, subject(lines.get(0).strip()));
        return String.join("\n", lines).strip();
    }

    private static String subject(String line) {
        String subject = line.endsWith(".") && !line.endsWith("..") ? line.substring(0, line.length() - 1) : line;
        if (subject.length() <= SUBJECT_LIMIT) {
            return subject;
        }
        int space = subject.lastIndexOf(' ', SUBJECT_LIMIT);
        return (space > SUBJECT_LIMIT / 2 ? subject.substring(0, space) : subject.substring(0, SUBJECT_LIMIT)).strip();
    }
}
