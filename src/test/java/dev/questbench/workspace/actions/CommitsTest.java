package dev.questbench.workspace.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.workspace.git.GitException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commit, amend, branch and push on real repositories, pushing to a bare repository in a temporary folder. */
class CommitsTest {
    @TempDir
    Path dir;
    private TestRepo repo;
    private Commits commits;

    @BeforeEach
    void repository() {
        repo = TestRepo.init(dir.resolve("work"));
        repo.write("a.txt", "a\n");
        repo.commitAll("first");
        commits = new Commits(TestRepo.GIT, repo.dir);
    }

    @Test
    void commitTakesOnlyStagedChanges() {
        repo.write("a.txt", "a\nstaged\n");
        repo.git("add", "a.txt");
        repo.write("b.txt", "not staged\n");

        String id = commits.commit("Add a line\n\nWith a body.");

        assertEquals(id, repo.git("rev-parse", "HEAD").strip());
        assertEquals("Add a line\n\nWith a body.", repo.git("log", "-1", "--format=%B").strip());
        assertEquals("a.txt\n", repo.git("show", "--name-only", "--format=", "HEAD"));
        assertEquals("?? b.txt\n", repo.git("status", "--porcelain"));
    }

    @Test
    void emptyMessageAndNothingStagedAreRefusedClearly() {
        repo.write("a.txt", "changed\n");
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> commits.commit("  \n"));
        assertTrue(empty.getMessage().startsWith("The commit message is empty"), empty.getMessage());

        GitException nothing = assertThrows(GitException.class, () -> commits.commit("Nothing"));
        assertTrue(nothing.getMessage().contains("no changes added to commit"), nothing.getMessage());
        assertEquals("1", repo.git("rev-list", "--count", "HEAD").strip(), "no commit was made");
    }

    @Test
    void amendKeepsOrReplacesTheMessage() {
        String before = repo.git("rev-parse", "HEAD").strip();
        repo.write("a.txt", "a\nmore\n");
        repo.git("add", "a.txt");

        String kept = commits.amend(null);
        assertNotEquals(before, kept);
        assertEquals("first", repo.git("log", "-1", "--format=%B").strip());
        assertEquals("a\nmore\n", repo.git("show", "HEAD:a.txt"));

        commits.amend("feat: better first");
        assertEquals("feat: better first", repo.git("log", "-1", "--format=%B").strip());
        assertEquals("1", repo.git("rev-list", "--count", "HEAD").strip());
        assertThrows(IllegalArgumentException.class, () -> commits.amend(""));
    }

    @Test
    void createsBranchesAndRefusesBadNames() {
        repo.write("a.txt", "uncommitted\n");

        commits.createBranch("questbench/side", false);
        assertEquals("main", repo.git("branch", "--show-current").strip());
        commits.createBranch("feature/x", true);

        assertEquals("feature/x", repo.git("branch", "--show-current").strip());
        assertEquals("uncommitted\n", repo.read("a.txt"), "the changes come along");
        for (String bad : List.of("has space", "double..dot", "-dash", "end.lock", "", "a~b", "@{-1}")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> commits.createBranch(bad, true), bad);
            assertTrue(refused.getMessage().contains("is not a valid branch name"), refused.getMessage());
        }
        GitException exists = assertThrows(GitException.class, () -> commits.createBranch("feature/x", false));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
    }

    @Test
    void pushesToABareRemoteWithProgressAndSetsTheUpstream() {
        Path remote = bareRemote();
        List<String> progress = new CopyOnWriteArrayList<>();
        assertFalse(commits.headIsPushed());

        commits.push(progress::add);

        String head = repo.git("rev-parse", "HEAD").strip();
        assertEquals(head, TestRepo.GIT.output(remote, "rev-parse", "main").strip());
        assertEquals("origin/main", repo.git("rev-parse", "--abbrev-ref", "main@{upstream}").strip());
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("Writing objects")), progress::toString);
        assertTrue(progress.stream().anyMatch(line -> line.contains("[new branch]")), progress::toString);

        repo.write("a.txt", "second\n");
        repo.git("commit", "-qam", "second");
        commits.push(line -> { });
        assertEquals(repo.git("rev-parse", "HEAD").strip(), TestRepo.GIT.output(remote, "rev-parse", "main").strip());
        assertTrue(commits.headIsPushed());
    }

    @Test
    void pushWithoutARemoteSaysHowToAddOne() {
        GitException none = assertThrows(GitException.class, () -> commits.push(line -> { }));
        assertTrue(none.getMessage().startsWith("This repository has no remote; add one with git remote add"),
                none.getMessage());
    }

    @Test
    void rejectedPushReportsTheRemotesReasonAndNeverForces() {
        Path remote = bareRemote();
        commits.push(line -> { });
        TestRepo other = TestRepo.init(dir.resolve("other"));
        other.git("remote", "add", "origin", remote.toString());
        other.git("fetch", "-q", "origin");
        other.git("reset", "-q", "--hard", "origin/main");
        other.write("a.txt", "theirs\n");
        other.git("commit", "-qam", "theirs");
        other.git("push", "-q", "origin", "main");
        String theirs = other.git("rev-parse", "HEAD").strip();
        repo.write("a.txt", "mine\n");
        repo.git("commit", "-qam", "mine");

        GitException rejected = assertThrows(GitException.class, () -> commits.push(line -> { }));

        assertTrue(rejected.getMessage().startsWith("The push to origin failed: "), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("! [rejected]"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("never force-pushes"), rejected.getMessage());
        assertFalse(rejected.getMessage().contains("Writing objects"), rejected.getMessage());
        assertEquals(theirs, TestRepo.GIT.output(remote, "rev-parse", "main").strip(), "the remote keeps its commit");
    }

    @Test
    void stagedDiffAndThePromptForACommitMessage() {
        repo.write("a.txt", "a\nnew line\n");
        repo.git("add", "a.txt");

        String diff = commits.stagedDiff();
        String prompt = Commits.commitMessagePrompt(diff);

        assertTrue(diff.contains("+new line"), diff);
        assertTrue(prompt.contains("imperative mood"), prompt);
        assertTrue(prompt.endsWith(diff), prompt);
        assertThrows(IllegalArgumentException.class, () -> Commits.commitMessagePrompt(" "));
        String huge = "+x\n".repeat(Commits.PROMPT_DIFF_LIMIT);
        assertTrue(Commits.commitMessagePrompt(huge).length() < Commits.PROMPT_DIFF_LIMIT + 2_000);
    }

    private Path bareRemote() {
        Path remote = dir.resolve("remote.git");
        TestRepo.GIT.output(dir, "init", "-q", "--bare", "-b", "main", remote.toString());
        repo.git("remote", "add", "origin", remote.toString());
        return remote;
    }
}
