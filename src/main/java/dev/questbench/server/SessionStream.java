package dev.questbench.server;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows one session for a stream: subscribes first, replays the journal after a given event, then writes live
 * entries as they commit. Entries are de-duplicated by sequence number, so the overlap between replay and live
 * delivery is sent once, in order. A heartbeat comment goes out when nothing else did for a while.
 */
final class SessionStream {
    /** Writes one entry; returns false to end the stream (e.g. the webhook stream after its turn ended). */
    @FunctionalInterface
    interface Frames {
        boolean write(JournalEntry entry, SseOutput out) throws IOException;
    }

    private static final int PAGE = 500;
    private static final Object DELETED = new Object();
    private static final Object STOPPED = new Object();

    private final Store store;
    private final SessionFeed feed;
    private final Duration heartbeat;

    SessionStream(Store store, SessionFeed feed, Duration heartbeat) {
        this.store = store;
        this.feed = feed;
        this.heartbeat = heartbeat;
    }

    /**
     * Streams until {@code frames} says stop, the session is deleted, the server stops or the client leaves.
     *
     * @param after the last event the client has (null: from the start); its sequence number is {@code afterSeq}
     * @return true when the session was deleted while streaming
     */
    boolean run(String questId, String after, long afterSeq, SseOutput out, Frames frames) {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Subscription subscription = feed.listen(questId, new SessionFeed.Listener() {
            @Override
            public void entries(List<JournalEntry> entries) {
                queue.addAll(entries);
            }

            @Override
            public void ended(boolean deleted) {
                queue.add(deleted ? DELETED : STOPPED);
            }
        });
        try {
            long last = afterSeq;
            String lastId = after;
            while (true) { // history first, page by page
                List<JournalEntry> page = store.journal().readAfter(questId, lastId, PAGE);
                for (JournalEntry entry : page) {
                    if (!frames.write(entry, out)) {
                        out.flush();
                        return false;
                    }
                    last = entry.seq();
                    lastId = entry.id();
                }
                out.flush();
                if (page.size() < PAGE) {
                    break;
                }
            }
            return follow(queue, last, out, frames);
        } catch (IOException | IllegalArgumentException e) {
            return false; // the client left, or the session went away while reading its history
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            subscription.close();
        }
    }

    private boolean follow(BlockingQueue<Object> queue, long afterSeq, SseOutput out, Frames frames)
            throws IOException, InterruptedException {
        long last = afterSeq;
        long heartbeatNanos = heartbeat.toNanos();
        while (true) {
            Object item = queue.poll(heartbeatNanos, TimeUnit.NANOSECONDS);
            if (item == null) {
                out.comment("heartbeat");
                out.flush();
                continue;
            }
            do {
                if (item == DELETED) {
                    out.flush();
                    return true;
                }
                if (item == STOPPED) {
                    out.flush();
                    return false;
                }
                JournalEntry entry = (JournalEntry) item;
                if (entry.seq() > last) {
                    if (!frames.write(entry, out)) {
                        out.flush();
                        return false;
                    }
                    last = entry.seq();
                }
                item = queue.poll();
            } while (item != null);
            out.flush();
        }
    }
}
