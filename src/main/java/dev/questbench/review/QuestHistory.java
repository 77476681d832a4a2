package dev.questbench.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.EventTypes;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.EventJournal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a review diff needs from a quest's journal: the checkpoints taken before its turns, and the files it wrote
 * since the last one (to tell its own changes from external ones).
 */
final class QuestHistory {
    /** The tools whose {@code file_path} (or {@code path}) input names a file the quest wrote. */
    private static final Set<String> WRITING_TOOLS = Set.of("Write", "Edit", "MultiEdit", "NotebookEdit");
    private static final List<String> PATH_FIELDS = List.of("file_path", "notebook_path", "path", "filePath");

    private final EventJournal journal;
    private final String questId;

    QuestHistory(EventJournal journal, String questId) {
        this.journal = journal;
        this.questId = questId;
    }

    /** The checkpoint entries, oldest first. */
    List<JournalEntry> checkpoints() {
        return journal.readByType(questId, Set.of(EventTypes.typeOf(QuestEvent.Checkpoint.class)), 0);
    }

    static String commit(JournalEntry checkpoint) {
        return ((QuestEvent.Checkpoint) checkpoint.event()).commit();
    }

    /** Paths (absolute or relative to the quest's folder) the quest wrote after the given entry. */
    Set<String> touchedAfter(JournalEntry checkpoint) {
        Set<String> paths = new LinkedHashSet<>();
        for (JournalEntry entry : journal.readAfter(questId, checkpoint.id(), 0)) {
            if (entry.event() instanceof QuestEvent.Artifact artifact && artifact.path() != null) {
                paths.add(artifact.path());
            } else if (entry.event() instanceof QuestEvent.AgentToolUse use && WRITING_TOOLS.contains(use.name())
                    && use.input() != null) {
                for (String field : PATH_FIELDS) {
                    JsonNode value = use.input().get(field);
                    if (value != null && value.isTextual()) {
                        paths.add(value.asText());
                        break;
                    }
                }
            }
        }
        return paths;
    }

    /** Every review event of the quest, oldest first. */
    List<JournalEntry> reviewEvents() {
        return journal.readByType(questId, Set.of(EventTypes.typeOf(QuestEvent.ReviewDecision.class),
                EventTypes.typeOf(QuestEvent.ReviewViewed.class), EventTypes.typeOf(QuestEvent.ReviewComment.class),
                EventTypes.typeOf(QuestEvent.ReviewFeedback.class)), 0);
    }
}
