package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.QueueExecutor;
import dev.questbench.ui.testing.WorkspaceEngine;
import dev.questbench.workspace.env.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revert and Edit and resend from the user's messages, through the real executor with its workspace side and a
 * scripted agent that edits files in a real git repository ("write X" puts X in a.txt).
 */
class MessageActionsTest {
    @TempDir
    Path dir;
    private final QueueExecutor fx = new QueueExecutor();
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<String> editorSaw = new AtomicReference<>();
    private final AtomicReference<Optional<String>> editorGives = new AtomicReference<>(Optional.empty());
    private Path repo;
    private Store store;
    private WorkspaceEngine engine;
    private ConversationViewModel conversation;
    private MessageActions messages;

    @BeforeEach
    void open() {
        repo = GitRepos.withCommit(dir.resolve("shop"));
        store = Store.open(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        release.countDown();
        conversation.close();
        engine.close();
        store.close();
    }

    private void start(Map<String, String> env) {
        engine = new WorkspaceEngine(store, this::agent, env);
        conversation = new ConversationViewModel(store, engine.executor(), new DirectTaskRunner(), fx);
        messages = new MessageActions(store, engine.workspaces(), new DirectTaskRunner(), dialogs,
                conversation.questIdProperty(), conversation.statusProperty(), text -> {
                    editorSaw.set(text);
                    return editorGives.get();
                });
    }

    private TurnResult agent(ScriptedBackend.Turn turn) throws Exception {
        if (turn.text().startsWith("write ")) {
            Files.writeString(turn.context().workingDirectory().resolve("a.txt"), turn.text().substring(6));
        } else if (turn.text().contains("long")) {
            release.await(10, TimeUnit.SECONDS);
        }
        turn.emit(QuestEvent.AgentMessage.text("Done: " + turn.text()));
        return new TurnResult.EndTurn();
    }

    @Test
    void revertFromAMessageRestoresTheFilesBeforeItsTurnAfterAsking() throws Exception {
        start(System.getenv());
        String id = begin(repo, "write one");
        engine.executor().send(id, "write two");
        await(id, () -> userMessages(id).size() == 2 && markedMessages() == 2);
        assertEquals("two", a());
        assertNull(messages.unavailableProperty().get(), "git works and the quest is idle");
        String second = userMessages(id).get(1).id();

        dialogs.confirmAnswer = false;
        messages.revert(second);
        assertEquals("two", a(), "nothing happens without the user's yes");
        assertTrue(dialogs.asked.get(0).contains("Restore the workspace files to how they were before this message? "
                + "Changes made since then are saved in a safety snapshot."), dialogs.asked.get(0));

        dialogs.confirmAnswer = true;
        messages.revert(second);
        assertEquals("one", a(), "back to the files before turn 2");
        List<JournalEntry> reverted = store.journal().readByType(id, Set.of("quest.reverted"), 0);
        assertEquals(1, reverted.size());
        assertEquals(2, ((QuestEvent.Reverted) reverted.get(0).event()).turn());
        fx.runUntil(() -> conversation.rows().stream().anyMatch(row -> row instanceof TranscriptRow.Reverted divider
                && divider.turn() == 2), () -> "a divider in " + conversation.rows());
    }

    @Test
    void editAndResendRevertsToThatTurnThenSendsTheEditedText() throws Exception {
        start(System.getenv());
        String id = begin(repo, "write one");
        engine.executor().send(id, "write two");
        await(id, () -> userMessages(id).size() == 2);
        String first = userMessages(id).get(0).id();

        editorGives.set(Optional.empty());
        messages.editAndResend(first, "write one");
        assertEquals("write one", editorSaw.get(), "the editor starts with the message");
        assertEquals(0, dialogs.confirmations, "cancelled in the editor: nothing to confirm");

        editorGives.set(Optional.of("  write three \n"));
        dialogs.confirmAnswer = false;
        messages.editAndResend(first, "write one");
        assertEquals(2, userMessages(id).size(), "declined: nothing sent");
        assertTrue(dialogs.asked.get(0).contains("files go back to how they were before this message"),
                dialogs.asked.get(0));

        dialogs.confirmAnswer = true;
        messages.editAndResend(first, "write one");
        await(id, () -> userMessages(id).size() == 3);
        assertEquals(List.of("write one", "write two", "write three"), userMessages(id).stream()
                .map(entry -> ContentBlock.plainText(((QuestEvent.UserMessage) entry.event()).content())).toList());
        assertEquals(id + ":send:write three", engine.backend.calls.get(engine.backend.calls.size() - 1));
        assertEquals("three", a());
        QuestEvent.Reverted reverted = (QuestEvent.Reverted) store.journal()
                .readByType(id, Set.of("quest.reverted"), 0).get(0).event();
        assertEquals(1, reverted.turn(), "reverted to before the edited message");
        assertEquals(List.of(1, 2, 3), store.journal().readByType(id, Set.of("quest.checkpoint"), 0).stream()
                .map(entry -> ((QuestEvent.Checkpoint) entry.event()).turn()).toList());
    }

    @Test
    void withoutGitTheActionsAreOffAndSayWhy() throws Exception {
        start(Map.of("PATH", "/nonexistent"));
        String id = begin(repo, "write one");
        assertEquals(0, markedMessages(), "no checkpoint without git");
        String why = messages.unavailableProperty().get();
        assertTrue(why != null && why.startsWith("Git is not installed"), why);

        dialogs.confirmAnswer = true;
        editorGives.set(Optional.of("write two"));
        messages.revert(userMessages(id).get(0).id());
        messages.editAndResend(userMessages(id).get(0).id(), "write one");
        assertEquals(0, dialogs.confirmations, "nothing is offered");
        assertNull(editorSaw.get());
        assertEquals("one", a());
    }

    @Test
    void whileTheAgentWorksTheActionsWaitAndSaySo() throws Exception {
        start(System.getenv());
        String id = engine.executor().create(WorkspaceEngine.quest(store, repo, "a long job",
                QuestEnvironment.LOCAL)).id();
        conversation.show(id);
        fx.runUntil(() -> conversation.statusProperty().get() == QuestStatus.RUNNING, () -> "running");
        assertTrue(messages.unavailableProperty().get().startsWith("The agent is working"),
                messages.unavailableProperty().get());
        dialogs.confirmAnswer = true;
        messages.revert(userMessages(id).get(0).id());
        assertEquals(0, dialogs.confirmations);

        release.countDown();
        fx.runUntil(() -> conversation.statusProperty().get() == QuestStatus.READY, () -> "ready");
        assertNull(messages.unavailableProperty().get());
    }

    @Test
    void withoutTheWorkspaceSideTheActionsSayCheckpointsAreUnavailable() {
        start(System.getenv());
        MessageActions none = new MessageActions(store, null, new DirectTaskRunner(), dialogs,
                conversation.questIdProperty(), conversation.statusProperty(), text -> Optional.of(text));
        assertEquals("Checkpoints are not available in this window, so files cannot be reverted.",
                none.unavailableProperty().get());
    }

    @Test
    void aRevertTheEngineRefusesShowsItsMessageAsItIs() throws Exception {
        start(System.getenv());
        String id = begin(null, "just talk"); // no folder, so no checkpoint
        dialogs.failOnError = false;
        dialogs.confirmAnswer = true;
        messages.revert(userMessages(id).get(0).id());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Reverting failed: No checkpoint was taken before turn 1"),
                dialogs.errors.get(0));
        assertTrue(store.journal().readByType(id, Set.of("quest.reverted"), 0).isEmpty());
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Starts a Local quest in {@code folder} with this prompt, shows it, and waits for the turn to end. */
    private String begin(Path folder, String prompt) throws Exception {
        String id = engine.executor().create(WorkspaceEngine.quest(store, folder, prompt, QuestEnvironment.LOCAL))
                .id();
        conversation.show(id);
        await(id, () -> !userMessages(id).isEmpty());
        return id;
    }

    /** Waits until every message was answered, the quest is Ready (in the conversation too) and the condition holds. */
    private void await(String id, java.util.function.BooleanSupplier condition) throws Exception {
        fx.runUntil(() -> store.quests().summary(id).orElseThrow().status() == QuestStatus.READY
                && store.journal().readByType(id, Set.of("agent.message"), 0).size() == userMessages(id).size()
                && conversation.statusProperty().get() == QuestStatus.READY
                && condition.getAsBoolean(), () -> "status " + conversation.statusProperty().get() + ", rows "
                + conversation.rows());
    }

    private List<JournalEntry> userMessages(String id) {
        return store.journal().readByType(id, Set.of("user.message"), 0);
    }

    private long markedMessages() {
        return conversation.rows().stream().filter(row -> row instanceof TranscriptRow.Message message
                && message.checkpoint()).count();
    }

    private String a() throws Exception {
        return Files.readString(repo.resolve("a.txt")).strip();
    }
}
