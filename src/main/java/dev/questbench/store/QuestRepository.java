package dev.questbench.store;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Quests and their summaries (derived status, last activity), with change notification. */
public final class QuestRepository {
    private final WriterThread writer;
    private final ReaderPool readers;
    private final Notifier notifier;
    private final BlobStore blobs;

    QuestRepository(WriterThread writer, ReaderPool readers, Notifier notifier, BlobStore blobs) {
        this.writer = writer;
        this.readers = readers;
        this.notifier = notifier;
        this.blobs = blobs;
    }

    /** Saves a new quest (status {@code READY} until events arrive). Durable on return. */
    public QuestSummary create(Quest quest) {
        Objects.requireNonNull(quest, "quest");
        return writer.submit("create quest " + quest.id(), context -> {
            PreparedStatement insert = context.prepare(QuestRows.INSERT);
            QuestRows.bindFields(insert, quest);
            insert.setLong(14, Times.toNanos(quest.createdAt()));
            insert.setString(15, QuestStatus.INITIAL.name());
            insert.setLong(16, Times.toNanos(quest.createdAt()));
            insert.executeUpdate();
            context.update("INSERT INTO quest_text (rowid, title, prompt) VALUES (?, ?, ?)", context.lastRowId(),
                    quest.title(), quest.prompt());
            return saved(context, quest.id());
        });
    }

    /** Saves changed fields (title, pinned, archived, read, options...). Durable on return. */
    public QuestSummary update(Quest quest) {
        Objects.requireNonNull(quest, "quest");
        return writer.submit("update quest " + quest.id(), context -> {
            PreparedStatement update = context.prepare(QuestRows.UPDATE);
            QuestRows.bindFields(update, quest);
            if (update.executeUpdate() == 0) {
                throw new StoreException("Cannot update quest " + quest.id() + ": it does not exist (it may have"
                        + " been deleted).");
            }
            long pk = pk(context, quest.id());
            context.update("DELETE FROM quest_text WHERE rowid = ?", pk);
            context.update("INSERT INTO quest_text (rowid, title, prompt) VALUES (?, ?, ?)", pk, quest.title(),
                    quest.prompt());
            return saved(context, quest.id());
        });
    }

    /** Deletes the quest and its journal. */
    public void delete(String questId) {
        writer.submit("delete quest " + questId, context -> {
            Long pk = pkOrNull(context, questId);
            if (pk == null) {
                return null; // already gone
            }
            // Contentless search rows are found by rowid, so remove them while the events still exist.
            context.update("DELETE FROM message_text WHERE rowid IN (" + SearchText.MESSAGE_ROWIDS_OF_QUEST + ")", pk,
                    questId);
            context.update("DELETE FROM quest_text WHERE rowid = ?", pk);
            context.update("DELETE FROM quests WHERE pk = ?", pk);
            context.touched(questId);
            return null;
        });
    }

    public Optional<Quest> get(String questId) {
        return summary(questId).map(QuestSummary::quest);
    }

    public Optional<QuestSummary> summary(String questId) {
        return readers.read("read quest " + questId, connection -> QuestRows.find(connection, questId));
    }

    /** Quests matching the query, pinned first, then in the query's order. */
    public List<QuestSummary> list(QuestQuery query) {
        QuestListSql sql = new QuestListSql(Objects.requireNonNull(query, "query"));
        return readers.read("list quests", connection -> {
            PreparedStatement statement = connection.prepare(sql.sql);
            for (int i = 0; i < sql.parameters.size(); i++) {
                statement.setObject(i + 1, sql.parameters.get(i));
            }
            List<QuestSummary> out = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(QuestRows.summary(rows));
                }
            }
            return out;
        });
    }

    /**
     * Delivers every committed change (creates, updates, deletes, and status or activity changes caused by
     * journal appends), in commit order, on the store's notification thread; never on the caller's.
     */
    public Subscription subscribe(Consumer<QuestChange> listener) {
        return notifier.onQuestChanges(Objects.requireNonNull(listener, "listener"));
    }

    /** Recomputes a quest's status, activity time, event count and message index from its journal. */
    QuestSummary rebuildDerived(String questId) {
        return writer.submit("rebuild quest " + questId, context -> {
            DerivedColumns.rebuild(context, questId, blobs);
            return saved(context, questId);
        });
    }

    private static QuestSummary saved(WriteContext context, String questId) throws SQLException {
        context.touched(questId);
        try (ResultSet row = selectById(context, questId)) {
            row.next();
            return QuestRows.summary(row);
        }
    }

    private static ResultSet selectById(WriteContext context, String questId) throws SQLException {
        PreparedStatement statement = context.prepare(QuestRows.BY_ID);
        statement.setString(1, questId);
        return statement.executeQuery();
    }

    static long pk(WriteContext context, String questId) throws SQLException {
        Long pk = pkOrNull(context, questId);
        if (pk == null) {
            throw new StoreException("Quest " + questId + " does not exist (it may have been deleted).");
        }
        return pk;
    }

    private static Long pkOrNull(WriteContext context, String questId) throws SQLException {
        PreparedStatement statement = context.prepare("SELECT pk FROM quests WHERE id = ?");
        statement.setString(1, questId);
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : null;
        }
    }
}
