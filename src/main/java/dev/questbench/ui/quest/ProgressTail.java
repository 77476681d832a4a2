package dev.questbench.ui.quest;

/**
 * A running tool's output as far as it is known: the journaled chunks, plus the pieces streamed live that no
 * chunk has carried yet. Each live piece reaches the view before the chunk that journals it, so a chunk removes
 * what it repeats from the front of the live text; only the end is kept, as only the tail is shown.
 */
final class ProgressTail {
    private static final int KEEP = 16_384;

    private final StringBuilder journaled = new StringBuilder();
    private final StringBuilder unconfirmed = new StringBuilder();
    private boolean trimmed;

    /** A chunk from the journal. */
    void journaled(String chunk) {
        if (chunk == null || chunk.isEmpty()) {
            return;
        }
        append(journaled, chunk);
        if (unconfirmed.length() == 0) {
            return;
        }
        String live = unconfirmed.toString();
        if (live.startsWith(chunk)) {
            unconfirmed.delete(0, chunk.length());
            return;
        }
        // Opened mid-run: the chunk starts with pieces from before this view listened, and ends with the first
        // pieces it saw live.
        for (int k = Math.min(chunk.length(), live.length()); k > 0; k--) {
            if (chunk.regionMatches(chunk.length() - k, live, 0, k)) {
                unconfirmed.delete(0, k);
                return;
            }
        }
    }

    /** A piece streamed live (not journaled yet). */
    void live(String piece) {
        if (piece != null && !piece.isEmpty()) {
            unconfirmed.append(piece);
            if (unconfirmed.length() > 4 * KEEP) { // the journal fell far behind: stop waiting for it
                append(journaled, unconfirmed.toString());
                unconfirmed.setLength(0);
            }
        }
    }

    String text() {
        return unconfirmed.length() == 0 ? journaled.toString() : journaled + unconfirmed.toString();
    }

    /** Whether output was dropped from the front to keep this small. */
    boolean trimmed() {
        return trimmed;
    }

    private void append(StringBuilder target, String text) {
        target.append(text);
        if (target.length() > KEEP) {
            target.delete(0, target.length() - KEEP);
            trimmed = true;
        }
    }
}
