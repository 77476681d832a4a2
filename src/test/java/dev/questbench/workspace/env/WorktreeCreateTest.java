package dev.questbench.workspace.env;

import static dev.questbench.workspace.env.GitRepos.commitAll;
import static dev.questbench.workspace.env.GitRepos.git;
import static dev.questbench.workspace.env.GitRepos.read;
import static dev.questbench.workspace.env.GitRepos.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Ids;
import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating worktrees on real repositories: bases, uncommitted changes, included files, setup scripts, refusals. */
class WorktreeCreateTest {
    @TempDir
    Path temp;

    private Worktrees worktrees() {
        return new Worktrees(GitRepos.GIT, temp.resolve("data/worktrees"));
    }

    @Test
    void createsFromTheCurrentBranchOnANamedBranchUnderTheDataFolder() {
        Path repo = GitRepos.withCommit(temp.resolve("app"));
        String questId = Ids.quest();
        String shortId = questId.substring(questId.length() - 6).toLowerCase();

        WorktreeInfo wt = worktrees().create(repo, questId, "Fix the login bug", null, false, line -> { });

        assertEquals("questbench/fix-the-login-bug-" + shortId, wt.branch());
        assertEquals(temp.resolve("data/worktrees").resolve(WorktreeNames.repoFolder(repo))
                .resolve("fix-the-login-bug-" + shortId), wt.path());
        assertEquals("main", wt.baseBranch());
        assertEquals(git(repo, "rev-parse", "HEAD").strip(), wt.baseCommit());
        assertEquals(wt.branch(), git(wt.path(), "symbolic-ref", "--short", "HEAD").strip());
        assertEquals("alpha\n", read(wt.path().resolve("a.txt")));
        assertEquals("main", git(repo, "symbolic-ref", "--short", "HEAD").strip(), "the repository stays put");
        assertFalse(wt.setupFailed());
        assertNull(wt.setupMessage());
    }

    @Test
    void createsFromAnotherBaseBranch() {
        Path repo = GitRepos.withCommit(temp.resolve("app"));
        git(repo, "checkout", "-q", "-b", "feature");
        write(repo, "feature.txt", "new\n");
        commitAll(repo, "feature");
        String featureTip = git(repo, "rev-parse", "HEAD").strip();
        git(repo, "checkout", "-q", "main");

        WorktreeInfo wt = worktrees().create(repo, Ids.quest(), "Build on feature", "feature", false, line -> { });

        assertEquals("feature", wt.baseBranch());
        assertEquals(featureTip, wt.baseCommit());
        assertTrue(Files.exists(wt.path().resolve("feature.txt")));
        assertEquals(featureTip, git(wt.path(), "rev-parse", "HEAD").strip());
    }

    @Test
    void anUnknownBaseBranchIsRefusedByName() {
        Path repo = GitRepos.withCommit(temp.resolve("app"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> worktrees().create(repo, Ids.quest(), "x", "nope", false, line -> { }));
        assertTrue(e.getMessage().contains("'nope' does not exist"), e.getMessage());
    }

    @Test
    void aDetachedHeadStartsFromItsCommit() {
        Path repo = GitRepos.withCommit(temp.resolve("app"));
        String first = git(repo, "rev-parse", "HEAD").strip();
        write(repo, "c.txt", "gamma\n");
        commitAll(repo, "second");
        git(repo, "checkout", "-q", "--detach", first);

        WorktreeInfo wt = worktrees().create(repo, Ids.quest(), "Detached", null, false, line -> { });

        assertNull(wt.baseBranch());
        assertEquals(first, wt.baseCommit());
        assertFalse(Files.exists(wt.path().resolve("c.txt")));
    }

    @Test
    void includeUncommittedCopiesStagedUnstagedAndUntrackedButNotIgnoredFiles() {
        Path repo = GitRepos.withCommit(temp.resolve("app"));
        write(repo, "a.txt", "alpha staged\n");
        write(repo, "new-staged.txt", "added\n");
        git(repo, "add", "a.txt", "new-staged.txt");
        write(repo, "b.txt", "beta unstaged\n");
        write(repo, "notes/untracked.txt", "draft\n");
        write(repo, "debug.log", "ignored\n");
        String statusBefore = git(repo, "status", "--porcelain");

        WorktreeInfo wt = worktrees().create(repo, Ids.quest(), "With changes", null, true, line -> { });

        assertEquals("alpha staged\n", read(wt.path().resolve("a.txt")));
        assertEquals("added\n", read(wt.path().resolve("new-staged.txt")));
        assertEquals("beta unstaged\n", read(wt.path().resolve("b.txt")));
        assertEquals("draft\n", read(wt.path().resolve("notes/untracked.txt")));
        assertFalse(Files.exists(wt.path().resolve("debug.log")), "ignored files stay behind");
        assertEquals(List.of("a.txt", "new-staged.txt"),
                git(wt.path(), "diff", "--cached", "--name-only").lines().toList(), "staged stays staged");
        assertEquals(List.of("b.txt"), git(wt.path(), "diff", "--name-only").lines().toList());
        assertEquals(statusBefore, git(repo, "status", "--porcelain"), "the repository is untouched");
    }

    @Test
    void worktreeIncludeCopiesListedIgnoredFilesThatExist() {
        Path repo = GitRepos.withCommit(temp.resolve("app"));
        write(repo, ".gitignore", "*.log\n.env\nsecrets/\n*.local\n");
        write(repo, ".worktreeinclude", "# files a worktree needs\n.env\nsecrets/\n*.local\nmissing.txt\n");
        commitAll(repo, "ignore rules");
        write(repo, ".env", "TOKEN=abc\n");
        write(repo, "secrets/key.pem", "KEY\n");
        write(repo, "config/app.local", "local=1\n");
        write(repo, "other.log", "not listed\n");

        WorktreeInfo wt = worktrees().create(repo, Ids.quest(), "Env", null, false, line -> { });

        assertEquals("TOKEN=abc\n", read(wt.path().resolve(".env")));
        assertEquals("KEY\n", read(wt.path().resolve("secrets/key.pem")));
        assertEquals("local=1\n", read(wt.path().resolve("config/app.local")));
        assertFalse(Files.exists(wt.path().resolve("other.log")));
        assertFalse(Files.exists(wt.path().resolve("missing.txt")));
    }

    @Test
    void theSetupScriptRunsInTheWorktreeAndItsOutputIsStreamed() {
        Path repo = GitRepos.withCommit(temp.resolve("app"));
        List<String> output = new CopyOnWriteArrayList<>();

        WorktreeInfo wt = worktrees().create(repo, Ids.quest(), "Setup", null, false,
                "echo installing; echo warning >&2; echo \"branch=$QUESTBENCH_BRANCH\"; touch installed.marker",
                output::add);

        String text = String.join("", output);
        assertTrue(text.contains("installing\n") && text.contains("warning\n"), text);
        assertTrue(text.contains("branch=" + wt.branch()), text);
        assertTrue(Files.exists(wt.path().resolve("installed.marker")), "it ran in the worktree");
        assertFalse(wt.setupFailed());
        assertTrue(wt.setupMessage().startsWith("Setup script finished"), wt.setupMessage());
    }

    @Test
    void aFailingSetupScriptIsReportedAndTheWorktreeStaysUsable() {
        Path repo = GitRepos.withCommit(temp.resolve("app"));
        List<String> output = new CopyOnWriteArrayList<>();

        WorktreeInfo wt = worktrees().create(repo, Ids.quest(), "Broken setup", null, false,
                "echo 'npm ERR! missing package.json'; exit 3", output::add);

        assertTrue(wt.setupFailed());
        assertTrue(wt.setupMessage().contains("exit status 3"), wt.setupMessage());
        assertTrue(String.join("", output).contains("npm ERR! missing package.json"));
        assertEquals("alpha\n", read(wt.path().resolve("a.txt")));
        assertEquals(wt.branch(), git(wt.path(), "symbolic-ref", "--short", "HEAD").strip());
    }

    @Test
    void aSetupScriptThatHangsIsStoppedAtItsTimeout() {
        Path repo = GitRepos.withCommit(temp.resolve("app"));
        Worktrees quick = new Worktrees(GitRepos.GIT, temp.resolve("wt"), Duration.ofMillis(500));
        long start = System.nanoTime();

        WorktreeInfo wt = quick.create(repo, Ids.quest(), "Hang", null, false, "echo started; sleep 30",
                line -> { });

        assertTrue(System.nanoTime() - start < 10_000_000_000L, "stopped, not waited for");
        assertTrue(wt.setupFailed());
        assertTrue(wt.setupMessage().contains("did not finish"), wt.setupMessage());
        assertTrue(Files.isDirectory(wt.path()));
    }

    @Test
    void anEmptyRepositoryIsRefusedClearly() {
        Path repo = GitRepos.empty(temp.resolve("fresh"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> worktrees().create(repo, Ids.quest(), "x", null, false, line -> { }));
        assertTrue(e.getMessage().startsWith("Worktree needs at least one commit"), e.getMessage());
        assertEquals("", git(repo, "branch", "--list"), "no branch was made");
        IllegalStateException named = assertThrows(IllegalStateException.class,
                () -> worktrees().create(repo, Ids.quest(), "x", "main", false, line -> { }));
        assertTrue(named.getMessage().startsWith("Worktree needs at least one commit"), named.getMessage());
    }

    @Test
    void aFolderThatIsNotARepositoryIsRefusedClearly() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> worktrees().create(plain, Ids.quest(), "x", null, false, line -> { }));
        assertTrue(e.getMessage().startsWith("Worktree needs a git repository"), e.getMessage());
        assertTrue(e.getMessage().contains("Local mode"), e.getMessage());
    }

    @Test
    void uncommittedChangesThatDoNotApplyOnTheBaseAreRefusedAndNothingIsLeftBehind() {
        Path repo = GitRepos.withCommit(temp.resolve("app"));
        git(repo, "checkout", "-q", "-b", "other");
        GitRepos.GIT.output(repo, "rm", "-q", "a.txt");
        commitAll(repo, "drop a");
        git(repo, "checkout", "-q", "main");
        write(repo, "a.txt", "alpha changed\n");
        Worktrees worktrees = worktrees();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> worktrees.create(repo, Ids.quest(), "Clash", "other", true, line -> { }));

        assertTrue(e.getMessage().contains("do not apply on other"), e.getMessage());
        assertTrue(worktrees.list(repo).isEmpty());
        assertEquals("", git(repo, "branch", "--list", "questbench/*"));
    }

    @Test
    void pathsWithSpacesAndNonAsciiCharactersWork() {
        Path repo = GitRepos.withCommit(temp.resolve("my répo ü"));
        write(repo, "naïve file.txt", "café\n");
        Worktrees worktrees = new Worktrees(GitRepos.GIT, temp.resolve("data dir é/worktrees"));

        WorktreeInfo wt = worktrees.create(repo, Ids.quest(), "Ünïcode täsk", null, true, "echo ok > \"done é.txt\"",
                line -> { });

        assertEquals("café\n", read(wt.path().resolve("naïve file.txt")));
        assertTrue(Files.exists(wt.path().resolve("done é.txt")));
        assertTrue(wt.branch().startsWith("questbench/unicode-task-"), wt.branch());
        assertEquals(List.of(wt.path()), worktrees.list(repo).stream().map(WorktreeInfo::path).toList());
    }

    @Test
    void missingGitSaysHowToInstallIt() {
        GitException e = assertThrows(GitException.class, () -> Git.locate(Map.of("PATH", "/nonexistent")));
        assertTrue(e.getMessage().startsWith("Git is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("Install it"), e.getMessage());
    }
}
