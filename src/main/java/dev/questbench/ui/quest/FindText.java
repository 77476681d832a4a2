package dev.questbench.ui.quest;

/** The text Find in Quest searches in a transcript row: messages, lines, and a tool step's tool and input. */
final class FindText {
    private FindText() {
    }

    static String of(TranscriptRow row) {
        if (row instanceof TranscriptRow.Message message) {
            return message.text() == null ? "" : message.text();
        }
        if (row instanceof TranscriptRow.Note note) {
            return note.text() == null ? "" : note.text();
        }
        if (row instanceof TranscriptRow.Streaming streaming) {
            return streaming.text() == null ? "" : streaming.text();
        }
        if (row instanceof TranscriptRow.Step step) {
            return step.tool() + " " + (step.input() == null || step.input().subject() == null ? "" : step.input().subject());
        }
        if (row instanceof TranscriptRow.Changes changes) {
            return String.join(" ", changes.paths());
        }
        return "";
    }
}
