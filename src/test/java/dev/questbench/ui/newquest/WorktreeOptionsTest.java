package dev.questbench.ui.newquest;

import static dev.questbench.workspace.env.GitRepos.git;
import static dev.questbench.workspace.env.GitRepos.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.QuestQuery;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.ManualTaskRunner;
import dev.questbench.ui.testing.TestEngine;
import dev.questbench.workspace.env.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The New Quest form's Worktree options against real git repositories and a real store. */
@Timeout(60)
class WorktreeOptionsTest {
    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;

    @BeforeEach
    void openStore() {
        store = Store.open(dir.resolve("data"));
        // The agent works until stopped: the quest is still under way when the test looks, and no model is asked.
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(turn -> {
            turn.sleep(10_000);
            return new TurnResult.EndTurn();
        }), (goal, summary, round) -> new GoalVerdict(true, "", ""));
    }

    @AfterEach
    void closeStore() {
        engine.close();
        store.close();
    }

    @Test
    void theBranchesAndUncommittedFilesAreReadInTheBackground() {
        Path repo = twoBranchesOneDirty("shop");
        ManualTaskRunner tasks = new ManualTaskRunner();
        NewQuestViewModel form = form(tasks);
        WorktreeChoice choice = form.worktreeChoice();

        form.folderProperty().set(repo);
        assertTrue(choice.readingProperty().get());
        assertEquals(List.of(), choice.branches(), "git does not run on the calling (FX) thread");
        tasks.completeAll();

        assertFalse(choice.readingProperty().get());
        assertEquals(List.of("main (current)", "feature"), labels(choice));
        assertEquals(new BaseBranch("main", true), choice.baseProperty().get(), "the current branch is preselected");
        assertEquals(2, choice.uncommittedFilesProperty().get(), "a changed file and an untracked one");
        assertEquals("Include uncommitted changes (2 files)", choice.includeTextProperty().get());
        assertFalse(choice.includeUncommittedProperty().get(), "off until the user asks");
        assertTrue(form.worktreeAllowedProperty().get());
        assertEquals("", choice.unavailableProperty().get());
    }

    @Test
    void theQuestGetsTheChosenBaseBranchAndTheIncludeFlag() {
        Path repo = twoBranchesOneDirty("shop");
        NewQuestViewModel form = form(new DirectTaskRunner());
        form.folderProperty().set(repo);
        form.environmentProperty().set(QuestEnvironment.WORKTREE);
        WorktreeChoice choice = form.worktreeChoice();
        choice.baseProperty().set(branch(choice, "feature"));
        choice.includeUncommittedProperty().set(true);
        form.promptProperty().set("Try the new checkout flow");

        Quest quest = create(form);

        assertEquals(QuestEnvironment.WORKTREE, quest.environment());
        assertEquals(new QuestOptions.Worktree("feature", true), quest.options().worktree());
    }

    @Test
    void theCurrentBranchIsStoredAsNoneSoTheWorktreeStartsFromWhatIsCheckedOut() {
        Path repo = twoBranchesOneDirty("shop");
        NewQuestViewModel form = form(new DirectTaskRunner());
        form.folderProperty().set(repo);
        form.environmentProperty().set(QuestEnvironment.WORKTREE);
        form.promptProperty().set("Refactor the cart");

        Quest quest = create(form);

        assertEquals(new QuestOptions.Worktree(null, false), quest.options().worktree());
    }

    @Test
    void aLocalQuestStoresNoWorktreeOptions() {
        Path repo = twoBranchesOneDirty("shop");
        NewQuestViewModel form = form(new DirectTaskRunner());
        form.folderProperty().set(repo);
        form.worktreeChoice().baseProperty().set(branch(form.worktreeChoice(), "feature"));
        form.promptProperty().set("Fix the typo");

        Quest quest = create(form);

        assertEquals(QuestEnvironment.LOCAL, quest.environment());
        assertNull(quest.options().worktree());
    }

    @Test
    void worktreeIsDisabledForAFolderThatIsNotAGitRepository() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("notes"));
        NewQuestViewModel form = form(new DirectTaskRunner());
        form.folderProperty().set(plain);

        assertFalse(form.worktreeAllowedProperty().get());
        assertEquals("Worktree needs a git repository, and " + plain + " is not one. Run `git init` there and make "
                + "a first commit, or use Local.", form.worktreeChoice().unavailableProperty().get());
        assertEquals(List.of(), form.worktreeChoice().branches());

        form.environmentProperty().set(QuestEnvironment.WORKTREE); // the toggle is disabled; the form still refuses
        form.promptProperty().set("Isolated work");
        AtomicReference<String> created = new AtomicReference<>();
        form.create(created::set);
        assertNull(created.get());
        assertEquals(form.worktreeChoice().unavailableProperty().get(), form.problemProperty().get());
        assertEquals(List.of(), store.quests().list(QuestQuery.ALL));
    }

    @Test
    void aWorktreeChosenForARepositoryFallsBackToLocalWhenAPlainFolderIsChosen() throws Exception {
        Path repo = twoBranchesOneDirty("shop");
        Path plain = Files.createDirectories(dir.resolve("notes"));
        NewQuestViewModel form = form(new DirectTaskRunner());
        form.folderProperty().set(repo);
        form.environmentProperty().set(QuestEnvironment.WORKTREE);

        form.folderProperty().set(plain);

        assertEquals(QuestEnvironment.LOCAL, form.environmentProperty().get());
        assertFalse(form.worktreeAllowedProperty().get());
    }

    @Test
    void withoutGitWorktreeIsDisabledAndTheFormSaysHowToInstallIt() throws Exception {
        Path repo = twoBranchesOneDirty("shop");
        Path noGit = Files.createDirectories(dir.resolve("empty-bin"));
        NewQuestViewModel form = new NewQuestViewModel(store, engine.executor(), new DirectTaskRunner(),
                new AnsweringDialogs(), null, Map.of("PATH", noGit.toString()));
        form.folderProperty().set(repo);

        assertFalse(form.worktreeAllowedProperty().get());
        assertTrue(form.worktreeChoice().unavailableProperty().get().startsWith("Git is not installed"),
                form.worktreeChoice().unavailableProperty().get());
    }

    @Test
    void aRepositoryWithoutACommitCannotMakeAWorktree() {
        Path repo = GitRepos.empty(dir.resolve("fresh"));
        NewQuestViewModel form = form(new DirectTaskRunner());
        form.folderProperty().set(repo);

        assertFalse(form.worktreeAllowedProperty().get());
        assertTrue(form.worktreeChoice().unavailableProperty().get().startsWith("Worktree needs at least one commit"),
                form.worktreeChoice().unavailableProperty().get());
    }

    @Test
    void withoutAFolderTheFormSaysAWorktreeNeedsOne() {
        NewQuestViewModel form = form(new DirectTaskRunner());
        form.load();

        assertFalse(form.worktreeAllowedProperty().get());
        assertEquals(WorktreeChoice.NEEDS_FOLDER, form.worktreeChoice().unavailableProperty().get());
    }

    @Test
    void aReadingOfAFolderNoLongerChosenIsDropped() {
        Path shop = twoBranchesOneDirty("shop");
        Path blog = GitRepos.withCommit(dir.resolve("blog"));
        git(blog, "branch", "drafts");
        ManualTaskRunner tasks = new ManualTaskRunner();
        NewQuestViewModel form = form(tasks);
        WorktreeChoice choice = form.worktreeChoice();

        form.folderProperty().set(shop);
        form.folderProperty().set(blog);
        tasks.complete(0); // the shop's reading arrives late
        assertEquals(List.of(), choice.branches());
        assertTrue(choice.readingProperty().get());

        tasks.completeAll();
        assertEquals(List.of("main (current)", "drafts"), labels(choice));
        assertEquals(0, choice.uncommittedFilesProperty().get());
    }

    @Test
    void pickingWorktreeAgainReadsNewBranchesAndKeepsTheChosenBase() {
        Path repo = twoBranchesOneDirty("shop");
        NewQuestViewModel form = form(new DirectTaskRunner());
        WorktreeChoice choice = form.worktreeChoice();
        form.folderProperty().set(repo);
        form.environmentProperty().set(QuestEnvironment.WORKTREE);
        choice.baseProperty().set(branch(choice, "feature"));
        choice.includeUncommittedProperty().set(true);

        git(repo, "branch", "hotfix");
        git(repo, "checkout", "-q", "--", "a.txt"); // one uncommitted file left
        form.environmentProperty().set(QuestEnvironment.LOCAL);
        form.environmentProperty().set(QuestEnvironment.WORKTREE);

        assertEquals(List.of("main (current)", "feature", "hotfix"), labels(choice));
        assertEquals("feature", choice.baseProperty().get().name());
        assertEquals("Include uncommitted changes (1 file)", choice.includeTextProperty().get());
        assertTrue(choice.includeUncommittedProperty().get());
    }

    @Test
    void aCleanWorkspaceHasNothingToIncludeEvenWhenTheFlagWasSet() {
        Path repo = GitRepos.withCommit(dir.resolve("clean"));
        NewQuestViewModel form = form(new DirectTaskRunner());
        form.folderProperty().set(repo);
        form.environmentProperty().set(QuestEnvironment.WORKTREE);
        form.worktreeChoice().includeUncommittedProperty().set(true);

        assertEquals(0, form.worktreeChoice().uncommittedFilesProperty().get());
        assertEquals("", form.worktreeChoice().includeTextProperty().get());
        assertEquals(new QuestOptions.Worktree(null, false), form.worktreeChoice().forQuest());
    }

    @Test
    void aDetachedHeadIsOfferedAsTheCurrentBase() {
        Path repo = twoBranchesOneDirty("shop");
        git(repo, "checkout", "-q", "--detach", "feature");
        NewQuestViewModel form = form(new DirectTaskRunner());
        form.folderProperty().set(repo);

        assertEquals(List.of("Detached HEAD (current)", "feature", "main"), labels(form.worktreeChoice()));
        assertEquals(new QuestOptions.Worktree(null, false), form.worktreeChoice().forQuest());
    }

    @Test
    void otherQuestsBranchesComeAfterTheUsersOwn() {
        Path repo = GitRepos.withCommit(dir.resolve("shop"));
        git(repo, "branch", "questbench/older-quest-a1b2c3");
        git(repo, "branch", "zeta");
        NewQuestViewModel form = form(new DirectTaskRunner());
        form.folderProperty().set(repo);

        assertEquals(List.of("main (current)", "zeta", "questbench/older-quest-a1b2c3"), labels(form.worktreeChoice()));
    }

    @Test
    void theEngineMakesTheWorktreeFromTheChosenBranchWithTheChanges() throws Exception {
        QuestWorkspaces.install(store, engine.executor(), System.getenv());
        Path repo = twoBranchesOneDirty("shop");
        NewQuestViewModel form = form(new DirectTaskRunner());
        form.folderProperty().set(repo);
        form.environmentProperty().set(QuestEnvironment.WORKTREE);
        form.worktreeChoice().baseProperty().set(branch(form.worktreeChoice(), "feature"));
        form.worktreeChoice().includeUncommittedProperty().set(true);
        form.promptProperty().set("Work beside the feature");

        Quest quest = create(form);
        QuestEvent.WorktreeCreated made = awaitWorktree(quest.id());

        assertEquals("feature", made.baseBranch());
        assertTrue(made.includedUncommitted());
        Path worktree = Path.of(made.path());
        assertEquals("feature work\n", GitRepos.read(worktree.resolve("feature.txt")), "from the feature branch");
        assertEquals("untracked\n", GitRepos.read(worktree.resolve("c.txt")), "the uncommitted file came along");
        assertEquals("alpha, edited\n", GitRepos.read(worktree.resolve("a.txt")));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** On {@code main}; {@code feature} has one more commit; {@code a.txt} is edited and {@code c.txt} untracked. */
    private Path twoBranchesOneDirty(String name) {
        Path repo = GitRepos.withCommit(dir.resolve(name));
        git(repo, "checkout", "-q", "-b", "feature");
        write(repo, "feature.txt", "feature work\n");
        GitRepos.commitAll(repo, "feature work");
        git(repo, "checkout", "-q", "main");
        write(repo, "a.txt", "alpha, edited\n");
        write(repo, "c.txt", "untracked\n");
        return repo;
    }

    private NewQuestViewModel form(TaskRunner tasks) {
        return new NewQuestViewModel(store, engine.executor(), tasks, new AnsweringDialogs(), null);
    }

    private Quest create(NewQuestViewModel form) {
        AtomicReference<String> created = new AtomicReference<>();
        form.create(created::set);
        assertNotNull(created.get(), () -> "not created: " + form.problemProperty().get());
        return store.quests().get(created.get()).orElseThrow();
    }

    private QuestEvent.WorktreeCreated awaitWorktree(String questId) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            Optional<QuestEvent.WorktreeCreated> made = store.journal().readAfter(questId, null, 100).stream()
                    .map(JournalEntry::event).filter(QuestEvent.WorktreeCreated.class::isInstance)
                    .map(QuestEvent.WorktreeCreated.class::cast).findFirst();
            if (made.isPresent()) {
                return made.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no worktree was made: " + store.journal().readAfter(questId, null, 100));
    }

    private static BaseBranch branch(WorktreeChoice choice, String name) {
        return choice.branches().stream().filter(entry -> name.equals(entry.name())).findFirst().orElseThrow();
    }

    private static List<String> labels(WorktreeChoice choice) {
        return choice.branches().stream().map(BaseBranch::label).toList();
    }
}
