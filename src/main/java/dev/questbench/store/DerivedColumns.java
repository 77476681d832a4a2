package dev.questbench.store;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.QuestEvent;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Recomputes a quest's derived columns (status, last activity, event count) and its message search rows
 * from the journal alone: for recovery, and to prove the columns kept on append agree with the fold.
 */
final class DerivedColumns {
    private DerivedColumns() {
    }

    static void rebuild(WriteContext context, String questId, BlobStore blobs) throws SQLException {
        long questPk = QuestRepository.pk(context, questId);
        PreparedStatement created = context.prepare("SELECT created_at FROM quests WHERE pk = ?");
        created.setLong(1, questPk);
        long lastActivity;
        try (ResultSet row = created.executeQuery()) {
            row.next();
            lastActivity = row.getLong(1);
        }
        context.update("DELETE FROM message_text WHERE rowid IN (" + SearchText.MESSAGE_ROWIDS_OF_QUEST + ")", questPk,
                questId);
        PreparedStatement events = context.prepare(
                "SELECT seq, processed_at, body, blob_ref FROM events WHERE quest_id = ? ORDER BY seq");
        events.setString(1, questId);
        QuestStatus status = QuestStatus.INITIAL;
        long count = 0;
        long inputTokens = 0;
        long outputTokens = 0;
        try (ResultSet rows = events.executeQuery()) {
            while (rows.next()) {
                QuestEvent event = EventJson.read(body(rows.getString(3), rows.getString(4), blobs));
                status = status.next(event);
                if (event instanceof QuestEvent.ModelRequestEnd end && end.usage() != null) {
                    inputTokens += end.usage().inputTokens();
                    outputTokens += end.usage().outputTokens();
                }
                count++;
                lastActivity = Math.max(lastActivity, rows.getLong(2));
                String text = SearchText.of(event);
                if (text != null) {
                    long rowid = SearchText.messageRowid(questPk, rows.getLong(1));
                    context.update(EventJournal.MESSAGE_TEXT_INSERT, rowid, text);
                }
            }
        }
        context.update("UPDATE quests SET status = ?, event_count = ?, last_activity_at = ?, input_tokens = ?,"
                + " output_tokens = ? WHERE pk = ?", status.name(), count, lastActivity, inputTokens, outputTokens,
                questPk);
    }

    private static String body(String inline, String blobRef, BlobStore blobs) {
        return inline != null ? inline : new String(blobs.get(blobRef), StandardCharsets.UTF_8);
    }
}
