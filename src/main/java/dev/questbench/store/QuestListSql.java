package dev.questbench.store;

import dev.questbench.domain.QuestStatus;
import java.util.ArrayList;
import java.util.List;

/** Builds the SQL and parameters for one {@link QuestQuery}: filters, full-text words, pinned-first order. */
final class QuestListSql {
    /** Quests (by pk) with a word in their title or prompt, or in one of their messages. */
    private static final String WORD_MATCH = "q.pk IN (SELECT rowid FROM quest_text WHERE quest_text MATCH ?"
            + " UNION ALL SELECT rowid >> 32 FROM message_text WHERE message_text MATCH ?)";

    final String sql;
    final List<Object> parameters = new ArrayList<>();

    QuestListSql(QuestQuery query) {
        StringBuilder out = new StringBuilder("SELECT ").append(QuestRows.COLUMNS).append(" FROM quests q");
        if (query.groupByWorkspace()) {
            out.append(" LEFT JOIN workspaces w ON w.id = q.workspace_id");
        }
        out.append(" WHERE 1 = 1");
        if (QuestQuery.NO_WORKSPACE.equals(query.workspaceId())) {
            out.append(" AND q.workspace_id IS NULL");
        } else if (query.workspaceId() != null) {
            out.append(" AND q.workspace_id = ?");
            parameters.add(query.workspaceId());
        }
        if (!query.statuses().isEmpty()) {
            out.append(" AND q.status IN (");
            String separator = "";
            for (QuestStatus status : query.statuses()) {
                out.append(separator).append('?');
                parameters.add(status.name());
                separator = ", ";
            }
            out.append(')');
        }
        if (!query.includeArchived()) {
            out.append(" AND q.archived = 0");
        }
        // Each word must appear somewhere in the quest: its title or prompt, or any of its messages.
        for (String term : SearchText.prefixTerms(query.text())) {
            out.append(" AND ").append(WORD_MATCH);
            parameters.add(term);
            parameters.add(term);
        }
        out.append(" ORDER BY ");
        if (query.groupByWorkspace()) {
            // Named groups alphabetically, quests with no workspace last; pinned first within each group.
            out.append("w.name IS NULL, w.name COLLATE NOCASE, q.workspace_id, ");
        }
        out.append("q.pinned DESC, ").append(order(query.sort())).append(", q.pk DESC");
        if (query.limit() > 0) {
            out.append(" LIMIT ?");
            parameters.add(query.limit());
        }
        sql = out.toString();
    }

    private static String order(QuestSort sort) {
        return switch (sort) {
            case RECENT_ACTIVITY -> "q.last_activity_at DESC";
            case CREATED -> "q.created_at DESC";
            case TITLE -> "q.title COLLATE NOCASE";
            case STATUS -> statusRank() + ", q.last_activity_at DESC";
        };
    }

    /** Statuses in their declaration order (Queued, Running, Action Required…), as the board reads them. */
    private static String statusRank() {
        StringBuilder out = new StringBuilder("CASE q.status");
        for (QuestStatus status : QuestStatus.values()) {
            out.append(" WHEN '").append(status.name()).append("' THEN ").append(status.ordinal());
        }
        return out.append(" END").toString();
    }
}
