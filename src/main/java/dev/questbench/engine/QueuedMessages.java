package dev.questbench.engine;

import dev.questbench.domain.Ids;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Messages sent while a turn runs. They live in the journal as {@code quest.message_queued} events (so they
 * survive restarts) and are folded into the current queue here.
 */
public final class QueuedMessages {
    private static final Set<String> TYPES = Set.of("quest.message_queued", "quest.queued_message_changed",
            "quest.queued_message_delivered");

    private QueuedMessages() {
    }

    /** One queued bubble. */
    public record Queued(String queueId, List<ContentBlock> content) {
        public String text() {
            return ContentBlock.plainText(content);
        }
    }

    static void enqueue(Store store, String questId, List<ContentBlock> content) {
        store.journal().append(questId, new QuestEvent.MessageQueued("qm_" + Ids.ulid(), content));
    }

    /** Edits ({@code content} set) or removes (null) a queued message that has not been delivered yet. */
    static void edit(Store store, String questId, String queueId, List<ContentBlock> content) {
        boolean waiting = pending(store, questId).stream().anyMatch(queued -> queued.queueId().equals(queueId));
        if (!waiting) {
            throw new IllegalStateException("That message was already delivered to the agent or removed.");
        }
        store.journal().append(questId, new QuestEvent.QueuedMessageChanged(queueId, content));
    }

    static List<Queued> pending(Store store, String questId) {
        Map<String, List<ContentBlock>> queue = new LinkedHashMap<>();
        for (JournalEntry entry : store.journal().readByType(questId, TYPES, 0)) {
            QuestEvent event = entry.event();
            if (event instanceof QuestEvent.MessageQueued queued) {
                queue.put(queued.queueId(), queued.content());
            } else if (event instanceof QuestEvent.QueuedMessageChanged changed) {
                if (changed.content() == null) {
                    queue.remove(changed.queueId());
                } else {
                    queue.replace(changed.queueId(), changed.content());
                }
            } else if (event instanceof QuestEvent.QueuedMessageDelivered delivered) {
                queue.remove(delivered.queueId());
            }
        }
        List<Queued> out = new ArrayList<>();
        queue.forEach((id, content) -> out.add(new Queued(id, content)));
        return out;
    }
}
