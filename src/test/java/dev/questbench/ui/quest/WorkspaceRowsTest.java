package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.QueueExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace's journal events in the conversation, from a real store: the worktree as an info line, the setup
 * script as one row however many batches it writes, a divider where files were reverted, and checkpoints as a mark
 * on their message instead of a line of their own.
 */
class WorkspaceRowsTest {
    private static final String WORKTREE = "/home/ana/.questbench/worktrees/shop/fix-login-k3";

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
        Quest quest = Quest.create("Fix login", "Fix login", null, QuestMode.AGENT, QuestEnvironment.WORKTREE,
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
    void aPageShowsTheWorktreeTheSetupScriptAndTheRevertAsTheirOwnRows() {
        store.journal().appendAll(id, List.of(QuestEvent.UserMessage.text("fix the login bug"),
                new QuestEvent.Checkpoint(1, "refs/questbench/" + id + "/1", "c0ffee1"),
                new QuestEvent.WorktreeCreated(WORKTREE, "questbench/fix-login-k3", "main", "abc1234def", true),
                new QuestEvent.SetupOutput("npm ci\n", null),
                new QuestEvent.SetupOutput("added 120 packages\n", null),
                new QuestEvent.SetupOutput("npm ERR! missing script: prepare\n", 3),
                QuestEvent.AgentMessage.text("Fixed."),
                new QuestEvent.Reverted(1, "c0ffee1", "5afe7y1")));

        conversation.show(id);

        assertEquals(List.of("Message", "Worktree", "Setup", "Message", "Reverted"), kinds(),
                "no line for the checkpoint, one row for three setup batches");
        TranscriptRow.Message prompt = (TranscriptRow.Message) conversation.rows().get(0);
        assertTrue(prompt.checkpoint(), "the prompt's turn has a checkpoint");
        assertFalse(((TranscriptRow.Message) conversation.rows().get(3)).checkpoint(), "agent messages have none");
        TranscriptRow.Worktree worktree = (TranscriptRow.Worktree) conversation.rows().get(1);
        assertEquals("Working in a worktree on branch questbench/fix-login-k3 (from main) · included your uncommitted"
                + " changes", WorktreeLine.text(worktree));
        assertEquals(WORKTREE, worktree.path(), "for the tooltip");
        TranscriptRow.Setup setup = (TranscriptRow.Setup) conversation.rows().get(2);
        assertEquals("npm ci\nadded 120 packages\nnpm ERR! missing script: prepare", setup.output());
        assertEquals("failed (exit 3)", SetupLine.outcome(setup));
        assertFalse(setup.expanded());
        assertEquals("Files reverted to before turn 1",
                RevertedDivider.headline((TranscriptRow.Reverted) conversation.rows().get(4)));

        conversation.toggleExpanded(setup.entry().id());
        assertTrue(((TranscriptRow.Setup) conversation.rows().get(2)).expanded(), "the output opens on click");
    }

    @Test
    void theSetupRowGrowsAsBatchesArriveAndSaysHowItEnded() throws Exception {
        store.journal().appendAll(id, List.of(QuestEvent.UserMessage.text("fix the login bug"),
                new QuestEvent.SessionStatusRunning(),
                new QuestEvent.WorktreeCreated(WORKTREE, "questbench/fix-login-k3", null, "abc1234def", false)));
        conversation.show(id);
        assertEquals("Working in a worktree on branch questbench/fix-login-k3 (from commit abc1234)",
                WorktreeLine.text(find(TranscriptRow.Worktree.class, row -> true)), "a detached start names the commit");
        assertFalse(find(TranscriptRow.Message.class, TranscriptRow.Message::fromUser).checkpoint());

        store.journal().append(id, new QuestEvent.SetupOutput("installing\n", null));
        fx.runUntil(() -> find(TranscriptRow.Setup.class, row -> true) != null, () -> "a setup row");
        assertEquals("running…", SetupLine.outcome(find(TranscriptRow.Setup.class, row -> true)));

        store.journal().append(id, new QuestEvent.SetupOutput("done installing\n", null));
        store.journal().append(id, new QuestEvent.SetupOutput("", 0));
        fx.runUntil(() -> find(TranscriptRow.Setup.class, row -> row.exitCode() != null) != null,
                () -> "the setup row ends: " + conversation.rows());
        TranscriptRow.Setup done = find(TranscriptRow.Setup.class, row -> true);
        assertEquals("finished", SetupLine.outcome(done));
        assertEquals("installing\ndone installing", done.output());
        assertEquals(1, conversation.rows().stream().filter(TranscriptRow.Setup.class::isInstance).count());

        store.journal().append(id, new QuestEvent.Checkpoint(1, "refs/questbench/" + id + "/1", "c0ffee1"));
        fx.runUntil(() -> find(TranscriptRow.Message.class, TranscriptRow.Message::checkpoint) != null,
                () -> "the checkpoint marks the prompt");
        assertEquals(List.of("Message", "Note", "Worktree", "Setup"), kinds(), "and adds no row");
    }

    @Test
    void aSetupThatNeverEndedSaysSoOnceTheQuestStopped() {
        store.journal().appendAll(id, List.of(QuestEvent.UserMessage.text("fix the login bug"),
                new QuestEvent.SessionStatusRunning(), new QuestEvent.SetupOutput("installing\n", null),
                new QuestEvent.Interrupted("Questbench stopped while this quest was running.")));
        conversation.show(id);
        assertEquals("did not finish", SetupLine.outcome(find(TranscriptRow.Setup.class, row -> true)));
    }

    @Test
    void aTurnThatEditedFilesEndsWithAChangesRowNamingThem() {
        List<dev.questbench.domain.event.JournalEntry> uses = store.journal().appendAll(id, List.of(
                QuestEvent.UserMessage.text("rename things"),
                new QuestEvent.AgentToolUse("Write", json("{\"file_path\":\"src/a.txt\",\"content\":\"a\"}"),
                        dev.questbench.domain.event.Decision.Permission.ALLOW),
                new QuestEvent.AgentToolUse("Edit", json("{\"file_path\":\"src/b.txt\"}"),
                        dev.questbench.domain.event.Decision.Permission.ALLOW),
                new QuestEvent.AgentToolUse("Read", json("{\"file_path\":\"src/c.txt\"}"),
                        dev.questbench.domain.event.Decision.Permission.ALLOW)));
        store.journal().appendAll(id, List.of(
                new QuestEvent.AgentToolResult(uses.get(1).id(), List.of(), false, 3L),
                new QuestEvent.AgentToolResult(uses.get(2).id(), List.of(), true, 3L), // the edit failed
                new QuestEvent.AgentToolResult(uses.get(3).id(), List.of(), false, 3L),
                QuestEvent.SessionStatusIdle.endTurn(),
                QuestEvent.UserMessage.text("thanks"),
                QuestEvent.SessionStatusIdle.endTurn()));

        conversation.show(id);

        List<TranscriptRow.Changes> changes = conversation.rows().stream()
                .filter(TranscriptRow.Changes.class::isInstance).map(TranscriptRow.Changes.class::cast).toList();
        assertEquals(1, changes.size(), "only the turn that changed files: " + kinds());
        assertEquals(List.of("src/a.txt"), changes.get(0).paths(), "failed edits and reads do not count");
        assertEquals("Changed 1 file: a.txt", ChangesLine.text(changes.get(0)));
        assertEquals("Context cleared: the agent starts fresh from here (/clear)",
                EntryText.text(new QuestEvent.ContextCleared()));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> kinds() {
        return conversation.rows().stream().map(row -> row.getClass().getSimpleName()).toList();
    }

    private <R extends TranscriptRow> R find(Class<R> kind, Predicate<R> test) {
        R found = null;
        for (TranscriptRow row : conversation.rows()) {
            if (kind.isInstance(row) && test.test(kind.cast(row))) {
                found = kind.cast(row);
            }
        }
        return found;
    }
}
