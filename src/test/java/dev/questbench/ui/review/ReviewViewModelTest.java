package dev.questbench.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.QueueExecutor;
import dev.questbench.ui.testing.WorkspaceEngine;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.env.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Review ViewModel on a real git repository and a real executor: a scripted turn edits a file in two places,
 * the reviewer rejects one hunk, accepts the other, comments and sends feedback to the agent.
 */
class ReviewViewModelTest {
    @TempDir
    Path dir;
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private final QueueExecutor fx = new QueueExecutor();
    private final AtomicInteger turns = new AtomicInteger();
    private Path repo;
    private Store store;
    private WorkspaceEngine engine;
    private ReviewViewModel model;

    @BeforeEach
    void open() {
        repo = GitRepos.withCommit(dir.resolve("shop"));
        GitRepos.write(repo, "story.txt", story(-1));
        GitRepos.commitAll(repo, "story");
        store = Store.open(dir.resolve("data"));
        engine = new WorkspaceEngine(store, this::agent);
        model = new ReviewViewModel(store, engine.parts, new DirectTaskRunner(), dialogs, fx);
    }

    @AfterEach
    void close() {
        model.close();
        engine.close();
        store.close();
    }

    /** First turn: lines 2 and 19 of story.txt change; any later turn: a.txt changes. */
    private TurnResult agent(ScriptedBackend.Turn turn) throws Exception {
        Path folder = turn.context().workingDirectory();
        if (turns.incrementAndGet() == 1) {
            Files.writeString(folder.resolve("story.txt"), story(2).replace("line 19\n", "line nineteen\n"));
        } else {
            Files.writeString(folder.resolve("a.txt"), "alpha, after feedback\n");
        }
        return new TurnResult.EndTurn();
    }

    /** Twenty numbered lines; {@code changed} (if any) reads "line two" instead. */
    static String story(int changed) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            text.append(i == changed ? "line two" : "line " + i).append('\n');
        }
        return text.toString();
    }

    @Test
    void rejectsOneHunkAcceptsTheOtherAndSendsACommentAsFeedback() throws Exception {
        String id = runQuest();
        model.show(id);

        assertNull(model.emptyMessageProperty().get(), model.emptyMessageProperty().get());
        FileDiff story = file("story.txt");
        assertEquals(2, story.hunks().size(), "two separated hunks");

        model.rejectHunk(new DiffView.HunkRef(story, story.hunks().get(0)));
        String onDisk = Files.readString(repo.resolve("story.txt"));
        assertTrue(onDisk.contains("line 2\n"), "the rejected hunk is back to the checkpoint");
        assertTrue(onDisk.contains("line nineteen\n"), "the other hunk stays");
        story = file("story.txt");
        assertEquals(1, story.hunks().size(), "only the reloaded file's remaining hunk shows");

        model.acceptHunk(new DiffView.HunkRef(story, story.hunks().get(0)));
        String staged = GitRepos.git(repo, "diff", "--cached");
        assertTrue(staged.contains("+line nineteen"), staged);
        assertFalse(staged.contains("line two"), staged);

        story = file("story.txt");
        model.addComment(new DiffView.LineSelection(story, "new", 19, 19, "line nineteen"),
                "Spell numbers as digits");
        assertEquals(1, model.pendingCommentsProperty().get());
        assertTrue(model.annotationsProperty().get().stream()
                .anyMatch(note -> note.kind().equals("comment-pending") && note.text().equals("Spell numbers as digits")));

        model.sendFeedback();
        assertEquals(0, model.pendingCommentsProperty().get(), "the comment was sent");
        List<JournalEntry> messages = store.journal().readByType(id, Set.of("user.message"), 0);
        assertTrue(messages.stream().anyMatch(entry -> entry.event().toString().contains("Spell numbers as digits")),
                messages.toString());

        // the feedback turn ends: the review loads again and shows what it changed
        waitUntil(() -> {
            fx.runPending();
            return model.files().stream().anyMatch(file -> file.path().equals("a.txt"));
        });
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aHiddenPanelLoadsNothingUntilItShows() throws Exception {
        String id = runQuest();
        String objectsBefore = GitRepos.git(repo, "count-objects");
        model.setVisible(false);

        model.show(id);
        assertTrue(model.files().isEmpty(), "nothing is loaded while the Review tab is hidden");
        assertEquals(objectsBefore, GitRepos.git(repo, "count-objects"), "no snapshot was written");

        model.setVisible(true);
        assertEquals("story.txt", file("story.txt").path(), "showing the tab loads the quest's changes");
    }

    @Test
    void discardAllAsksTwiceAndStopsAtTheFirstNo() throws Exception {
        String id = runQuest();
        model.show(id);
        model.scopeProperty().set(DiffScope.ALL_UNCOMMITTED);
        assertNotNull(file("story.txt"));

        dialogs.nextAnswers.add(true);
        dialogs.nextAnswers.add(false);
        model.commits().discardAll();
        assertEquals(2, dialogs.confirmations);
        assertTrue(Files.readString(repo.resolve("story.txt")).contains("line two"), "kept after one no");

        dialogs.nextAnswers.add(true);
        dialogs.nextAnswers.add(true);
        model.commits().discardAll();
        assertEquals(story(-1), Files.readString(repo.resolve("story.txt")));
        assertTrue(model.files().isEmpty());
        assertEquals("No changes in this scope.", model.emptyMessageProperty().get());
    }

    @Test
    void commitsWhatIsStagedOnANewBranchAndGenerateWithoutAModelSaysWhy() throws Exception {
        String id = runQuest();
        model.show(id);
        model.commits().stageAll();
        assertTrue(GitRepos.git(repo, "diff", "--cached").contains("+line two"));

        dialogs.failOnError = false;
        model.commits().generateMessage(text -> { throw new AssertionError("no model, no message"); });
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("Settings → Models"), dialogs.errors.get(0));

        model.commits().commit(new ReviewCommitModel.CommitRequest("Spell out line two", "story-edits", false, false));
        assertEquals("story-edits", GitRepos.git(repo, "symbolic-ref", "--short", "HEAD").strip());
        assertEquals("Spell out line two", GitRepos.git(repo, "log", "-1", "--format=%s").strip());
        assertTrue(GitRepos.git(repo, "status", "--porcelain").isBlank(), "nothing left uncommitted");
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
    }

    @Test
    void commitIncludesUnstagedChangesPushesAndReportsProgress() throws Exception {
        Path remote = dir.resolve("remote.git");
        GitRepos.git(dir, "init", "-q", "--bare", remote.toString());
        GitRepos.git(repo, "remote", "add", "origin", remote.toString());
        String id = runQuest();
        model.show(id);
        String[] author = new String[1];
        model.commits().author(text -> author[0] = text);
        assertTrue(author[0] != null && author[0].contains("<"), author[0]);

        model.commits().commit(new ReviewCommitModel.CommitRequest("Tell the story", null, true, true));
        fx.runPending();
        assertTrue(GitRepos.git(repo, "status", "--porcelain").isBlank(), "the unstaged edit was included");
        String branch = GitRepos.git(repo, "symbolic-ref", "--short", "HEAD").strip();
        assertEquals(GitRepos.git(repo, "rev-parse", "HEAD").strip(),
                GitRepos.git(remote, "rev-parse", branch).strip(), "pushed to the remote");
        String progress = model.commits().progressProperty().get();
        assertTrue(progress.startsWith("Committed ") && progress.endsWith("and pushed."), progress);
        assertFalse(model.commits().busyProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void sinceLastReviewHidesViewedHunksUntilTheAgentChangesThemAgain() throws Exception {
        String id = runQuest();
        model.show(id);
        FileDiff story = file("story.txt");
        model.toggleHunkViewed(new DiffView.HunkRef(story, story.hunks().get(0)));
        model.sinceLastReviewProperty().set(true);
        assertEquals(1, file("story.txt").hunks().size(), "the viewed hunk is hidden");
        assertTrue(file("story.txt").hunks().get(0).lines().stream()
                .anyMatch(line -> line.text().contains("nineteen")), "the other one shows");

        model.toggleViewed(file("story.txt"));
        assertTrue(model.files().isEmpty(), "everything seen");
        assertTrue(model.emptyMessageProperty().get().contains("since your last review"),
                model.emptyMessageProperty().get());

        Files.writeString(repo.resolve("story.txt"), Files.readString(repo.resolve("story.txt"))
                .replace("line 10\n", "line ten\n"));
        model.load();
        assertEquals(1, file("story.txt").hunks().size(), "only the new change shows");
        model.sinceLastReviewProperty().set(false);
        assertEquals(3, file("story.txt").hunks().size());
    }

    @Test
    void commentsCanBeResolvedAndDeletedAndAReasonRidesWithARejection() throws Exception {
        String id = runQuest();
        model.show(id);
        FileDiff story = file("story.txt");
        model.addComment(new DiffView.LineSelection(story, "new", 2, 2, "line two"), "Digits, please");
        model.addComment(new DiffView.LineSelection(story, "new", 19, 19, "line nineteen"), "Typo?");
        assertEquals(2, model.comments().size());

        model.resolveComment(model.comments().get(0));
        assertEquals("resolved", model.comments().get(0).status());
        assertEquals(1, model.pendingCommentsProperty().get(), "a resolved comment is not sent");
        assertTrue(model.annotationsProperty().get().stream().anyMatch(n -> n.kind().equals("comment-resolved")));
        model.deleteComment(model.comments().get(1));
        assertEquals(1, model.comments().size());
        assertEquals(0, model.pendingCommentsProperty().get());

        dialogs.nextTexts.add("Keep the numbers");
        model.rejectHunkWithReason(new DiffView.HunkRef(story, story.hunks().get(0)));
        model.sendFeedback();
        List<JournalEntry> messages = store.journal().readByType(id, Set.of("user.message"), 0);
        assertTrue(messages.stream().anyMatch(entry -> entry.event().toString().contains("Keep the numbers")),
                messages.toString());
        assertFalse(messages.stream().anyMatch(entry -> entry.event().toString().contains("Digits, please")),
                "resolved comments stay out");
    }

    @Test
    void aQuestWithoutAFolderOrATurnShowsWhy() throws Exception {
        Quest loose = Quest.create("Loose", "Loose", null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(loose);
        model.show(loose.id());
        assertTrue(model.emptyMessageProperty().get().contains("no folder"), model.emptyMessageProperty().get());
        assertTrue(model.files().isEmpty());

        Quest idle = Quest.create("Idle", "Idle", store.workspaces().open(repo.toString()).id(), QuestMode.AGENT,
                QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(idle);
        model.show(idle.id());
        assertTrue(model.emptyMessageProperty().get().contains("has not run a turn yet"),
                model.emptyMessageProperty().get());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String runQuest() throws Exception {
        String id = engine.executor().create(WorkspaceEngine.quest(store, repo, "Edit the story",
                QuestEnvironment.LOCAL)).id();
        waitUntil(() -> store.quests().summary(id).orElseThrow().status() == QuestStatus.READY);
        assertTrue(Files.readString(repo.resolve("story.txt")).contains("line two"), "the turn ran");
        return id;
    }

    private FileDiff file(String path) {
        return model.files().stream().filter(file -> file.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not in " + model.files() + " / "
                        + model.emptyMessageProperty().get()));
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(20);
        }
    }
}
