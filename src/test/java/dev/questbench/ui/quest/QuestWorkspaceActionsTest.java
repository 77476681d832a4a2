package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.WorkspaceEngine;
import dev.questbench.workspace.env.GitRepos;
import dev.questbench.workspace.env.WorktreeInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Move to local and Delete on Worktree quests, through the real executor with its workspace side, real git
 * repositories and worktrees, and a scripted agent that writes a file in its folder.
 */
class QuestWorkspaceActionsTest {
    @TempDir
    Path dir;
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private Path repo;
    private Store store;
    private WorkspaceEngine engine;
    private QuestActions actions;

    @BeforeEach
    void open() {
        repo = GitRepos.withCommit(dir.resolve("shop"));
        store = Store.open(dir.resolve("data"));
        engine = new WorkspaceEngine(store, QuestWorkspaceActionsTest::agent);
        actions = new QuestActions(engine.executor(), engine.workspaces(), new DirectTaskRunner(), dialogs, id -> { });
    }

    @AfterEach
    void close() {
        engine.close();
        store.close();
    }

    private static TurnResult agent(ScriptedBackend.Turn turn) throws Exception {
        Files.writeString(turn.context().workingDirectory().resolve("login.txt"), "fixed\n");
        return new TurnResult.EndTurn();
    }

    @Test
    void moveToLocalIsOfferedForWorktreeQuestsOnlyAndBringsTheBranchIntoTheWorkspace() throws Exception {
        String id = worktreeQuest();
        Quest local = Quest.create("Local", "Local", store.workspaces().open(repo.toString()).id(), QuestMode.AGENT,
                QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(local);
        QuestSummary worktree = summary(id);
        assertTrue(QuestAction.MOVE_TO_LOCAL.offeredFor(worktree));
        assertFalse(QuestAction.MOVE_TO_LOCAL.offeredFor(summary(local.id())), "not listed for a Local quest");
        assertTrue(actions.commandsFor(new SimpleObjectProperty<>(worktree)).moveToLocal().executableProperty().get());
        assertFalse(actions.commandsFor(new SimpleObjectProperty<>(summary(local.id()))).moveToLocal()
                .executableProperty().get());
        assertFalse(new QuestActions(engine.executor(), new DirectTaskRunner(), dialogs, q -> { })
                .canPerform(QuestAction.MOVE_TO_LOCAL, worktree), "nothing to move with without the workspace side");
        String branch = engine.workspaces().worktrees().worktreeOf(id).map(WorktreeInfo::branch).orElseThrow();

        actions.perform(QuestAction.MOVE_TO_LOCAL, worktree);

        assertEquals(QuestEnvironment.LOCAL, store.quests().get(id).orElseThrow().environment());
        assertEquals(branch, GitRepos.git(repo, "symbolic-ref", "--short", "HEAD").strip());
        assertEquals("fixed\n", Files.readString(repo.resolve("login.txt")), "the quest's change came along");
        assertEquals(1, dialogs.infos.size());
        assertEquals("Moved to local: “Fix login” now works in your workspace, on branch " + branch
                + ". Its worktree was removed.", dialogs.infos.get(0));
        assertFalse(QuestAction.MOVE_TO_LOCAL.offeredFor(summary(id)), "a Local quest now");
    }

    @Test
    void moveToLocalShowsTheEnginesReasonWhenTheWorkspaceIsDirty() throws Exception {
        String id = worktreeQuest();
        GitRepos.write(repo, "b.txt", "my own edit\n");
        dialogs.failOnError = false;

        actions.perform(QuestAction.MOVE_TO_LOCAL, summary(id));

        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Move to local failed: Your workspace has uncommitted changes "
                + "(1 file, e.g. b.txt)"), dialogs.errors.get(0));
        assertEquals(QuestEnvironment.WORKTREE, store.quests().get(id).orElseThrow().environment());
        assertTrue(dialogs.infos.isEmpty());
    }

    @Test
    void deletingAWorktreeWithUnsavedWorkAsksAgainAndDeletesOnlyOnTheSecondYes() throws Exception {
        String id = worktreeQuest();
        Path worktree = engine.workspaces().worktrees().worktreeOf(id).orElseThrow().path();

        dialogs.nextAnswers.add(true);
        dialogs.nextAnswers.add(false);
        actions.perform(QuestAction.DELETE, summary(id));
        assertEquals(2, dialogs.confirmations);
        assertTrue(dialogs.asked.get(0).contains("Its worktree is removed too"), dialogs.asked.get(0));
        assertTrue(dialogs.asked.get(1).startsWith("Delete “Fix login” and its work?: The worktree has 1 uncommitted "
                + "file. Deleting it loses this work. Delete anyway? [Delete anyway]"), dialogs.asked.get(1));
        assertTrue(store.quests().get(id).isPresent(), "Cancel keeps the quest");
        assertTrue(Files.isDirectory(worktree), "and its worktree");

        dialogs.nextAnswers.add(true);
        dialogs.nextAnswers.add(true);
        actions.perform(QuestAction.DELETE, summary(id));
        assertEquals(4, dialogs.confirmations);
        assertTrue(store.quests().get(id).isEmpty(), "deleted");
        assertFalse(Files.exists(worktree), "with its worktree");
    }

    @Test
    void deletingALocalQuestAsksOnceAndLeavesTheWorkspaceAlone() throws Exception {
        String id = engine.executor().create(WorkspaceEngine.quest(store, repo, "Tidy up", QuestEnvironment.LOCAL))
                .id();
        awaitReady(id);
        dialogs.confirmAnswer = true;

        actions.perform(QuestAction.DELETE, summary(id));

        assertEquals(1, dialogs.confirmations);
        assertTrue(dialogs.asked.get(0).endsWith("Files in the workspace are not touched. [Delete]"),
                dialogs.asked.get(0));
        assertTrue(store.quests().get(id).isEmpty());
        assertEquals("fixed\n", Files.readString(repo.resolve("login.txt")), "the files stay");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A Worktree quest "Fix login" whose agent wrote login.txt in its worktree, Ready. */
    private String worktreeQuest() throws Exception {
        Quest quest = WorkspaceEngine.quest(store, repo, "Fix login", QuestEnvironment.WORKTREE);
        String id = engine.executor().create(quest).id();
        awaitReady(id);
        assertTrue(engine.workspaces().worktrees().worktreeOf(id).isPresent(), "a worktree was made");
        return id;
    }

    private void awaitReady(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (summary(id).status() != QuestStatus.READY) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready: " + summary(id).status());
            }
            Thread.sleep(10);
        }
    }

    private QuestSummary summary(String id) {
        return store.quests().summary(id).orElseThrow();
    }
}
