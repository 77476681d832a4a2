package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.AgentContentBlockDelta;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.common.PulseExecutor;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.markdown.MarkdownView;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.Snapshots;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
 * The conversation and the Summary on screen, on the real executor with a scripted agent and events appended to
 * a real store: steps open on click with coloured diffs, the question and approval cards answer through their
 * buttons, the compaction divider opens, and the Summary lists the memory files as references.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationViewFlowTest {
    private static final String DIFF = "Edited src/a.txt: replaced 1.\n\n--- a/src/a.txt\n+++ b/src/a.txt\n"
            + "@@ -1,3 +1,3 @@\n one\n-old\n+new\n three";

    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;
    private FxTaskRunner tasks;
    private ConversationViewModel conversation;
    private QuestSummaryViewModel summary;
    private final CountDownLatch watching = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data"));
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(this::agent),
                (goal, quest, round) -> new GoalVerdict(true, "", ""));
        tasks = new FxTaskRunner(2);
        conversation = new ConversationViewModel(store, engine.executor(), tasks, PulseExecutor.shared());
        summary = new QuestSummaryViewModel(store, tasks, PulseExecutor.shared());
        AnsweringDialogs dialogs = new AnsweringDialogs();
        CardActions cards = new CardActions(store, engine.parts, tasks, dialogs, conversation.questIdProperty()::get,
                new QuestActions(engine.executor(), tasks, dialogs, id -> { }));
        ConversationView view = new ConversationView(conversation, cards);
        QuestSummaryView side = new QuestSummaryView(summary, new SimpleObjectProperty<>(Instant.now()));
        side.setPrefWidth(320);
        HBox.setHgrow(view, Priority.ALWAYS);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new HBox(view, side), 1100, 700);
        Stylesheets.apply(scene.getStylesheets());
        stage.setScene(scene);
        stage.sizeToScene(); // an earlier test may have sized the shared stage
        stage.show();
    }

    /**
     * A question about the database; a build that streams its output and its text until released; an Edit that
     * asks first. Answers go back as results.
     */
    private TurnResult agent(ScriptedBackend.Turn turn) throws InterruptedException {
        if (turn.call().equals("confirm")) {
            ToolConfirmation answer = turn.answers().get(0);
            String result = answer.answer() != null ? "The user answered: " + answer.answer() : DIFF;
            turn.emit(new QuestEvent.AgentToolResult(answer.toolUseEventId(), ContentBlock.textList(result), false,
                    7L));
            turn.emit(QuestEvent.AgentMessage.text("Done."));
            return new TurnResult.EndTurn();
        }
        if (turn.text().contains("build")) {
            JournalEntry bash = turn.emit(new QuestEvent.AgentToolUse("Bash", JsonNodeFactory.instance.objectNode()
                    .put("command", "./gradlew build"), Decision.Permission.ALLOW));
            watching.await(10, TimeUnit.SECONDS);
            for (int i = 1; i <= 30; i++) {
                turn.context().sink().stream(new QuestEvent.ToolProgress(bash.id(), "> Task :compile " + i + "\n"));
            }
            turn.context().sink().stream(new AgentContentBlockDelta("msg_1", 0,
                    new AgentContentBlockDelta.Delta("thinking_delta", null, "which target?", null)));
            for (int i = 0; i < 10; i++) {
                turn.context().sink().stream(new AgentContentBlockDelta("msg_1", 0,
                        AgentContentBlockDelta.Delta.text("w" + i + " ")));
            }
            release.await(10, TimeUnit.SECONDS);
            turn.emit(new QuestEvent.AgentToolResult(bash.id(), ContentBlock.textList("BUILD SUCCESSFUL"), false,
                    2_000L));
            turn.emit(QuestEvent.AgentMessage.text("Built it."));
            return new TurnResult.EndTurn();
        }
        JournalEntry use;
        if (turn.text().contains("reviewer")) {
            use = turn.emit(new QuestEvent.SubagentEvent("evt_agent", "Code Reviewer", EventJson.toTree(
                    new QuestEvent.AgentToolUse("Bash", JsonNodeFactory.instance.objectNode().put("command",
                            "rm -rf out"), Decision.Permission.ASK)), "It failed in the sandbox. Run it without?"));
        } else if (turn.text().contains("storage")) {
            use = turn.emit(new QuestEvent.AgentToolUse("AskUserQuestion", JsonNodeFactory.instance.objectNode()
                    .put("question", "Which database?").put("default", "Postgres")
                    .set("options", JsonNodeFactory.instance.arrayNode().add("SQLite").add("Postgres")),
                    Decision.Permission.ASK));
        } else {
            use = turn.emit(new QuestEvent.AgentToolUse("Edit", JsonNodeFactory.instance.objectNode()
                    .put("file_path", "src/a.txt").put("old_string", "old").put("new_string", "new"),
                    Decision.Permission.ASK));
        }
        return new TurnResult.RequiresAction(List.of(use.id()));
    }

    @AfterEach
    void tearDown() throws Exception {
        watching.countDown();
        release.countDown();
        WaitForAsyncUtils.asyncFx(() -> {
            conversation.close();
            summary.close();
        }).get(10, TimeUnit.SECONDS);
        tasks.close();
        engine.close();
        store.close();
    }

    @Test
    void clickingAStepShowsItsOutputWithTheDiffColoured(FxRobot robot) throws Exception {
        String id = seeded();
        JournalEntry edit = store.journal().append(id, new QuestEvent.AgentToolUse("Edit", JsonNodeFactory.instance
                .objectNode().put("file_path", "src/a.txt"), Decision.Permission.ALLOW));
        store.journal().append(id, new QuestEvent.AgentToolResult(edit.id(), ContentBlock.textList(DIFF), false, 9L));
        show(id);
        waitUntil(() -> visible(robot, ".tool-step"));
        Label state = robot.lookup(".tool-step .step-state").match(ConversationViewFlowTest::shownInScene).queryAs(Label.class);
        assertEquals("Done", state.getText());
        assertFalse(visible(robot, ".tool-step .step-output"), "collapsed by default");

        robot.clickOn(".tool-step .step-header");
        waitUntil(() -> visible(robot, ".tool-step .step-output"));
        Text added = robot.lookup(".tool-step .diff-add").match(ConversationViewFlowTest::shownInScene).queryAs(Text.class);
        Text removed = robot.lookup(".tool-step .diff-remove").match(ConversationViewFlowTest::shownInScene).queryAs(Text.class);
        Text plain = robot.lookup(".tool-step .output-text").match(ConversationViewFlowTest::shownInScene).queryAs(Text.class);
        assertEquals("+new\n", added.getText());
        assertNotEquals(added.getFill(), removed.getFill(), "added and removed lines look different");
        assertNotEquals(added.getFill(), plain.getFill());
        shot("step-expanded");

        robot.clickOn(".tool-step .step-header"); // closed again by hand
        waitUntil(() -> !visible(robot, ".tool-step .step-output"));
        openContextMenu(robot.lookup(".tool-step .step-header").match(ConversationViewFlowTest::shownInScene).query());
        robot.clickOn("Expand tool steps by default");
        waitUntil(() -> visible(robot, ".tool-step .step-output")
                && Boolean.TRUE.equals(store.settings().get(ConversationSettings.TOOL_STEPS_EXPANDED)));
        assertTrue(conversation.stepsExpandedProperty().get());
    }

    @Test
    void aRunningCommandAndTheAgentsTextShowWhileTheyStream(FxRobot robot) throws Exception {
        String id = engine.executor().create(quest("build it")).id();
        show(id);
        waitUntil(() -> visible(robot, ".tool-step"));
        watching.countDown(); // live pieces reach the views that show the quest
        waitUntil(() -> streamingText(robot).endsWith("w9 ") && visible(robot, ".tool-step .step-output"));
        assertEquals("w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 ", streamingText(robot));
        assertEquals("Running", robot.lookup(".tool-step .step-state").match(ConversationViewFlowTest::shownInScene).queryAs(Label.class).getText());
        waitUntil(() -> robot.lookup(".tool-step .output-line").match(ConversationViewFlowTest::shownInScene).queryAs(Text.class).getText()
                .endsWith("> Task :compile 30"));
        assertTrue(robot.lookup(".tool-step .output-line").match(ConversationViewFlowTest::shownInScene).queryAs(Text.class).getText()
                .startsWith("> Task :compile 23\n"), "collapsed, a running step shows its last lines");
        shot("streaming");
        release.countDown();
        waitUntil(() -> status(id) == QuestStatus.READY && streamingText(robot).isEmpty());
        assertTrue(robot.lookup(".bubble-row .markdown").queryAllAs(MarkdownView.class).stream()
                .anyMatch(view -> view.shown().plainText().equals("Built it.")), "the final message, as Markdown");
        assertEquals("Done", robot.lookup(".tool-step .step-state").match(ConversationViewFlowTest::shownInScene).queryAs(Label.class).getText());
    }

    @Test
    void theQuestionCardsDefaultOptionAnswersIt(FxRobot robot) throws Exception {
        String id = engine.executor().create(quest("set up storage")).id();
        show(id);
        waitUntil(() -> visible(robot, ".question-card .default-option"));
        Button preferred = robot.lookup(".question-card .default-option").match(ConversationViewFlowTest::shownInScene).queryButton();
        assertEquals("Postgres", preferred.getText());
        assertTrue(preferred.getStyleClass().contains("accent"), "the agent's default is emphasised");
        assertEquals(2, robot.lookup(".question-card .question-option").match(ConversationViewFlowTest::shownInScene).queryAll().size());
        assertTrue(robot.lookup("#send-answer").match(ConversationViewFlowTest::shownInScene).queryButton().isDisabled(), "nothing typed, nothing to send");
        shot("question");

        robot.clickOn(preferred);
        waitUntil(() -> status(id) == QuestStatus.READY && visible(robot, "#question-outcome"));
        QuestEvent.UserToolConfirmation journaled = (QuestEvent.UserToolConfirmation) store.journal()
                .readByType(id, Set.of("user.tool_confirmation"), 0).get(0).event();
        assertEquals("Postgres", journaled.answer());
        assertEquals("You answered: Postgres", robot.lookup("#question-outcome").match(ConversationViewFlowTest::shownInScene).queryAs(Label.class).getText());
        assertFalse(visible(robot, "#send-answer"), "answered: read-only");
    }

    @Test
    void allowAlwaysOnAnEditShowsTheChangeThenTheStep(FxRobot robot) throws Exception {
        String id = engine.executor().create(quest("fix the typo")).id();
        show(id);
        waitUntil(() -> visible(robot, "#allow-always"));
        Text removed = robot.lookup(".approval-card .diff-remove").match(ConversationViewFlowTest::shownInScene).queryAs(Text.class);
        assertEquals("-old\n", removed.getText(), "the change it asks for");
        assertEquals("src/a.txt", robot.lookup(".approval-card .code").match(ConversationViewFlowTest::shownInScene).queryAs(Label.class).getText());
        assertTrue(visible(robot, "#allow-once") && visible(robot, "#deny") && visible(robot, "#deny-message"));
        shot("approval-edit");

        robot.clickOn("#allow-always");
        waitUntil(() -> status(id) == QuestStatus.READY && visible(robot, ".tool-step"));
        QuestEvent.UserToolConfirmation journaled = (QuestEvent.UserToolConfirmation) store.journal()
                .readByType(id, Set.of("user.tool_confirmation"), 0).get(0).event();
        assertTrue(journaled.alwaysForQuest());
        assertEquals(Decision.ALLOW, journaled.result());
        waitUntil(() -> "Done".equals(robot.lookup(".tool-step .step-state").match(ConversationViewFlowTest::shownInScene).queryAs(Label.class).getText()));
        assertFalse(visible(robot, ".approval-card"), "the card became its step");
    }

    @Test
    void aSubagentsApprovalCardSaysWhichExpertAsksAndWhy(FxRobot robot) throws Exception {
        String id = engine.executor().create(quest("let the reviewer tidy up")).id();
        show(id);
        waitUntil(() -> visible(robot, "#approval-reason"));
        assertEquals("Code Reviewer wants to run `rm -rf out`", robot.lookup(".approval-card .card-title")
                .match(ConversationViewFlowTest::shownInScene).queryAs(Label.class).getText());
        assertEquals("It failed in the sandbox. Run it without?", robot.lookup("#approval-reason")
                .queryAs(Label.class).getText());

        robot.clickOn("#deny");
        waitUntil(() -> status(id) == QuestStatus.READY);
        QuestEvent.UserToolConfirmation journaled = (QuestEvent.UserToolConfirmation) store.journal()
                .readByType(id, Set.of("user.tool_confirmation"), 0).get(0).event();
        assertEquals(Decision.DENY, journaled.result());
    }

    @Test
    void theCompactionDividerOpensAndTheSummaryListsReferences(FxRobot robot) throws Exception {
        String id = seeded();
        store.journal().append(id, new QuestEvent.HookRan("PostToolUse", "npm run lint", 1, "2 problems", "error",
                1500));
        store.journal().append(id, new QuestEvent.Compacted("Paging added; tests pass.", "evt_x", 90_000, 12_000));
        show(id);
        waitUntil(() -> visible(robot, ".compacted-headline"));
        assertEquals("Earlier messages were summarised to fit the context window (90k → 12k tokens)",
                robot.lookup(".compacted-headline").match(ConversationViewFlowTest::shownInScene).queryAs(Label.class).getText());
        assertFalse(visible(robot, ".compacted-summary"));
        robot.clickOn(".compacted-headline");
        waitUntil(() -> visible(robot, ".compacted-summary"));
        assertEquals("failed (exit 1) · 1 s", robot.lookup(".hook-outcome").match(ConversationViewFlowTest::shownInScene).queryAs(Label.class).getText());

        store.journal().append(id, new QuestEvent.ContextLoaded(List.of(
                new QuestEvent.ContextLoaded.Reference("/home/ana/shop/AGENTS.md", "memory", "project"),
                new QuestEvent.ContextLoaded.Reference("/home/ana/.claude/CLAUDE.md", "memory", "user")),
                List.of(".qoder/settings.json: unknown key \"permisions\"")));
        waitUntil(() -> visible(robot, "#summary-references .reference-warning"));
        List<String> names = robot.lookup("#summary-references .reference-name").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertEquals(List.of("AGENTS.md", "CLAUDE.md"), names);
        List<String> scopes = robot.lookup("#summary-references .reference-scope").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertEquals(List.of("project", "user"), scopes);
        assertTrue(robot.lookup("#summary-references .reference-warning").match(ConversationViewFlowTest::shownInScene).queryAs(Label.class).getText()
                .contains("permisions"));
        shot("divider-references");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A quest made in the store with an agent message (no user message, so no turn starts). */
    private String seeded() {
        Quest quest = quest("tidy up");
        store.quests().create(quest);
        store.journal().append(quest.id(), QuestEvent.AgentMessage.text("Tidying up the sources."));
        return quest.id();
    }

    private void show(String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            conversation.show(id);
            summary.show(id);
        }).get(10, TimeUnit.SECONDS);
    }

    private static Quest quest(String prompt) {
        return Quest.create(null, prompt, null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
    }

    private QuestStatus status(String id) {
        return store.quests().summary(id).orElseThrow().status();
    }

    /** The provisional bubble's text, or "" when none is shown (lookups ignore pseudo-classes: filter by hand). */
    private static String streamingText(FxRobot robot) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> streamingTextOnFx(robot)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String streamingTextOnFx(FxRobot robot) {
        return robot.lookup(".bubble-row").match(ConversationViewFlowTest::shownInScene).queryAll().stream()
                .filter(row -> row.getPseudoClassStates().stream()
                        .anyMatch(state -> state.getPseudoClassName().equals("streaming")))
                .map(row -> ((Label) row.lookup(".body")).getText()).findFirst().orElse("");
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

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).match(ConversationViewFlowTest::shownInScene).tryQuery().isPresent();
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
            WaitForAsyncUtils.asyncFx(() -> Snapshots.write(Window.getWindows().get(0).getScene(),
                    Path.of(target, name + ".png"))).get(10, TimeUnit.SECONDS);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
