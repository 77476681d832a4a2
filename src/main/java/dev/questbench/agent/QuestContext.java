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
 */
public record QuestContext(Quest quest, Path workingDirectory, List<JournalEntry> history, EventSink sink,
                           TurnControl control) {
    public QuestContext {
        Objects.requireNonNull(quest, "quest");
        history = history == null ? List.of() : List.copyOf(history);
        Objects.requireNonNull(sink, "sink");
        control = control == null ? TurnControl.NONE : control;
    }
}
