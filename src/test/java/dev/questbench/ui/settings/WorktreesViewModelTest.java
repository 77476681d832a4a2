package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.Workspace;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.testing.ManualTaskRunner;
import dev.questbench.ui.testing.TestEngine;
import dev.questbench.workspace.env.GitRepos;
import dev.questbench.workspace.env.WorkspaceSettings;
import dev.questbench.workspace.env.WorktreeInfo;
import dev.questbench.workspace.env.Worktrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Worktrees against a real store, real repositories and real worktrees. */
@Timeout(60)
class WorktreesViewModelTest {
    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;

    @BeforeEach
    void openStore() {
        store = Store.open(dir.resolve("data"));
        engine = TestEngine.unstarted(store); // nothing runs: the worktrees are made by hand
    }

    @AfterEach
    void closeStore() {
        engine.close();
        store.close();
    }

    @Test
    void theLimitAndEachWorkspacesSetupScriptAreSavedAndReadBack() {
        Workspace shop = store.workspaces().open(dir.resolve("shop").toString());
        Workspace blog = store.workspaces().open(dir.resolve("blog").toString());
        WorktreesViewModel page = loaded(null, new DirectTaskRunner());
        assertEquals(15, page.maxWorktreesProperty().get(), "the default");
        assertEquals(List.of(blog, shop), page.workspaces(), "by name");

        page.maxWorktreesProperty().set(7);
        page.workspaceProperty().set(shop);
        page.setupScriptProperty().set("npm ci\n");
        page.workspaceProperty().set(blog);
        assertEquals("", page.setupScriptProperty().get(), "each workspace has its own script");
        page.setupScriptProperty().set("bundle install");
        page.workspaceProperty().set(shop);
        assertEquals("npm ci\n", page.setupScriptProperty().get(), "an unsaved edit survives switching");
        save(page);

        assertEquals(7, store.settings().get(WorkspaceSettings.MAX_WORKTREES));
        assertEquals("npm ci\n", store.settings().get(WorkspaceSettings.setupScript(shop.id())));
        assertEquals("bundle install", store.settings().get(WorkspaceSettings.setupScript(blog.id())));

        WorktreesViewModel again = loaded(null, new DirectTaskRunner());
        assertEquals(7, again.maxWorktreesProperty().get());
        again.workspaceProperty().set(blog);
        assertEquals("bundle install", again.setupScriptProperty().get());
        again.setupScriptProperty().set("   ");
        save(again);
        assertNull(store.settings().get(WorkspaceSettings.setupScript(blog.id())), "a blank script is none");
        assertEquals("npm ci\n", store.settings().get(WorkspaceSettings.setupScript(shop.id())), "untouched");
    }

    @Test
    void theLimitStaysBetweenOneAndAHundred() {
        WorktreesViewModel page = loaded(null, new DirectTaskRunner());
        page.maxWorktreesProperty().set(250);
        save(page);
        assertEquals(100, store.settings().get(WorkspaceSettings.MAX_WORKTREES));

        store.settings().set(WorkspaceSettings.MAX_WORKTREES, 0);
        assertEquals(1, loaded(null, new DirectTaskRunner()).maxWorktreesProperty().get());
    }

    @Test
    void theLastUsedFolderIsTheWorkspaceShownFirst() {
        store.workspaces().open(dir.resolve("alpha").toString());
        Workspace shop = store.workspaces().open(dir.resolve("shop").toString());
        store.settings().set(WorkspaceSettings.setupScript(shop.id()), "make deps");

        WorktreesViewModel page = loaded(dir.resolve("shop"), new DirectTaskRunner());

        assertEquals(shop, page.workspaceProperty().get());
        assertEquals("make deps", page.setupScriptProperty().get());
    }

    @Test
    void measuringListsEachWorktreeWithItsBranchQuestAndSize() throws Exception {
        QuestWorkspaces workspaces = QuestWorkspaces.install(store, engine.executor(), System.getenv());
        Path repo = GitRepos.withCommit(dir.resolve("shop"));
        Workspace shop = store.workspaces().open(repo.toString());
        Quest quest = Quest.create("Speed up checkout", "Make checkout faster", shop.id(), QuestMode.AGENT,
                QuestEnvironment.WORKTREE, Instant.now());
        store.quests().create(quest);
        Worktrees worktrees = new Worktrees(GitRepos.GIT, store.dataDir().resolve("worktrees"));
        WorktreeInfo made = worktrees.create(repo, quest.id(), quest.title(), null, false, line -> { });
        Files.write(made.path().resolve("big.bin"), new byte[2 * 1024 * 1024]);
        worktrees.create(repo, "qst_ZZZZZZZZZZZZZZZZZZZZZZGONE", "Forgotten spike", null, false, line -> { });

        WorktreesViewModel page = new WorktreesViewModel(store, workspaces, new DirectTaskRunner(), repo);
        page.load();
        assertEquals(WorktreesViewModel.NOT_MEASURED, page.usageStatusProperty().get());
        assertEquals(List.of(), page.usage(), "nothing is walked until Measure");
        page.measure();

        assertEquals(2, page.usage().size(), page.usageStatusProperty().get());
        WorktreeUsageRow first = page.usage().get(0);
        assertEquals(made.branch(), first.branch());
        assertTrue(first.branch().startsWith("questbench/speed-up-checkout-"), first.branch());
        assertEquals("Speed up checkout", first.questLabel());
        assertEquals("2.0 MB", first.size(), "the 2 MiB file and a few small ones");
        WorktreeUsageRow second = page.usage().get(1);
        assertEquals("No quest (deleted or unknown)", second.questLabel());
        assertEquals("0.0 MB", second.size());
        assertEquals("2 worktrees, 2.0 MB in all.", page.usageStatusProperty().get());
        assertFalse(page.measuringProperty().get());
        assertEquals("", page.unavailableProperty().get());
    }

    @Test
    void aMeasurementOfAWorkspaceNoLongerChosenIsDropped() {
        QuestWorkspaces workspaces = QuestWorkspaces.install(store, engine.executor(), System.getenv());
        Path repo = GitRepos.withCommit(dir.resolve("shop"));
        Workspace shop = store.workspaces().open(repo.toString());
        Workspace other = store.workspaces().open(GitRepos.withCommit(dir.resolve("other")).toString());
        new Worktrees(GitRepos.GIT, store.dataDir().resolve("worktrees"))
                .create(repo, "qst_00000000000000000000000001", "Spike", null, false, line -> { });
        ManualTaskRunner tasks = new ManualTaskRunner();
        WorktreesViewModel page = new WorktreesViewModel(store, workspaces, tasks, repo);
        page.load();
        tasks.completeAll();
        assertEquals(shop, page.workspaceProperty().get());

        page.measure();
        assertTrue(page.measuringProperty().get());
        assertFalse(page.canMeasureProperty().get(), "one measurement at a time");
        page.workspaceProperty().set(other);
        tasks.completeAll();

        assertEquals(List.of(), page.usage());
        assertEquals(WorktreesViewModel.NOT_MEASURED, page.usageStatusProperty().get());
        assertFalse(page.measuringProperty().get());
    }

    @Test
    void withoutTheWorkspaceSideTheTabSaysSoAndCannotMeasure() {
        store.workspaces().open(dir.resolve("shop").toString());
        WorktreesViewModel page = loaded(null, new DirectTaskRunner());

        assertEquals(WorktreesViewModel.NO_WORKSPACES, page.unavailableProperty().get());
        assertFalse(page.canMeasureProperty().get());
        page.measure();
        assertEquals(WorktreesViewModel.NOT_MEASURED, page.usageStatusProperty().get());
    }

    @Test
    void withoutGitTheTabShowsGitsProblem() throws Exception {
        Path noGit = Files.createDirectories(dir.resolve("empty-bin"));
        QuestWorkspaces workspaces = QuestWorkspaces.install(store, engine.executor(), Map.of("PATH",
                noGit.toString()));
        store.workspaces().open(dir.resolve("shop").toString());
        WorktreesViewModel page = new WorktreesViewModel(store, workspaces, new DirectTaskRunner(), null);
        page.load();

        assertEquals("Worktrees are unavailable: " + workspaces.gitProblem(), page.unavailableProperty().get());
        assertTrue(workspaces.gitProblem().startsWith("Git is not installed"), workspaces.gitProblem());
        assertFalse(page.canMeasureProperty().get());
    }

    private WorktreesViewModel loaded(Path preferred, TaskRunner tasks) {
        WorktreesViewModel page = new WorktreesViewModel(store, null, tasks, preferred);
        page.load();
        assertTrue(page.loadedProperty().get(), () -> "not loaded: " + page.problemProperty().get());
        return page;
    }

    private static void save(WorktreesViewModel page) {
        boolean[] saved = {false};
        page.save(() -> saved[0] = true);
        assertTrue(saved[0], () -> "not saved: " + page.problemProperty().get());
    }
}
