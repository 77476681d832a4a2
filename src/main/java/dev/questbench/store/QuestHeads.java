package dev.questbench.store;

import dev.questbench.domain.QuestSummary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The writer's memory of the quests it recently appended to: each one's row pk and summary as the current
 * transaction leaves it. An append then reads no row, a batch writes each quest's derived columns once, and the
 * quest changes it publishes need no SELECT. It also holds the batch's message text until {@link #flush}, which
 * indexes it in rowid order. Only journal appends use it; the writer flushes and clears it before any other write
 * and clears it after any rollback, so it never holds anything the database does not.
 */
final class QuestHeads {
    /** Enough for every quest of the largest batch; older clean entries are dropped after each flush. */
    private static final int MAX_KEPT = 2_048;
    private static final String LOAD = "SELECT " + QuestRows.COLUMNS + ", q.pk FROM quests q WHERE q.id = ?";
    private static final String SAVE = "UPDATE quests SET status = ?, event_count = ?, last_activity_at = ?,"
            + " input_tokens = ?, output_tokens = ? WHERE pk = ?";

    /** One quest's journal head: its pk and its summary with this transaction's appends folded in. */
    static final class Head {
        final long pk;
        private QuestSummary summary;
        private boolean dirty;

        private Head(long pk, QuestSummary summary) {
            this.pk = pk;
            this.summary = summary;
        }

        QuestSummary summary() {
            return summary;
        }

        /** The summary after an append; its derived columns are written at the next {@link #flush}. */
        void advance(QuestSummary next) {
            summary = next;
            dirty = true;
        }
    }

    private final LinkedHashMap<String, Head> heads = new LinkedHashMap<>(64, 0.75f, true);
    private final List<SearchRow> searchRows = new ArrayList<>();

    private record SearchRow(long rowid, String text) {
    }

    /** The quest's head, read from its row the first time; fails if the quest does not exist. */
    Head get(CachingConnection connection, String questId) throws SQLException {
        Head head = heads.get(questId);
        if (head != null) {
            return head;
        }
        PreparedStatement load = connection.prepare(LOAD);
        load.setString(1, questId);
        try (ResultSet row = load.executeQuery()) {
            if (!row.next()) {
                throw new StoreException("Cannot save events: quest " + questId + " does not exist (it may have"
                        + " been deleted).");
            }
            head = new Head(row.getLong(20), QuestRows.summary(row));
        }
        heads.put(questId, head);
        return head;
    }

    /** Message text to index at the next flush, under its message_text rowid. */
    void addSearchText(long rowid, String text) {
        searchRows.add(new SearchRow(rowid, text));
    }

    /** Writes the derived columns of every quest appended to since the last flush, once per quest, and the text. */
    void flush(CachingConnection connection) throws SQLException {
        if (!searchRows.isEmpty()) {
            // FTS5 starts a new segment whenever a rowid is below the previous one in the transaction: rows of
            // interleaved quests, inserted as they come, would write a segment every few rows.
            searchRows.sort(Comparator.comparingLong(SearchRow::rowid));
            PreparedStatement insert = connection.prepare(EventJournal.MESSAGE_TEXT_INSERT);
            for (SearchRow row : searchRows) {
                insert.setLong(1, row.rowid());
                insert.setString(2, row.text());
                insert.executeUpdate();
            }
            searchRows.clear();
        }
        for (Head head : heads.values()) {
            if (head.dirty) {
                QuestSummary summary = head.summary;
                PreparedStatement save = connection.prepare(SAVE);
                save.setString(1, summary.status().name());
                save.setLong(2, summary.eventCount());
                save.setLong(3, Times.toNanos(summary.lastActivityAt()));
                save.setLong(4, summary.inputTokens());
                save.setLong(5, summary.outputTokens());
                save.setLong(6, head.pk);
                save.executeUpdate();
                head.dirty = false;
            }
        }
        Iterator<Head> eldest = heads.values().iterator();
        for (int extra = heads.size() - MAX_KEPT; extra > 0; extra--) {
            eldest.next();
            eldest.remove();
        }
    }

    /** The committed-to-be change of a quest known here, or null when only its row can tell. */
    QuestChange change(String questId) {
        Head head = heads.get(questId);
        return head == null ? null : new QuestChange.Upserted(head.summary);
    }

    /** Forgets everything: before a write that may change quest rows behind our back, and after a rollback. */
    void clear() {
        heads.clear();
        searchRows.clear();
    }
}
