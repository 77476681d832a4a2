package dev.questbench.store;

import dev.questbench.domain.event.JournalEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One write inside the writer's current transaction: its statements, plus what it changed, which the
 * writer publishes only once the transaction commits.
 */
final class WriteContext {
    private final CachingConnection connection;
    private final QuestHeads heads;
    private final List<JournalEntry> appended = new ArrayList<>();
    private final Set<String> touchedQuests = new LinkedHashSet<>();

    WriteContext(CachingConnection connection, QuestHeads heads) {
        this.connection = connection;
        this.heads = heads;
    }

    PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepare(sql);
    }

    /** Runs an update with these parameters; returns the changed row count. */
    int update(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = prepare(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement.executeUpdate();
    }

    /** The quest's journal head as this transaction leaves it; only for journal appends (see {@link QuestHeads}). */
    QuestHeads.Head head(String questId) throws SQLException {
        return heads.get(connection, questId);
    }

    /** Indexes message text before the commit, with the batch's other text (see {@link QuestHeads#flush}). */
    void indexLater(long messageRowid, String text) {
        heads.addSearchText(messageRowid, text);
    }

    /** The rowid of the last row this connection inserted. */
    long lastRowId() throws SQLException {
        try (ResultSet rows = prepare("SELECT last_insert_rowid()").executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Entries to deliver to journal listeners after the commit. */
    void appended(List<JournalEntry> entries) {
        appended.addAll(entries);
    }

    /** A quest whose row changed (or vanished); its listeners hear about it after the commit. */
    void touched(String questId) {
        touchedQuests.add(questId);
    }

    List<JournalEntry> appended() {
        return appended;
    }

    Set<String> touchedQuests() {
        return touchedQuests;
    }
}
