package dev.questbench.store;

import dev.questbench.domain.Ids;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The append-only event journal: the single source of truth for each quest's transcript and status.
 * Appends go through the store's one writer thread; an append returns only when its events are committed,
 * so an acknowledged event survives {@code kill -9}. Bodies over 64 KiB are kept as blob files.
 * A {@code limit} of 0 means no limit.
 */
public final class EventJournal {
    private static final String SELECT = "SELECT " + EventRows.COLUMNS + " FROM events ";
    static final String MESSAGE_TEXT_INSERT = "INSERT INTO message_text (rowid, text) VALUES (?, ?)";

    private final WriterThread writer;
    private final ReaderPool readers;
    private final Notifier notifier;
    private final EventRows rows;

    EventJournal(WriterThread writer, ReaderPool readers, Notifier notifier, BlobStore blobs) {
        this.writer = writer;
        this.readers = readers;
        this.notifier = notifier;
        this.rows = new EventRows(blobs);
    }

    /** Appends one event; returns it with its {@code evt_} id and the quest's next sequence number. */
    public JournalEntry append(String questId, QuestEvent event) {
        return appendAll(questId, List.of(event)).get(0);
    }

    /** Appends several events of one quest in one transaction, in order. */
    public List<JournalEntry> appendAll(String questId, List<? extends QuestEvent> events) {
        Objects.requireNonNull(questId, "questId");
        if (events.isEmpty()) {
            return List.of();
        }
        List<EventRows.Prepared> prepared = new ArrayList<>(events.size());
        for (QuestEvent event : events) {
            prepared.add(rows.prepare(Objects.requireNonNull(event, "event")));
        }
        return writer.submitAppend("save events of quest " + questId, context -> insert(context, questId, prepared));
    }

    /** Up to {@code limit} events after the given event id (null: from the start), oldest first. */
    public List<JournalEntry> readAfter(String questId, String afterEventId, int limit) {
        return readers.read("read the journal", connection -> {
            long after = afterEventId == null ? 0 : seqOf(connection, questId, afterEventId);
            PreparedStatement statement = connection.prepare(
                    SELECT + "WHERE quest_id = ? AND seq > ? ORDER BY seq LIMIT ?");
            statement.setString(1, questId);
            statement.setLong(2, after);
            statement.setInt(3, sqlLimit(limit));
            return rows.entries(statement);
        });
    }

    /** Up to {@code limit} events before the given event id (null: from the end), oldest first. */
    public List<JournalEntry> readBefore(String questId, String beforeEventId, int limit) {
        return readers.read("read the journal", connection -> {
            long before = beforeEventId == null ? Long.MAX_VALUE : seqOf(connection, questId, beforeEventId);
            PreparedStatement statement = connection.prepare(
                    SELECT + "WHERE quest_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?");
            statement.setString(1, questId);
            statement.setLong(2, before);
            statement.setInt(3, sqlLimit(limit));
            List<JournalEntry> newestFirst = rows.entries(statement);
            Collections.reverse(newestFirst);
            return newestFirst;
        });
    }

    /** The last {@code limit} events, oldest first: what a transcript shows first. */
    public List<JournalEntry> readLast(String questId, int limit) {
        return readBefore(questId, null, limit);
    }

    /** Events of the given wire types, oldest first. */
    public List<JournalEntry> readByType(String questId, Set<String> types, int limit) {
        if (types.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(types.size(), "?"));
        return readers.read("read the journal", connection -> {
            PreparedStatement statement = connection.prepare(
                    SELECT + "WHERE quest_id = ? AND type IN (" + marks + ") ORDER BY seq LIMIT ?");
            int index = 1;
            statement.setString(index++, questId);
            for (String type : types) {
                statement.setString(index++, type);
            }
            statement.setInt(index, sqlLimit(limit));
            return rows.entries(statement);
        });
    }

    public Optional<JournalEntry> get(String eventId) {
        return readers.read("read the journal", connection -> {
            PreparedStatement statement = connection.prepare(SELECT + "WHERE id = ?");
            statement.setString(1, eventId);
            return rows.entries(statement).stream().findFirst();
        });
    }

    /** How many events the quest's journal holds (0 for an unknown quest). */
    public long count(String questId) {
        return readers.read("count events", connection -> {
            PreparedStatement statement = connection.prepare("SELECT event_count FROM quests WHERE id = ?");
            statement.setString(1, questId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : 0L;
            }
        });
    }

    /** Delivers each committed batch of entries (all quests), in commit order, on the notification thread. */
    public Subscription subscribe(Consumer<List<JournalEntry>> listener) {
        return notifier.onEntries(Objects.requireNonNull(listener, "listener"));
    }

    /** On the writer: numbers the events after the quest's last one and folds its status, in one transaction. */
    private static List<JournalEntry> insert(WriteContext context, String questId, List<EventRows.Prepared> events)
            throws SQLException {
        QuestHeads.Head head = context.head(questId);
        QuestSummary before = head.summary();
        QuestStatus status = before.status();
        long seq = before.eventCount();
        long inputTokens = before.inputTokens();
        long outputTokens = before.outputTokens();
        Instant now = Instant.now();
        long nowNanos = Times.toNanos(now);
        List<JournalEntry> entries = new ArrayList<>(events.size());
        PreparedStatement insert = context.prepare(EventRows.INSERT);
        for (EventRows.Prepared event : events) {
            String id = Ids.event();
            seq++;
            status = status.next(event.event());
            if (event.event() instanceof QuestEvent.ModelRequestEnd end && end.usage() != null) {
                inputTokens += end.usage().inputTokens();
                outputTokens += end.usage().outputTokens();
            }
            insert.setString(1, id);
            insert.setString(2, questId);
            insert.setLong(3, seq);
            insert.setString(4, event.event().type());
            insert.setLong(5, nowNanos);
            insert.setString(6, event.body());
            insert.setString(7, event.blobRef());
            insert.executeUpdate();
            if (event.searchText() != null) {
                context.indexLater(SearchText.messageRowid(head.pk, seq), event.searchText());
            }
            entries.add(new JournalEntry(id, questId, seq, now, event.event()));
        }
        // The quests row and the message text are written once per batch by the writer (QuestHeads.flush).
        head.advance(new QuestSummary(before.quest(), status, now, seq, inputTokens, outputTokens));
        context.appended(entries);
        context.touched(questId);
        return entries;
    }

    private static long seqOf(CachingConnection connection, String questId, String eventId) throws SQLException {
        PreparedStatement statement = connection.prepare("SELECT seq FROM events WHERE id = ? AND quest_id = ?");
        statement.setString(1, eventId);
        statement.setString(2, questId);
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalArgumentException("no event " + eventId + " in quest " + questId);
            }
            return row.getLong(1);
        }
    }

    private static int sqlLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (no limit) or more, not " + limit);
        }
        return limit == 0 ? -1 : limit; // SQLite reads a negative LIMIT as none
    }
}
