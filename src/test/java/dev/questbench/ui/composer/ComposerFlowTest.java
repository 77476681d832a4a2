package dev.questbench.ui.composer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The composer in a real window: @ completion by keyboard, Shift+Enter, Enter sends with the attachment. */
@ExtendWith(ApplicationExtension.class)
class ComposerFlowTest {
    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;
    private FxTaskRunner tasks;
    private ComposerViewModel model;
    private String questId;

    @Start
    void start(Stage stage) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("shop/src"));
        Files.writeString(workspace.resolve("OrderTable.java"), "class OrderTable {}\n");
        Files.writeString(workspace.resolve("Invoice.java"), "class Invoice {}\n");
        store = Store.open(dir.resolve("data"));
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(turn -> {
            turn.emit(QuestEvent.AgentMessage.text("ok"));
            return new TurnResult.EndTurn();
        }), (goal, summary, round) -> new GoalVerdict(true, "", ""));
        String workspaceId = store.workspaces().open(dir.resolve("shop").toString()).id();
        Quest quest = Quest.create("Orders", "Orders", workspaceId, QuestMode.AGENT, QuestEnvironment.LOCAL,
                Instant.now());
        store.quests().create(quest);
        questId = quest.id();
        tasks = new FxTaskRunner(2);
        model = new ComposerViewModel(store, engine.parts, tasks, Platform::runLater);
        model.show(questId);
        stage.setScene(new Scene(new ComposerView(model), 700, 420));
        stage.sizeToScene(); // an earlier test may have sized the shared stage
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.close()).get(10, TimeUnit.SECONDS);
        tasks.close();
        engine.close();
        store.close();
    }

    @Test
    void atCompletionByKeyboardThenShiftEnterThenEnterSendsWithTheFile(FxRobot robot) throws Exception {
        robot.clickOn("#composer-input").write("Fix @ordtab");
        waitUntil(() -> robot.lookup("#composer-completion-list").tryQuery().map(node -> node.isVisible())
                .orElse(false) && !model.completion().items().isEmpty());
        assertEquals("src/OrderTable.java", model.completion().items().get(0).label());

        robot.push(KeyCode.ENTER); // chooses the suggestion, does not send
        waitUntil(() -> !model.completion().showingProperty().get());
        TextArea input = robot.lookup("#composer-input").queryAs(TextArea.class);
        assertEquals("Fix @src/OrderTable.java ", input.getText());
        assertEquals(List.of("src/OrderTable.java"), model.attachments().stream().map(Attachment::label).toList());
        assertTrue(robot.lookup(".attachment-chip").tryQuery().isPresent(), "a chip for the attached file");

        robot.push(KeyCode.SHIFT, KeyCode.ENTER);
        robot.write("please");
        assertEquals("Fix @src/OrderTable.java \nplease", input.getText());

        robot.write(" /").push(KeyCode.ESCAPE); // not at the start: no command list
        assertFalse(model.completion().showingProperty().get());

        robot.push(KeyCode.ENTER);
        waitUntil(() -> !store.journal().readByType(questId, Set.of("user.message"), 0).isEmpty());
        List<ContentBlock> sent = ((QuestEvent.UserMessage) store.journal()
                .readByType(questId, Set.of("user.message"), 0).get(0).event()).content();
        assertEquals("Fix @src/OrderTable.java \nplease /", sent.get(0).text());
        assertEquals("Attached file src/OrderTable.java:\n```\nclass OrderTable {}\n```", sent.get(1).text());
        waitUntil(() -> input.getText().isEmpty() && robot.lookup(".attachment-chip").tryQuery().isEmpty());
    }

    @Test
    void slashOpensTheCommandListAndEscapeClosesIt(FxRobot robot) throws Exception {
        robot.clickOn("#composer-input").write("/cle");
        waitUntil(() -> model.completion().showingProperty().get());
        assertEquals("/clear", model.completion().items().get(0).label());
        robot.push(KeyCode.ESCAPE);
        waitUntil(() -> !model.completion().showingProperty().get());
        robot.push(KeyCode.ENTER); // closed: Enter sends the text as typed (no such command: a plain message)
        waitUntil(() -> !store.journal().readByType(questId, Set.of("user.message"), 0).isEmpty());
        assertEquals(List.of(ContentBlock.text("/cle")), ((QuestEvent.UserMessage) store.journal()
                .readByType(questId, Set.of("user.message"), 0).get(0).event()).content());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
