package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.common.PulseExecutor;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.Snapshots;
import dev.questbench.ui.testing.WorkspaceEngine;
import dev.questbench.workspace.env.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The user's message toolbar and the workspace rows on screen, on the real executor with its workspace side, a
 * scripted agent ("write X" puts X in a.txt) and a real git repository.
 */
@ExtendWith(ApplicationExtension.class)
class MessageToolsFlowTest {
    @TempDir
    Path dir;
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private Stage stage;
    private Path repo;
    private Store store;
    private WorkspaceEngine engine;
    private FxTaskRunner tasks;
    private ConversationViewModel conversation;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 900, 600));
        stage.sizeToScene(); // an earlier test may have sized the shared stage
        stage.show();
        dialogs.failOnError = false; // collected, and checked: a throw on the FX thread would only be logged
    }

    @AfterEach
    void tearDown() throws Exception {
        if (conversation != null) {
            WaitForAsyncUtils.asyncFx(conversation::close).get(10, TimeUnit.SECONDS);
        }
        if (tasks != null) {
            tasks.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** Puts a conversation on the stage over a fresh store and engine; git is looked for in {@code env}. */
    private void mount(Map<String, String> env) throws Exception {
        repo = GitRepos.withCommit(dir.resolve("shop"));
        store = Store.open(dir.resolve("data"));
        engine = new WorkspaceEngine(store, MessageToolsFlowTest::agent, env);
        tasks = new FxTaskRunner(2);
        WaitForAsyncUtils.asyncFx(() -> {
            conversation = new ConversationViewModel(store, engine.executor(), tasks, PulseExecutor.shared());
            CardActions cards = new CardActions(store, engine.parts, tasks, dialogs,
                    conversation.questIdProperty()::get, new QuestActions(engine.executor(), tasks, dialogs, q -> { }));
            MessageActions messages = new MessageActions(store, engine.workspaces(), tasks, dialogs,
                    conversation.questIdProperty(), conversation.statusProperty(), text -> Optional.of("write edited"));
            Scene scene = new Scene(new ConversationView(conversation, cards, messages), 900, 600);
            Stylesheets.apply(scene.getStylesheets());
            stage.setScene(scene);
            stage.sizeToScene(); // an earlier test may have sized the shared stage
        }).get(10, TimeUnit.SECONDS);
    }

    private static TurnResult agent(ScriptedBackend.Turn turn) throws Exception {
        if (turn.text().startsWith("write ")) {
            Files.writeString(turn.context().workingDirectory().resolve("a.txt"), turn.text().substring(6));
        }
        turn.emit(QuestEvent.AgentMessage.text("Done."));
        return new TurnResult.EndTurn();
    }

    @Test
    void revertOnTheUsersBubbleRestoresTheFileAndShowsADivider(FxRobot robot) throws Exception {
        mount(System.getenv());
        String id = startQuest("write one");
        waitUntil(() -> visible(robot, ".checkpoint-mark"));
        assertEquals("one", a());
        Button revert = shown(robot, "#revert-turn");
        waitUntil(() -> !revert.isDisabled());
        dialogs.confirmAnswer = true;

        robot.clickOn(revert);

        waitUntil(() -> "alpha".equals(a()) && visible(robot, ".reverted-headline"));
        assertEquals("Files reverted to before turn 1", shown(robot, ".reverted-headline", Label.class).getText());
        assertEquals(1, store.journal().readByType(id, Set.of("quest.reverted"), 0).size());
        assertEquals(1, dialogs.confirmations);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        shot("reverted");
    }

    @Test
    void editAndResendOnTheUsersBubbleSendsTheEditedText(FxRobot robot) throws Exception {
        mount(System.getenv());
        String id = startQuest("write one");
        Button edit = shown(robot, "#edit-resend");
        waitUntil(() -> !edit.isDisabled());
        dialogs.confirmAnswer = true;

        robot.clickOn(edit);

        waitUntil(() -> store.journal().readByType(id, Set.of("user.message"), 0).size() == 2
                && status(id) == QuestStatus.READY && "edited".equals(a()));
        waitUntil(() -> robot.lookup(".bubble-row .body").queryAllAs(Label.class).stream()
                .anyMatch(body -> body.getText().equals("write edited")));
        assertTrue(visible(robot, ".reverted-headline"), "the files went back first");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void withoutGitTheToolbarIsDisabledAndItsTooltipSaysWhy(FxRobot robot) throws Exception {
        mount(Map.of("PATH", "/nonexistent"));
        startQuest("write one");
        Button revert = shown(robot, "#revert-turn");
        Button edit = shown(robot, "#edit-resend");
        assertTrue(revert.isDisabled() && edit.isDisabled());
        assertFalse(visible(robot, ".checkpoint-mark"), "no checkpoint without git");

        robot.moveTo(revert.getParent()); // the wrapper: a disabled button shows no tooltip of its own
        waitUntil(() -> tooltipText().isPresent());
        String tip = tooltipText().orElseThrow();
        assertTrue(tip.startsWith("Revert files to before this turn: Git is not installed"), tip);
        shot("no-git-tooltip");

        openContextMenu(revert.getParent().getParent()); // the user's bubble: its menu offers the same, disabled
        ContextMenu menu = (ContextMenu) Window.getWindows().stream()
                .filter(window -> window instanceof ContextMenu && window.isShowing()).findFirst().orElseThrow();
        List<MenuItem> own = menu.getItems().stream().filter(item -> item.getText() != null
                && (item.getText().startsWith("Revert files") || item.getText().startsWith("Edit and resend")))
                .toList();
        assertEquals(2, own.size());
        assertTrue(own.stream().allMatch(item -> item.isVisible() && item.isDisable()));
        WaitForAsyncUtils.asyncFx(menu::hide).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theWorktreeLineAndTheSetupScriptShowAndItsOutputOpensOnClick(FxRobot robot) throws Exception {
        mount(System.getenv());
        Quest quest = Quest.create("Fix login", "Fix login", null, QuestMode.AGENT, QuestEnvironment.WORKTREE,
                Instant.now());
        store.quests().create(quest);
        store.journal().appendAll(quest.id(), List.of(
                new QuestEvent.WorktreeCreated("/tmp/worktrees/fix-login", "questbench/fix-login", "main", "abc123",
                        false),
                new QuestEvent.SetupOutput("npm ci\n", null), new QuestEvent.SetupOutput("added 3 packages\n", null),
                new QuestEvent.SetupOutput("", 0), QuestEvent.AgentMessage.text("Ready to work.")));
        show(quest.id());

        waitUntil(() -> visible(robot, ".worktree-line"));
        Label line = shown(robot, ".worktree-line .status-line", Label.class);
        assertEquals("Working in a worktree on branch questbench/fix-login (from main)", line.getText());
        assertEquals("/tmp/worktrees/fix-login", line.getTooltip().getText());
        assertEquals("finished", shown(robot, ".setup-outcome", Label.class).getText());
        assertFalse(visible(robot, ".setup-output"), "collapsed");

        robot.clickOn(".setup-header");

        waitUntil(() -> visible(robot, ".setup-output"));
        assertEquals("npm ci\nadded 3 packages", robot.lookup(".setup-output .output-line").queryAs(Text.class)
                .getText());
        shot("setup-expanded");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A Local quest in the repository with this prompt, shown, and Ready with its bubble on screen. */
    private String startQuest(String prompt) throws Exception {
        String id = engine.executor().create(WorkspaceEngine.quest(store, repo, prompt, QuestEnvironment.LOCAL)).id();
        show(id);
        waitUntil(() -> status(id) == QuestStatus.READY
                && conversation.statusProperty().get() == QuestStatus.READY);
        return id;
    }

    private void show(String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> conversation.show(id)).get(10, TimeUnit.SECONDS);
    }

    private QuestStatus status(String id) {
        return store.quests().summary(id).orElseThrow().status();
    }

    private String a() {
        try {
            return Files.readString(repo.resolve("a.txt")).strip();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Headless Monocle turns no right click into a context-menu request: send the request itself. */
    private static void openContextMenu(Node node) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Bounds bounds = node.localToScreen(node.getBoundsInLocal());
            Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10,
                    bounds.getMinX() + 10, bounds.getMinY() + 10, false, null));
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the tooltip on screen, if one shows. */
    private static Optional<String> tooltipText() {
        return Window.getWindows().stream().filter(window -> window instanceof Tooltip && window.isShowing())
                .map(window -> ((Tooltip) window).getText()).findFirst();
    }

    private static Button shown(FxRobot robot, String query) throws Exception {
        return shown(robot, query, Button.class);
    }

    private static <T extends Node> T shown(FxRobot robot, String query, Class<T> type) throws Exception {
        waitUntil(() -> visible(robot, query));
        return type.cast(robot.lookup(query).match(MessageToolsFlowTest::shownInScene).query());
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).match(MessageToolsFlowTest::shownInScene).tryQuery().isPresent();
    }

    /** Visible itself and in every parent (a hidden box hides its children, which still say visible). */
    private static boolean shownInScene(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private void shot(String name) throws Exception {
        String target = System.getProperty("qb.shots");
        if (target != null) {
            WaitForAsyncUtils.asyncFx(() -> Snapshots.write(stage.getScene(), Path.of(target, name + ".png")))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
