package dev.questbench.store;

import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Maps rows of the {@code events} table to {@link JournalEntry}, reading blob-backed bodies transparently. */
final class EventRows {
    /** Bodies larger than this (UTF-8 bytes) live in a blob file; the row keeps only its reference. */
    static final int MAX_INLINE_BODY = 64 * 1024;
    static final String COLUMNS = "id, quest_id, seq, processed_at, body, blob_ref";
    static final String INSERT = "INSERT INTO events (id, quest_id, seq, type, processed_at, body, blob_ref)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final BlobStore blobs;

    EventRows(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** An event ready for the writer: serialised, its large body already in a durable blob, its text extracted. */
    record Prepared(QuestEvent event, String body, String blobRef, String searchText) {
    }

    /** Done on the caller's thread, so the writer only inserts. */
    Prepared prepare(QuestEvent event) {
        String json = EventJson.write(event);
        String searchText = SearchText.of(event);
        // A UTF-16 char is at most 3 UTF-8 bytes, so short strings skip the byte count.
        if (json.length() * 3L > MAX_INLINE_BODY) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_INLINE_BODY) {
                return new Prepared(event, null, blobs.put(bytes), searchText);
            }
        }
        return new Prepared(event, json, null, searchText);
    }

    JournalEntry entry(ResultSet row) throws SQLException {
        String body = row.getString(5);
        if (body == null) {
            body = new String(blobs.get(row.getString(6)), StandardCharsets.UTF_8);
        }
        QuestEvent event;
        try {
            event = EventJson.read(body);
        } catch (IllegalArgumentException e) {
            throw new StoreException("Event " + row.getString(1) + " of quest " + row.getString(2)
                    + " is unreadable (" + e.getMessage() + "); the journal row is kept as it is.", e);
        }
        return new JournalEntry(row.getString(1), row.getString(2), row.getLong(3),
                Times.fromNanos(row.getLong(4)), event);
    }

    List<JournalEntry> entries(PreparedStatement statement) throws SQLException {
        List<JournalEntry> out = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.add(entry(rows));
            }
        }
        return out;
    }
}
