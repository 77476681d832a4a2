package dev.questbench.ui.board;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.time.Instant;
import java.util.List;

/**
 * What a board card shows of a quest's work besides its summary: todo progress (3/7), the latest step ("Running
 * `mvn test`…") and since when the current turn runs (for the elapsed time). Folded from journal events.
 *
 * @param runningSince when the current turn started; null while idle
 */
public record CardProgress(int done, int total, String latestStep, Instant runningSince) {
    public static final CardProgress NONE = new CardProgress(0, 0, null, null);
    private static final int STEP_LENGTH = 60;

    /** This progress after one more event. */
    public CardProgress next(JournalEntry entry) {
        QuestEvent event = entry.event();
        if (event instanceof QuestEvent.TodoUpdated todos && todos.todos() != null) {
            int completed = (int) todos.todos().stream().filter(t -> "completed".equals(t.status())).count();
            return new CardProgress(completed, todos.todos().size(), latestStep, runningSince);
        }
        if (event instanceof QuestEvent.AgentToolUse use) {
            return new CardProgress(done, total, step(use), runningSince);
        }
        if (event instanceof QuestEvent.SessionStatusRunning) {
            return new CardProgress(done, total, latestStep, entry.processedAt());
        }
        if (event instanceof QuestEvent.SessionStatusIdle || event instanceof QuestEvent.SessionError) {
            return new CardProgress(done, total, latestStep, null);
        }
        return this;
    }

    /** The progress folded from a quest's latest events, oldest first. */
    public static CardProgress of(List<JournalEntry> entries) {
        CardProgress progress = NONE;
        for (JournalEntry entry : entries) {
            progress = progress.next(entry);
        }
        return progress;
    }

    /** Whether an event changes what a card shows. */
    static boolean matters(QuestEvent event) {
        return event instanceof QuestEvent.TodoUpdated || event instanceof QuestEvent.AgentToolUse
                || event instanceof QuestEvent.SessionStatusRunning || event instanceof QuestEvent.SessionStatusIdle
                || event instanceof QuestEvent.SessionError;
    }

    /** "Running `mvn test`", "Editing Foo.java", "Reading README.md", or the tool's name. */
    static String step(QuestEvent.AgentToolUse use) {
        String tool = use.name() == null ? "Tool" : use.name();
        String subject = subject(use);
        String verb = switch (tool) {
            case "Bash" -> "Running";
            case "Edit", "MultiEdit" -> "Editing";
            case "Write" -> "Writing";
            case "Read" -> "Reading";
            case "Grep", "Glob" -> "Searching";
            case "WebFetch" -> "Fetching";
            default -> tool;
        };
        if (subject == null) {
            return verb + "…";
        }
        String shown = subject.length() > STEP_LENGTH ? subject.substring(0, STEP_LENGTH) + "…" : subject;
        return verb + " `" + shown + "`…";
    }

    private static String subject(QuestEvent.AgentToolUse use) {
        if (use.input() == null) {
            return null;
        }
        for (String field : new String[] {"command", "file_path", "pattern", "url", "path"}) {
            var value = use.input().get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                String text = value.asText().strip().replaceAll("\\s+", " ");
                return field.equals("file_path") ? text.substring(text.lastIndexOf('/') + 1) : text;
            }
        }
        return null;
    }
}
