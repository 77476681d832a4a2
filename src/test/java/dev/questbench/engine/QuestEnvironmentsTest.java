package dev.questbench.engine;

import static dev.questbench.workspace.env.GitRepos.commitAll;
import static dev.questbench.workspace.env.GitRepos.git;
import static dev.questbench.workspace.env.GitRepos.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.workspace.env.GitRepos;
import dev.questbench.workspace.env.RemoveResult;
import dev.questbench.workspace.env.WorkspaceSettings;
import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worktree and Local quests through the real executor, a real store and real git repositories. */
class QuestEnvironmentsTest {
    @TempDir
    Path temp;
    private Store store;
    private Path repo;
    private final List<Path> workingDirectories = new CopyOnWriteArrayList<>();
    private QuestExecutor executor;
    private QuestEnvironments environments;

    @BeforeEach
    void setUp() {
        store = Store.open(temp.resolve("data"));
        repo = GitRepos.withCommit(temp.resolve("app"));
        startExecutor(() -> GitRepos.GIT);
    }

    @AfterEach
    void tearDown() {
        executor.close();
        store.close();
    }

    private void startExecutor(Supplier<Git> git) {
        ScriptedBackend backend = new ScriptedBackend(turn -> {
            workingDirectories.add(turn.context().workingDirectory());
            return new TurnResult.EndTurn();
        });
        executor = new QuestExecutor(store, List.of(backend), Notifier.NONE);
        environments = new QuestEnvironments(store, git, store.dataDir().resolve("worktrees"));
        executor.setWorkingDirectories(environments);
        executor.start();
    }

    private String start(Path folder, QuestEnvironment environment, QuestOptions.Worktree options) {
        String workspaceId = store.workspaces().open(folder.toString()).id();
        Quest quest = Quest.create("Fix the login bug", "Fix the login bug", workspaceId, QuestMode.AGENT,
                environment, Instant.now());
        quest = quest.withBackend(ScriptedBackend.KIND, null, quest.createdAt())
                .withOptions(QuestOptions.DEFAULT.withWorktree(options), quest.createdAt());
        return executor.create(quest).id();
    }

    private void awaitStatus(String questId, QuestStatus expected) {
        EngineFixture.await(() -> status(questId) == expected, () -> "status " + status(questId) + ", expected "
                + expected + "; events " + events(questId).stream().map(JournalEntry::type).toList());
    }

    private QuestStatus status(String questId) {
        return store.quests().summary(questId).orElseThrow().status();
    }

    private List<JournalEntry> events(String questId) {
        return store.journal().readAfter(questId, null, 10_000);
    }

    private <T extends QuestEvent> List<T> events(String questId, Class<T> type) {
        return events(questId).stream().map(JournalEntry::event).filter(type::isInstance).map(type::cast).toList();
    }

    private String errorMessage(String questId) {
        QuestEvent.SessionError error = events(questId, QuestEvent.SessionError.class).get(0);
        assertTrue(error.error().retryable(), "the quest can be retried");
        return error.error().message();
    }

    @Test
    void aWorktreeQuestWorksInItsWorktreeAndFindsItAgainAfterARestart() {
        write(repo, "a.txt", "uncommitted edit\n");
        store.settings().set(WorkspaceSettings.setupScript(store.workspaces().open(repo.toString()).id()),
                "echo preparing the worktree");

        String id = start(repo, QuestEnvironment.WORKTREE, new QuestOptions.Worktree(null, true));
        awaitStatus(id, QuestStatus.READY);

        QuestEvent.WorktreeCreated created = events(id, QuestEvent.WorktreeCreated.class).get(0);
        Path worktree = Path.of(created.path());
        assertEquals(List.of(worktree), workingDirectories);
        assertTrue(worktree.startsWith(store.dataDir().resolve("worktrees")), worktree.toString());
        assertTrue(created.branch().startsWith("questbench/fix-the-login-bug-"), created.branch());
        assertEquals("main", created.baseBranch());
        assertTrue(created.includedUncommitted());
        assertEquals("uncommitted edit\n", GitRepos.read(worktree.resolve("a.txt")));
        List<QuestEvent.SetupOutput> setup = events(id, QuestEvent.SetupOutput.class);
        assertEquals("preparing the worktree\n", setup.get(0).text());
        assertEquals(0, setup.get(setup.size() - 1).exitCode());

        executor.close();
        startExecutor(() -> GitRepos.GIT);
        executor.send(id, "and the logout bug");
        EngineFixture.await(() -> workingDirectories.size() == 2, () -> "second turn never opened a session");
        awaitStatus(id, QuestStatus.READY);

        assertEquals(worktree, workingDirectories.get(1));
        assertEquals(1, events(id, QuestEvent.WorktreeCreated.class).size());
    }

    @Test
    void aFailingSetupScriptIsJournaledAndTheQuestStillRuns() {
        store.settings().set(WorkspaceSettings.setupScript(store.workspaces().open(repo.toString()).id()),
                "echo 'cannot install'; exit 4");

        String id = start(repo, QuestEnvironment.WORKTREE, null);
        awaitStatus(id, QuestStatus.READY);

        List<QuestEvent.SetupOutput> setup = events(id, QuestEvent.SetupOutput.class);
        QuestEvent.SetupOutput last = setup.get(setup.size() - 1);
        assertEquals(4, last.exitCode());
        assertTrue(last.text().contains("exit status 4"), last.text());
        assertEquals("cannot install\n", setup.get(0).text());
        assertEquals(1, workingDirectories.size(), "the agent ran in the worktree all the same");
    }

    @Test
    void aLocalQuestWorksInTheWorkspaceFolder() {
        String id = start(repo, QuestEnvironment.LOCAL, null);
        awaitStatus(id, QuestStatus.READY);

        assertEquals(List.of(Path.of(store.workspaces().open(repo.toString()).path())), workingDirectories);
        assertTrue(events(id, QuestEvent.WorktreeCreated.class).isEmpty());
    }

    @Test
    void aWorkspaceInsideABiggerRepositoryWorksInTheSameFolderOfTheWorktree() {
        write(repo, "packages/web/index.js", "x\n");
        commitAll(repo, "web");

        String id = start(repo.resolve("packages/web"), QuestEnvironment.WORKTREE, null);
        awaitStatus(id, QuestStatus.READY);

        Path worktree = Path.of(events(id, QuestEvent.WorktreeCreated.class).get(0).path());
        assertEquals(List.of(worktree.resolve("packages/web")), workingDirectories);
    }

    @Test
    void aWorktreeQuestInAFolderWithoutGitEndsInARetryableError() throws IOException {
        Path plain = Files.createDirectories(temp.resolve("plain folder"));

        String id = start(plain, QuestEnvironment.WORKTREE, null);
        awaitStatus(id, QuestStatus.ERROR);

        String message = errorMessage(id);
        assertTrue(message.startsWith("Worktree needs a git repository"), message);
        assertTrue(message.contains("start the quest in Local mode"), message);
        assertTrue(workingDirectories.isEmpty(), "no agent session was opened");
    }

    @Test
    void missingGitEndsInARetryableErrorSayingHowToInstallIt() {
        executor.close();
        startExecutor(() -> Git.locate(Map.of("PATH", "/nonexistent")));

        String id = start(repo, QuestEnvironment.WORKTREE, null);
        awaitStatus(id, QuestStatus.ERROR);

        assertTrue(errorMessage(id).startsWith("Git is not installed"), errorMessage(id));
    }

    @Test
    void aRemovedWorktreeComesBackFromItsBranchButNotWhenTheBranchIsGoneToo() throws IOException {
        String id = start(repo, QuestEnvironment.WORKTREE, null);
        awaitStatus(id, QuestStatus.READY);
        QuestEvent.WorktreeCreated created = events(id, QuestEvent.WorktreeCreated.class).get(0);
        Path worktree = Path.of(created.path());
        write(worktree, "work.txt", "kept\n");
        commitAll(worktree, "agent work");
        deleteTree(worktree);

        executor.close();
        startExecutor(() -> GitRepos.GIT);
        executor.send(id, "continue");
        EngineFixture.await(() -> workingDirectories.size() == 2, () -> "no session after the restart");
        awaitStatus(id, QuestStatus.READY);
        assertEquals(worktree, workingDirectories.get(workingDirectories.size() - 1));
        assertEquals("kept\n", GitRepos.read(worktree.resolve("work.txt")));

        deleteTree(worktree);
        git(repo, "worktree", "prune");
        git(repo, "branch", "-D", created.branch());
        executor.close();
        startExecutor(() -> GitRepos.GIT);
        executor.send(id, "continue again");
        awaitStatus(id, QuestStatus.ERROR);
        assertTrue(errorMessage(id).contains("was deleted"), errorMessage(id));
    }

    @Test
    void oldFinishedWorktreesBeyondTheLimitAreCleanedUp() {
        store.settings().set(WorkspaceSettings.MAX_WORKTREES, 1);
        String first = start(repo, QuestEnvironment.WORKTREE, null);
        awaitStatus(first, QuestStatus.READY);
        Path firstFolder = Path.of(events(first, QuestEvent.WorktreeCreated.class).get(0).path());

        String second = start(repo, QuestEnvironment.WORKTREE, null);
        awaitStatus(second, QuestStatus.READY);

        assertFalse(Files.exists(firstFolder), "the finished quest's clean worktree was removed");
        assertTrue(Files.isDirectory(Path.of(events(second, QuestEvent.WorktreeCreated.class).get(0).path())));

        executor.close();
        startExecutor(() -> GitRepos.GIT);
        executor.send(first, "one more thing");
        EngineFixture.await(() -> workingDirectories.size() == 3, () -> "the first quest did not run again");
        awaitStatus(first, QuestStatus.READY);
        assertEquals(firstFolder, workingDirectories.get(2), "its worktree came back from the branch");
        assertTrue(Files.isDirectory(firstFolder));
    }

    @Test
    void moveToLocalMakesTheQuestLocalAndRemoveAsksBeforeLosingWork() {
        String moved = start(repo, QuestEnvironment.WORKTREE, null);
        String deleted = start(repo, QuestEnvironment.WORKTREE, null);
        awaitStatus(moved, QuestStatus.READY);
        awaitStatus(deleted, QuestStatus.READY);
        QuestWorktrees worktrees = new QuestWorktrees(store, environments);
        Path movedFolder = worktrees.worktreeOf(moved).orElseThrow().path();
        write(movedFolder, "result.txt", "from the agent\n");
        Path deletedFolder = worktrees.worktreeOf(deleted).orElseThrow().path();
        write(deletedFolder, "one.txt", "1\n");
        commitAll(deletedFolder, "unmerged");

        worktrees.moveToLocal(moved);

        Quest quest = store.quests().get(moved).orElseThrow();
        String movedBranch = git(repo, "symbolic-ref", "--short", "HEAD").strip();
        assertTrue(movedBranch.startsWith("questbench/"), movedBranch);
        assertEquals(QuestEnvironment.LOCAL, quest.environment());
        assertEquals(Path.of(store.workspaces().open(repo.toString()).path()),
                environments.resolve(quest, event -> { }));
        assertEquals("from the agent\n", GitRepos.read(repo.resolve("result.txt")));
        assertFalse(Files.exists(movedFolder));

        RemoveResult asked = worktrees.removeForDeletedQuest(deleted, false);
        assertTrue(asked.needsConfirmation());
        assertEquals(1, asked.unmergedCommits());
        assertTrue(Files.isDirectory(deletedFolder));
        RemoveResult forced = worktrees.removeForDeletedQuest(deleted, true);
        assertEquals(RemoveResult.Status.REMOVED, forced.status());
        assertFalse(Files.exists(deletedFolder));

        RemoveResult afterMove = worktrees.removeForDeletedQuest(moved, false);
        assertEquals(RemoveResult.Status.REMOVED, afterMove.status());
        assertEquals(movedBranch, git(repo, "symbolic-ref", "--short", "HEAD").strip(), "the moved branch stays");
        assertTrue(afterMove.message().contains("is kept"), afterMove.message());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
