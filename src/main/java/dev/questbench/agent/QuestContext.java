package dev.questbench.agent;

import dev.questbench.domain.Quest;
import dev.questbench.domain.event.JournalEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a backend needs to run a quest.
 *
 * @param workingDirectory the folder the agent works in (the workspace or its worktree), or null for none
 * @param history          the quest's journal so far, oldest first, so a session can resume or continue a fork
 * @param journal          reads what others journaled since (a revert, review feedback, answers), so a long-lived
 *                         session can catch up at the start of each turn
 */
public record QuestContext(Quest quest, Path workingDirectory, List<JournalEntry> history, EventSink sink,
                           TurnControl control, JournalReader journal) {
    public QuestContext {
        Objects.requireNonNull(quest, "quest");
        history = history == null ? List.of() : List.copyOf(history);
        Objects.requireNonNull(sink, "sink");
        control = control == null ? TurnControl.NONE : control;
        journal = journal == null ? afterEventId -> List.of() : journal;
    }

    public QuestContext(Quest quest, Path workingDirectory, List<JournalEntry> history, EventSink sink,
                        TurnControl control) {
        this(quest, workingDirectory, history, sink, control, null);
    }

    /** The quest's journal entries after an event id (all of them for null), oldest first. */
    @FunctionalInterface
    public interface JournalReader {
        List<JournalEntry> after(String afterEventId);
    }
}
