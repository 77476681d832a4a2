package dev.questbench.ui.newquest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.builtin.ProviderEntry;
import dev.questbench.agent.builtin.ProviderRegistry;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestOptions;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.llm.ProviderKind;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.testing.TestEngine;
import dev.questbench.workspace.env.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Through the real dialog: the Agent row's permission mode, provider and model, and a Worktree's base branch and
 * uncommitted changes, reach the created quest.
 */
@ExtendWith(ApplicationExtension.class)
class NewQuestDialogFlowTest {
    @TempDir
    Path dir;
    private Stage stage;
    private Store store;
    private FxTaskRunner tasks;
    private TestEngine engine;
    private NewQuestDialog dialog;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        store = Store.open(dir.resolve("data"));
        tasks = new FxTaskRunner(2);
        // The agent works until stopped, so no model is ever asked.
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(turn -> {
            turn.sleep(10_000);
            return new TurnResult.EndTurn();
        }), (goal, summary, round) -> new GoalVerdict(true, "", ""));
        stage.setScene(new Scene(new StackPane(), 480, 320)); // the owner window; the dialog opens over it
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dialog != null) {
            WaitForAsyncUtils.asyncFx(() -> dialog.close()).get(10, TimeUnit.SECONDS);
        }
        tasks.close();
        engine.close();
        store.close();
    }

    @Test
    void theChosenPermissionModeProviderAndModelReachTheQuest(FxRobot robot) throws Exception {
        new ProviderRegistry(store.settings(), store.secrets(), Map.of()).save(List.of(new ProviderEntry("work",
                ProviderKind.OPENAI, "http://localhost:9/v1", "qwen", 0, Map.of(), null)));
        show(true);
        waitUntil(() -> providerBox(robot).getItems().size() == 2);
        assertEquals("Default (work · qwen)", providerBox(robot).getValue().label());
        assertFalse(visible(robot, "#provider-hint"), "a provider is configured");

        robot.clickOn("#prompt").write("Add an export button");
        robot.clickOn("#permission-mode");
        robot.clickOn("Bypass permissions");
        waitUntil(() -> visible(robot, "#permission-warning"));
        assertEquals(NewQuestViewModel.BYPASS_WARNING, label(robot, "#permission-warning").getText());

        robot.clickOn("#provider");
        robot.clickOn("work · qwen");
        waitUntil(() -> "work".equals(providerBox(robot).getValue().name()));
        assertEquals("qwen", modelBox(robot).getEditor().getText(), "pre-filled with the provider's default");
        robot.interact(() -> modelBox(robot).getEditor().clear());
        robot.clickOn("#model").write("qwen-coder");

        robot.clickOn("#list-models"); // nothing listens on port 9: the failure is said beside the row
        waitUntil(() -> visible(robot, "#models-problem"));
        assertFalse(label(robot, "#models-problem").getText().isBlank());
        assertEquals("qwen-coder", modelBox(robot).getEditor().getText(), "a failed listing keeps the typed model");

        robot.clickOn("Start Quest");
        waitUntil(() -> !dialog.isShowing());
        assertNotNull(dialog.getResult());
        Quest quest = store.quests().get(dialog.getResult()).orElseThrow();
        assertEquals(PermissionMode.BYPASS_PERMISSIONS, quest.options().permissionMode());
        assertEquals("work", quest.options().provider());
        assertEquals("qwen-coder", quest.model());
        assertEquals("bypassPermissions", store.settings().get(NewQuestViewModel.LAST_PERMISSION_MODE));
    }

    @Test
    void withNothingConfiguredTheRowSaysOllamaIsAssumedAndTheRememberedModeIsPreset(FxRobot robot)
            throws Exception {
        store.settings().set(NewQuestViewModel.LAST_PERMISSION_MODE, PermissionMode.PLAN.wireName());
        show(true);
        waitUntil(() -> visible(robot, "#provider-hint"));

        assertEquals(ModelChoice.OLLAMA_HINT, label(robot, "#provider-hint").getText());
        assertTrue(label(robot, "#provider-hint").getLayoutBounds().getHeight() > 0, "the hint takes room");
        waitUntil(() -> robot.lookup("#permission-mode").<ComboBox<PermissionMode>>query().getValue()
                == PermissionMode.PLAN);
        assertFalse(visible(robot, "#permission-warning"));

        robot.clickOn("#prompt").write("Sketch a plan");
        robot.clickOn("Start Quest");
        waitUntil(() -> !dialog.isShowing());
        Quest quest = store.quests().get(dialog.getResult()).orElseThrow();
        assertEquals(PermissionMode.PLAN, quest.options().permissionMode());
        assertNull(quest.options().provider());
        assertNull(quest.model(), "the default model stays unstored");
    }

    @Test
    void withoutABuiltinAgentTheModelChoiceIsHidden(FxRobot robot) throws Exception {
        show(false);
        waitUntil(() -> visible(robot, "#permission-mode"));

        assertFalse(visible(robot, "#provider"));
        assertFalse(visible(robot, "#model"));
        assertFalse(visible(robot, "#list-models"));
        assertFalse(visible(robot, "#provider-hint"));
    }

    @Test
    void worktreeWithAnotherBaseBranchAndTheUncommittedChangesReachesTheQuest(FxRobot robot) throws Exception {
        Path repo = GitRepos.withCommit(dir.resolve("shop"));
        GitRepos.git(repo, "branch", "release");
        GitRepos.write(repo, "a.txt", "alpha, edited\n");
        show(new NewQuestViewModel(store, engine.executor(), tasks, new FxDialogService(() -> stage), repo));
        waitUntil(() -> !robot.lookup("#env-worktree").query().isDisabled());
        assertFalse(visible(robot, "#base-branch"), "Local is chosen: no worktree options");

        robot.clickOn("#env-worktree");
        waitUntil(() -> baseBox(robot).getItems().size() == 2);
        assertEquals("main (current)", baseBox(robot).getValue().label());
        robot.clickOn("#base-branch");
        robot.clickOn("release");
        waitUntil(() -> "release".equals(baseBox(robot).getValue().name()));
        waitUntil(() -> visible(robot, "#include-uncommitted"));
        CheckBox include = robot.lookup("#include-uncommitted").queryAs(CheckBox.class);
        assertEquals("Include uncommitted changes (1 file)", include.getText());
        robot.clickOn("#include-uncommitted");

        robot.clickOn("#prompt").write("Prepare the release notes");
        robot.clickOn("Start Quest");
        waitUntil(() -> !dialog.isShowing());
        Quest quest = store.quests().get(dialog.getResult()).orElseThrow();
        assertEquals(QuestEnvironment.WORKTREE, quest.environment());
        assertEquals(new QuestOptions.Worktree("release", true), quest.options().worktree());
    }

    @Test
    void aFolderThatIsNotARepositoryDisablesWorktreeAndSaysWhy(FxRobot robot) throws Exception {
        Path plain = Files.createDirectories(dir.resolve("notes"));
        show(new NewQuestViewModel(store, engine.executor(), tasks, new FxDialogService(() -> stage), plain));
        waitUntil(() -> visible(robot, "#worktree-unavailable"));

        assertTrue(robot.lookup("#env-worktree").query().isDisabled());
        assertTrue(label(robot, "#worktree-unavailable").getText().contains(plain + " is not one"),
                label(robot, "#worktree-unavailable").getText());
        assertFalse(visible(robot, "#include-uncommitted"));
    }

    private void show(boolean withAgent) throws Exception {
        NewQuestViewModel form;
        if (withAgent) {
            BuiltinAgent agent = new BuiltinAgent(store, Map.of(), dir.resolve("home"), BuiltinAgent.Overrides.NONE);
            QuestEngine parts = engine.parts;
            form = new NewQuestViewModel(store, new QuestEngine(parts.executor(), parts.goals(), parts.specs(),
                    parts.scheduler(), agent), tasks, new FxDialogService(() -> stage), null);
        } else {
            form = new NewQuestViewModel(store, engine.executor(), tasks, new FxDialogService(() -> stage), null);
        }
        show(form);
    }

    private void show(NewQuestViewModel form) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            dialog = new NewQuestDialog(form);
            Stylesheets.apply(dialog.getDialogPane().getStylesheets()); // as the app's DialogService does
            dialog.initOwner(stage);
            dialog.show();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static ComboBox<ProviderChoice> providerBox(FxRobot robot) {
        return robot.lookup("#provider").query();
    }

    private static ComboBox<BaseBranch> baseBox(FxRobot robot) {
        return robot.lookup("#base-branch").query();
    }

    private static ComboBox<String> modelBox(FxRobot robot) {
        return robot.lookup("#model").query();
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    /** Shown on screen: the node and all its parents are visible. */
    private static boolean visible(FxRobot robot, String id) {
        Node node = robot.lookup(id).tryQuery().orElse(null);
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node != null;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
