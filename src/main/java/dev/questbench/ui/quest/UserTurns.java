package dev.questbench.ui.quest;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the user's messages are in the conversation's rows, for the side-rail locator and Alt+Up / Alt+Down:
 * each turn's row index and its first line, and the turn before or after a row.
 */
record UserTurns(List<Turn> turns, int rowCount) {
    private static final int FIRST_LINE = 90;

    /** One user message: its row and its first line (cut at 90 characters). */
    record Turn(int index, String firstLine) {
    }

    static UserTurns of(List<TranscriptRow> rows) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof TranscriptRow.Message message && message.fromUser()) {
                turns.add(new Turn(i, firstLine(message.text())));
            }
        }
        return new UserTurns(List.copyOf(turns), rows.size());
    }

    /** Where a turn's tick sits on the rail, from 0 (top) to 1 (bottom). */
    double fraction(Turn turn) {
        return rowCount <= 1 ? 0 : (double) turn.index() / (rowCount - 1);
    }

    /** The row of the last user message before {@code row}, or -1. */
    int previous(int row) {
        int found = -1;
        for (Turn turn : turns) {
            if (turn.index() >= row) {
                break;
            }
            found = turn.index();
        }
        return found;
    }

    /** The row of the first user message after {@code row}, or -1. */
    int next(int row) {
        for (Turn turn : turns) {
            if (turn.index() > row) {
                return turn.index();
            }
        }
        return -1;
    }

    static String firstLine(String text) {
        String stripped = text == null ? "" : text.strip();
        int end = stripped.indexOf('\n');
        String line = (end < 0 ? stripped : stripped.substring(0, end)).strip();
        return line.length() > FIRST_LINE ? line.substring(0, FIRST_LINE - 1) + "…" : line;
    }
}
