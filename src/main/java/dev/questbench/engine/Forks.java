package dev.questbench.engine;

import dev.questbench.domain.Ids;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.SessionStatusIdle;
import dev.questbench.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a quest's transcript up to an event into a new quest. Events get new ids, so references between
 * them (tool results and confirmations to their tool use, pending ids) are rewritten to the copies.
 */
final class Forks {
    private static final int PAGE = 1_000;

    private Forks() {
    }

    static Quest fork(Store store, String questId, String upToEventId) {
        Quest source = store.quests().get(questId)
                .orElseThrow(() -> new IllegalArgumentException("No quest " + questId));
        if (store.journal().get(upToEventId).filter(e -> e.questId().equals(questId)).isEmpty()) {
            throw new IllegalArgumentException("Event " + upToEventId + " is not part of quest " + questId);
        }
        Instant now = Instant.now();
        Quest copy = new Quest(Ids.quest(), source.title() + " (fork)", source.prompt(), source.workspaceId(),
                source.backend(), source.model(), source.mode(), source.environment(), source.options(),
                false, false, true, now, now);
        store.quests().create(copy);
        Map<String, String> newIds = new HashMap<>();
        List<JournalEntry> batch = new ArrayList<>();
        String after = null;
        boolean done = false;
        while (!done) {
            List<JournalEntry> page = store.journal().readAfter(questId, after, PAGE);
            for (JournalEntry entry : page) {
                if (entry.event() instanceof QuestEvent.ExternalSession && !entry.id().equals(upToEventId)) {
                    continue; // an external agent's session belongs to the original; the fork opens its own
                }
                if (refersInto(entry.event(), batch)) {
                    flush(store, copy.id(), batch, newIds);
                }
                batch.add(entry);
                if (entry.id().equals(upToEventId)) {
                    done = true;
                    break;
                }
            }
            if (page.size() < PAGE) {
                done = true;
            } else {
                after = page.get(page.size() - 1).id();
            }
        }
        flush(store, copy.id(), batch, newIds);
        QuestStatus status = store.quests().summary(copy.id()).orElseThrow().status();
        if (status != QuestStatus.READY && status != QuestStatus.ERROR) {
            // A fork starts idle: whatever was under way or waiting belongs to the original.
            store.journal().append(copy.id(), SessionStatusIdle.stopped());
        }
        return store.quests().get(copy.id()).orElseThrow();
    }

    private static void flush(Store store, String questId, List<JournalEntry> batch, Map<String, String> newIds) {
        if (batch.isEmpty()) {
            return;
        }
        List<QuestEvent> events = batch.stream().map(entry -> rewrite(entry.event(), newIds)).toList();
        List<JournalEntry> written = store.journal().appendAll(questId, events);
        for (int i = 0; i < batch.size(); i++) {
            newIds.put(batch.get(i).id(), written.get(i).id());
        }
        batch.clear();
    }

    private static boolean refersInto(QuestEvent event, List<JournalEntry> batch) {
        List<String> refs = references(event);
        return !refs.isEmpty() && batch.stream().anyMatch(entry -> refs.contains(entry.id()));
    }

    private static List<String> references(QuestEvent event) {
        if (event instanceof QuestEvent.AgentToolResult result && result.toolUseId() != null) {
            return List.of(result.toolUseId());
        }
        if (event instanceof QuestEvent.UserToolConfirmation confirmation) {
            return List.of(confirmation.toolUseId());
        }
        if (event instanceof SessionStatusIdle idle && idle.requiresAction()) {
            return idle.stopReason().eventIds();
        }
        return List.of();
    }

    private static QuestEvent rewrite(QuestEvent event, Map<String, String> ids) {
        if (event instanceof QuestEvent.AgentToolResult r && r.toolUseId() != null) {
            return new QuestEvent.AgentToolResult(ids.getOrDefault(r.toolUseId(), r.toolUseId()), r.content(),
                    r.isError(), r.durationMs());
        }
        if (event instanceof QuestEvent.UserToolConfirmation c) {
            return new QuestEvent.UserToolConfirmation(ids.getOrDefault(c.toolUseId(), c.toolUseId()), c.result(),
                    c.denyMessage(), c.alwaysForQuest(), c.answer());
        }
        if (event instanceof SessionStatusIdle idle && idle.requiresAction()) {
            return SessionStatusIdle.requiresAction(
                    idle.stopReason().eventIds().stream().map(id -> ids.getOrDefault(id, id)).toList());
        }
        return event;
    }
}
