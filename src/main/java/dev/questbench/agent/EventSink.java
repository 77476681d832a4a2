package dev.questbench.agent;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;

/** Where a session reports what it does: the journal first, then live listeners. */
public interface EventSink {

    /** Appends the event to the quest's journal (durable on return) and returns it with its id. */
    JournalEntry emit(QuestEvent event);

    /**
     * Hands a streaming piece (e.g. {@code agent.content_block_delta}) to live listeners without journaling
     * it; the final {@code agent.message} that follows is the authoritative record.
     */
    void stream(QuestEvent delta);
}
