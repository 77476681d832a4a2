package dev.questbench.ui.board;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A quest's status changes as lines for the board's list view: when it ran, waited, paused, failed or finished. */
final class StatusHistory {
    static final Set<String> TYPES = Set.of("session.status_running", "session.status_idle", "session.error",
            "quest.paused", "quest.resumed", "quest.interrupted");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private StatusHistory() {
    }

    /** One line per change, oldest first; repeats of the same state are left out. */
    static List<String> of(List<JournalEntry> entries) {
        List<String> lines = new ArrayList<>();
        String last = null;
        for (JournalEntry entry : entries) {
            String state = state(entry.event());
            if (state != null && !state.equals(last)) {
                lines.add(TIME.format(entry.processedAt()) + "  " + state);
                last = state;
            }
        }
        return lines;
    }

    private static String state(QuestEvent event) {
        if (event instanceof QuestEvent.SessionStatusRunning) {
            return "Running";
        }
        if (event instanceof QuestEvent.SessionStatusIdle idle) {
            return idle.requiresAction() ? "Waiting for you"
                    : idle.stopReason() != null && "stopped".equals(idle.stopReason().type()) ? "Stopped" : "Ready";
        }
        if (event instanceof QuestEvent.SessionError) {
            return "Error";
        }
        if (event instanceof QuestEvent.Paused) {
            return "Paused";
        }
        if (event instanceof QuestEvent.Resumed) {
            return "Resumed";
        }
        if (event instanceof QuestEvent.Interrupted) {
            return "Interrupted";
        }
        return null;
    }
}
