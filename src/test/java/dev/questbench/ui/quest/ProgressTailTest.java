package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** Merging a running tool's live pieces with its journaled chunks; tails; change previews. */
class ProgressTailTest {

    @Test
    void aJournaledChunkRemovesWhatItRepeatsOfTheLivePieces() {
        ProgressTail tail = new ProgressTail();
        tail.live("a\n");
        tail.live("b\n");
        tail.live("c\n");
        assertEquals("a\nb\nc\n", tail.text());
        tail.journaled("a\nb\n");
        assertEquals("a\nb\nc\n", tail.text(), "nothing twice");
        tail.journaled("c\n");
        tail.live("d\n");
        assertEquals("a\nb\nc\nd\n", tail.text());
    }

    @Test
    void openedMidRunTheFirstChunkOverlapsTheLivePiecesItEndsWith() {
        ProgressTail tail = new ProgressTail();
        tail.live("3\n"); // pieces 1 and 2 went out before this view listened
        tail.live("4\n");
        tail.journaled("1\n2\n3\n");
        assertEquals("1\n2\n3\n4\n", tail.text());
    }

    @Test
    void onlyTheJournalWithoutLivePieces() {
        ProgressTail tail = new ProgressTail();
        tail.journaled("x\n");
        tail.journaled("y\n");
        assertEquals("x\ny\n", tail.text());
        assertFalse(tail.trimmed());
        tail.journaled("z".repeat(20_000));
        assertTrue(tail.trimmed(), "only the end is kept");
        assertTrue(tail.text().length() <= 16_384);
    }

    @Test
    void tailsKeepTheLastLinesAndDiffsTheirStart() {
        OutputTail short_ = OutputTail.of("one\ntwo\n\n", false);
        assertEquals("one\ntwo", short_.text());
        assertFalse(short_.truncated());
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            many.append("+line ").append(i).append('\n');
        }
        OutputTail diff = OutputTail.of(many.toString(), true);
        assertTrue(diff.text().startsWith("+line 1\n"));
        assertTrue(diff.truncated());
        OutputTail last = OutputTail.of(many.toString(), false);
        assertTrue(last.text().startsWith("+line 111\n") && last.text().endsWith("+line 150"), last.text());
    }

    @Test
    void writeAndEditApprovalsPreviewTheChangeCapped() {
        ToolInput edit = ToolInput.of("Edit", JsonNodeFactory.instance.objectNode().put("file_path", "src/App.java")
                .put("old_string", "int a = 1;").put("new_string", "int a = 2;\nint b = 3;").put("replace_all", true));
        assertEquals("src/App.java", edit.subject());
        assertEquals("-int a = 1;\n+int a = 2;\n+int b = 3;", edit.preview());
        assertTrue(edit.diff());
        assertEquals("{\"replace_all\":true}", edit.rest(), "the strings are in the preview, not repeated");

        StringBuilder content = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            content.append("row ").append(i).append('\n');
        }
        ToolInput write = ToolInput.of("Write", JsonNodeFactory.instance.objectNode().put("file_path", "out.csv")
                .put("content", content.toString()));
        assertEquals("out.csv", write.subject());
        assertFalse(write.diff());
        assertEquals(ToolInput.PREVIEW_LINES + 1, write.preview().lines().count());
        assertTrue(write.preview().endsWith("… 61 more lines"), write.preview());
        assertEquals("", write.rest());

        ToolInput bash = ToolInput.of("Bash", JsonNodeFactory.instance.objectNode().put("command", "ls"));
        assertEquals("", bash.preview(), "only changes get a preview");
    }
}
