package dev.questbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.EventJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Maps rows of the {@code quests} table to {@link Quest} and {@link QuestSummary} and back. */
final class QuestRows {
    private static final System.Logger LOG = System.getLogger(QuestRows.class.getName());
    static final String COLUMNS = "q.id, q.title, q.prompt, q.workspace_id, q.backend, q.model, q.mode,"
            + " q.environment, q.options, q.pinned, q.archived, q.read, q.created_at, q.updated_at, q.status,"
            + " q.last_activity_at, q.event_count, q.input_tokens, q.output_tokens";
    static final String BY_ID = "SELECT " + COLUMNS + " FROM quests q WHERE q.id = ?";
    static final String INSERT = "INSERT INTO quests (title, prompt, workspace_id, backend, model, mode,"
            + " environment, options, pinned, archived, read, updated_at, id, created_at, status,"
            + " last_activity_at, event_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    static final String UPDATE = "UPDATE quests SET title = ?, prompt = ?, workspace_id = ?, backend = ?,"
            + " model = ?, mode = ?, environment = ?, options = ?, pinned = ?, archived = ?, read = ?,"
            + " updated_at = ? WHERE id = ?";

    private static final String DEFAULT_OPTIONS = json(QuestOptions.DEFAULT);

    private QuestRows() {
    }

    static QuestSummary summary(ResultSet row) throws SQLException {
        Quest quest = new Quest(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), QuestMode.valueOf(row.getString(7)),
                QuestEnvironment.valueOf(row.getString(8)), options(row.getString(9)), row.getBoolean(10),
                row.getBoolean(11), row.getBoolean(12), Times.fromNanos(row.getLong(13)),
                Times.fromNanos(row.getLong(14)));
        return new QuestSummary(quest, QuestStatus.valueOf(row.getString(15)), Times.fromNanos(row.getLong(16)),
                row.getLong(17), row.getLong(18), row.getLong(19));
    }

    static Optional<QuestSummary> find(CachingConnection connection, String questId) throws SQLException {
        PreparedStatement statement = connection.prepare(BY_ID);
        statement.setString(1, questId);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(summary(rows)) : Optional.empty();
        }
    }

    /** What listeners should hear about a quest as the current transaction leaves it. */
    static QuestChange change(CachingConnection connection, String questId) throws SQLException {
        return find(connection, questId).<QuestChange>map(QuestChange.Upserted::new)
                .orElseGet(() -> new QuestChange.Deleted(questId));
    }

    /** Binds the editable fields (parameters 1–12) and the id (13), as {@link #INSERT} and {@link #UPDATE} expect. */
    static void bindFields(PreparedStatement statement, Quest quest) throws SQLException {
        statement.setString(1, quest.title());
        statement.setString(2, quest.prompt());
        statement.setString(3, quest.workspaceId());
        statement.setString(4, quest.backend());
        statement.setString(5, quest.model());
        statement.setString(6, quest.mode().name());
        statement.setString(7, quest.environment().name());
        statement.setString(8, json(quest.options()));
        statement.setBoolean(9, quest.pinned());
        statement.setBoolean(10, quest.archived());
        statement.setBoolean(11, quest.read());
        statement.setLong(12, Times.toNanos(quest.updatedAt()));
        statement.setString(13, quest.id());
    }

    private static String json(QuestOptions options) {
        try {
            return EventJson.mapper().writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write quest options", e);
        }
    }

    private static QuestOptions options(String json) {
        if (DEFAULT_OPTIONS.equals(json)) {
            return QuestOptions.DEFAULT; // most quests: skips a JSON parse per row in long lists
        }
        try {
            return EventJson.mapper().readValue(json, QuestOptions.class);
        } catch (JsonProcessingException e) {
            // One damaged field must not hide the whole quest list.
            LOG.log(System.Logger.Level.WARNING, "unreadable quest options, showing defaults: " + json, e);
            return QuestOptions.DEFAULT;
        }
    }
}
