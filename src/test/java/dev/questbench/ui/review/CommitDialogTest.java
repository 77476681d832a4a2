package dev.questbench.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestStatus;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.review.ReviewCommitModel.CommitRequest;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.WorkspaceEngine;
import dev.questbench.workspace.env.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Commit dialog on screen over a real repository: author shown, presets from the dropdown, the form's answer. */
@ExtendWith(ApplicationExtension.class)
class CommitDialogTest {
    @TempDir
    Path dir;
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private Store store;
    private WorkspaceEngine engine;
    private FxTaskRunner tasks;
    private ReviewViewModel model;
    private Path repo;
    private Stage stage;

    @Start
    void start(Stage stage) {
        repo = GitRepos.withCommit(dir.resolve("shop"));
        store = Store.open(dir.resolve("data"));
        engine = new WorkspaceEngine(store, turn -> {
            Files.writeString(turn.context().workingDirectory().resolve("a.txt"), "changed\n");
            return new TurnResult.EndTurn();
        });
        tasks = new FxTaskRunner(2);
        model = new ReviewViewModel(store, engine.parts, tasks, dialogs, Platform::runLater);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
        this.stage = stage;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.close()).get(10, TimeUnit.SECONDS);
        tasks.close();
        engine.close();
        store.close();
    }

    @Test
    void showsTheAuthorAndReturnsWhatWasFilledIn(FxRobot robot) throws Exception {
        String id = engine.executor().create(WorkspaceEngine.quest(store, repo, "Change a", QuestEnvironment.LOCAL))
                .id();
        waitUntil(() -> store.quests().summary(id).orElseThrow().status() == QuestStatus.READY);
        WaitForAsyncUtils.asyncFx(() -> model.show(id)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> !model.files().isEmpty());

        CommitDialog dialog = WaitForAsyncUtils.asyncFx(() -> {
            CommitDialog shown = new CommitDialog(model.commits(), true, false);
            shown.initOwner(stage);
            shown.show();
            return shown;
        }).get(10, TimeUnit.SECONDS);
        Label author = robot.lookup("#commit-author").query();
        waitUntil(() -> author.getText().contains("<") && author.getText().contains("@"));
        CheckBox push = robot.lookup("#commit-push").query();
        assertTrue(push.isSelected(), "Commit and Push preselects push");
        Node commit = dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().stream()
                .filter(type -> type.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow());
        assertTrue(commit.isDisabled(), "no message yet");

        robot.clickOn("#commit-message").write("Change a");
        robot.clickOn("#commit-include-unstaged");
        robot.clickOn("#commit-new-branch");
        assertTrue(commit.isDisabled(), "a new branch needs a name");
        robot.clickOn("#commit-branch-name").write("edits");
        assertFalse(commit.isDisabled());
        robot.clickOn(commit);

        waitUntil(() -> !dialog.isShowing());
        assertEquals(new CommitRequest("Change a", "edits", true, true), dialog.getResult());
    }

    @Test
    void cancelGivesNoCommit(FxRobot robot) throws Exception {
        CommitDialog dialog = WaitForAsyncUtils.asyncFx(() -> {
            CommitDialog shown = new CommitDialog(model.commits(), false, true);
            shown.initOwner(stage);
            shown.show();
            return shown;
        }).get(10, TimeUnit.SECONDS);
        CheckBox branch = robot.lookup("#commit-new-branch").query();
        assertTrue(branch.isSelected(), "Commit to a New Branch preselects it");
        robot.clickOn("#commit-message").write("x");
        robot.clickOn((Node) dialog.getDialogPane().lookupButton(ButtonType.CANCEL));
        waitUntil(() -> !dialog.isShowing());
        assertNull(dialog.getResult());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
