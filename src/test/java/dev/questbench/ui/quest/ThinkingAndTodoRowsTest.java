package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.TodoUpdated.TodoItem;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.QueueExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thinking and to-do lists in the conversation, from a real store: thinking is a collapsed line that opens on
 * toggle; a turn's to-do lists are one checklist row that updates in place, a new turn starts another; the agent's
 * messages are parsed as Markdown before they reach the FX thread.
 */
class ThinkingAndTodoRowsTest {
    @TempDir
    Path dir;
    private final QueueExecutor fx = new QueueExecutor();
    private Store store;
    private ConversationViewModel conversation;
    private String id;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
        conversation = new ConversationViewModel(store, new DirectTaskRunner(), fx);
        Quest quest = Quest.create("Paging", "Add paging", null, QuestMode.AGENT, QuestEnvironment.LOCAL,
                Instant.now());
        store.quests().create(quest);
        id = quest.id();
    }

    @AfterEach
    void close() {
        conversation.close();
        store.close();
    }

    @Test
    void thinkingIsACollapsedLineThatOpensOnToggle() {
        store.journal().appendAll(id, List.of(QuestEvent.UserMessage.text("add paging"),
                new QuestEvent.AgentThinking("The table has 10k rows, so page on the server."),
                new QuestEvent.AgentThinking(null)));
        conversation.show(id);

        TranscriptRow.Thinking first = (TranscriptRow.Thinking) conversation.rows().get(1);
        assertFalse(first.expanded(), "collapsed at first");
        assertEquals("The table has 10k rows, so page on the server.", first.text());
        assertEquals("", ((TranscriptRow.Thinking) conversation.rows().get(2)).text(), "no reasoning given");

        conversation.toggleExpanded(first.entry().id());
        assertTrue(((TranscriptRow.Thinking) conversation.rows().get(1)).expanded());
        conversation.toggleExpanded(first.entry().id());
        assertFalse(((TranscriptRow.Thinking) conversation.rows().get(1)).expanded());
    }

    @Test
    void aTurnsToDoListsAreOneChecklistUpdatedInPlace() throws Exception {
        store.journal().appendAll(id, List.of(QuestEvent.UserMessage.text("add paging"),
                todos("pending", "pending", "pending"), QuestEvent.AgentMessage.text("Starting.")));
        conversation.show(id);
        assertEquals(List.of("Message", "Todos", "Message"), kinds());
        assertEquals(0, ((TranscriptRow.Todos) conversation.rows().get(1)).done());

        store.journal().appendAll(id, List.of(todos("completed", "in_progress", "pending")));
        fx.runUntil(() -> ((TranscriptRow.Todos) conversation.rows().get(1)).done() == 1, () -> "one done");
        store.journal().appendAll(id, List.of(todos("completed", "completed", "in_progress")));
        fx.runUntil(() -> ((TranscriptRow.Todos) conversation.rows().get(1)).done() == 2, () -> "two done");
        assertEquals(List.of("Message", "Todos", "Message"), kinds(), "no new rows: the checklist updated in place");
        TranscriptRow.Todos card = (TranscriptRow.Todos) conversation.rows().get(1);
        assertEquals("in_progress", card.items().get(2).status());

        store.journal().appendAll(id, List.of(QuestEvent.UserMessage.text("now sort it"),
                todos("pending", "pending", "pending")));
        fx.runUntil(() -> conversation.rows().size() == 5, () -> "the next turn: " + kinds());
        assertEquals(List.of("Message", "Todos", "Message", "Message", "Todos"), kinds(), "a new turn, a new list");
        assertEquals(2, ((TranscriptRow.Todos) conversation.rows().get(1)).done(), "the first stays as it ended");
    }

    @Test
    void agentMessagesAreParsedAheadOfTheFxThread() throws Exception {
        store.journal().appendAll(id, List.of(QuestEvent.UserMessage.text("add paging"),
                QuestEvent.AgentMessage.text("## Done\n\n- paging")));
        conversation.show(id);
        TranscriptRow.Message reply = (TranscriptRow.Message) conversation.rows().get(1);
        assertTrue(conversation.markdown().contains(reply.entry().id(), reply.text()), "parsed with the page");

        var later = store.journal().appendAll(id, List.of(new QuestEvent.AgentMessage(
                ContentBlock.textList("**More**")))).get(0);
        fx.runUntil(() -> conversation.rows().size() == 3, () -> "the new message");
        assertTrue(conversation.markdown().contains(later.id(), "**More**"),
                "parsed as it was journaled, before it crossed to the FX thread (no cell asked for it)");
    }

    private static QuestEvent todos(String... states) {
        String[] names = {"Add page size", "Add next link", "Test it"};
        List<TodoItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            items.add(new TodoItem(names[i], states[i], "Doing " + names[i]));
        }
        return new QuestEvent.TodoUpdated(items);
    }

    private List<String> kinds() {
        return conversation.rows().stream().map(row -> row.getClass().getSimpleName()).toList();
    }
}
