package dev.questbench.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Quests waiting for a worker: pinned quests first, then first come, first served. Not thread-safe. */
final class AdmissionQueue {
    private final PriorityQueue<Ticket> queue = new PriorityQueue<>(
            Comparator.comparing(Ticket::pinned).reversed().thenComparingLong(Ticket::order));
    private long nextOrder;

    record Ticket(String questId, boolean pinned, long order, Work work) {
    }

    void add(String questId, boolean pinned, Work work) {
        queue.add(new Ticket(questId, pinned, nextOrder++, work));
    }

    Ticket poll() {
        return queue.poll();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Takes a quest's ticket out (pause or stop before it started); returns whether there was one. */
    boolean remove(String questId) {
        return queue.removeIf(ticket -> ticket.questId().equals(questId));
    }

    boolean contains(String questId) {
        return queue.stream().anyMatch(ticket -> ticket.questId().equals(questId));
    }

    /** Quest ids in admission order, for the board's "Queued" position hints. */
    List<String> order() {
        List<Ticket> tickets = new ArrayList<>(queue);
        tickets.sort(queue.comparator());
        return tickets.stream().map(Ticket::questId).toList();
    }
}
