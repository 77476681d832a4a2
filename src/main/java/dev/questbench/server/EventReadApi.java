package dev.questbench.server;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.store.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@code GET /sessions/{id}/events} (history, or SSE with {@code Accept: text/event-stream}) and
 * {@code GET /sessions/{id}/events/stream}: history first, then live, resumable with {@code Last-Event-ID} or
 * {@code ?after_id=}.
 */
final class EventReadApi {
    private static final int RECENT_MAX = 20_000;

    private final Store store;
    private final SessionsApi sessions;
    private final SessionStream stream;
    private final Map<String, String> recent = new ConcurrentHashMap<>();

    EventReadApi(Store store, SessionsApi sessions, SessionStream stream) {
        this.store = store;
        this.sessions = sessions;
        this.stream = stream;
    }

    void register(Router router, String base) {
        router.add("GET", base + "/sessions/{id}/events", ex -> {
            String accept = ex.header("Accept");
            if (accept != null && accept.contains("text/event-stream")) {
                stream(ex);
            } else {
                list(ex);
            }
        }).add("GET", base + "/sessions/{id}/events/stream", this::stream);
    }

    private void list(ApiExchange ex) {
        Page page = Page.parse(ex);
        String questId = ex.param(0);
        boolean descending = "desc".equalsIgnoreCase(ex.query("order"));
        if (ex.query("order") != null && !descending && !"asc".equalsIgnoreCase(ex.query("order"))) {
            throw ApiException.invalid("Field 'order' must be asc or desc.", "order");
        }
        if (store.quests().summary(questId).isEmpty()) { // as documented: an unknown session lists nothing
            ex.json(200, Page.envelope(List.of(), false));
            return;
        }
        Set<String> types = types(ex);
        int fetch = page.limit() + 1;
        List<JournalEntry> entries; // in reply order, at most limit + 1
        boolean trimFront = false;
        try {
            if (!types.isEmpty()) {
                entries = new ArrayList<>(store.journal().readByType(questId, types, 0));
                long afterSeq = page.after() == null ? (descending ? Long.MAX_VALUE : 0) : seq(page.after());
                long beforeSeq = page.before() == null ? (descending ? 0 : Long.MAX_VALUE) : seq(page.before());
                if (descending) {
                    entries.removeIf(e -> e.seq() >= afterSeq || e.seq() <= beforeSeq);
                    Collections.reverse(entries);
                } else {
                    entries.removeIf(e -> e.seq() <= afterSeq || e.seq() >= beforeSeq);
                }
                trimFront = page.before() != null;
            } else if (descending && page.before() != null) { // newer than the cursor, newest first
                entries = new ArrayList<>(store.journal().readAfter(questId, page.before(), 0));
                Collections.reverse(entries);
                trimFront = true;
            } else if (descending) { // from the end, or older than the cursor
                entries = new ArrayList<>(store.journal().readBefore(questId, page.after(), fetch));
                Collections.reverse(entries);
            } else if (page.before() != null) {
                entries = new ArrayList<>(store.journal().readBefore(questId, page.before(), fetch));
                trimFront = true;
            } else {
                entries = new ArrayList<>(store.journal().readAfter(questId, page.after(), fetch));
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("Unknown cursor: the event is not in this session.");
        }
        boolean more = entries.size() > page.limit();
        List<JournalEntry> slice = trimFront
                ? entries.subList(Math.max(0, entries.size() - page.limit()), entries.size())
                : entries.subList(0, Math.min(entries.size(), page.limit()));
        ex.json(200, Page.envelope(slice.stream().map(EventView::of).toList(), more));
    }

    private void stream(ApiExchange ex) throws IOException {
        String questId = sessions.summary(ex.param(0)).id();
        String after = ex.header("Last-Event-ID");
        if (after == null || after.isBlank()) {
            after = ex.query("after_id");
        }
        long afterSeq = 0;
        if (after != null && !after.isBlank()) {
            after = after.strip();
            Optional<JournalEntry> anchor = store.journal().get(after);
            if (anchor.isEmpty() || !anchor.get().questId().equals(questId)) {
                throw ApiException.invalid("Unknown event id to resume after: " + after + ".");
            }
            afterSeq = anchor.get().seq();
        } else {
            after = null;
        }
        SseOutput out = new SseOutput(ex.startStream("text/event-stream"));
        boolean deleted = stream.run(questId, after, afterSeq, out, (entry, sse) -> {
            sse.event(entry.id(), entry.type(), rendered(entry));
            return true;
        });
        if (deleted) {
            try {
                out.event(null, "session.deleted", ApiExchange.JSON.createObjectNode().put("type", "session.deleted")
                        .put("session_id", questId).toString());
                out.flush();
            } catch (IOException ignored) {
                // the client left too
            }
        }
        out.close();
    }

    /** The event's JSON, rendered once for all the streams that follow its session. */
    private String rendered(JournalEntry entry) {
        if (recent.size() > RECENT_MAX) {
            recent.clear();
        }
        return recent.computeIfAbsent(entry.id(), id -> EventView.of(entry).toString());
    }

    private long seq(String eventId) {
        if (eventId == null) {
            return 0;
        }
        return store.journal().get(eventId).map(JournalEntry::seq)
                .orElseThrow(() -> new IllegalArgumentException("no event " + eventId));
    }

    private static Set<String> types(ApiExchange ex) {
        String raw = ex.query("types");
        if (raw == null) {
            raw = ex.query("types[]");
        }
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
