package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.QuestQuery;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.Snapshots;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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
 * The real window on the real executor with a scripted agent: a quest made in the New Quest dialog asks for
 * approval, Allow once in its card lets it finish Ready; Stop in the header ends another, running one, Ready
 * with a "stopped" marker.
 */
@ExtendWith(ApplicationExtension.class)
class QuestLifecycleFlowTest {
    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;
    private FxTaskRunner tasks;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data"));
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(QuestLifecycleFlowTest::agent),
                (goal, summary, round) -> new GoalVerdict(true, "", ""));
        tasks = new FxTaskRunner(2);
        window = new MainWindow(stage, store, engine.parts, tasks, new FxDialogService(() -> stage), false);
        stage.show();
    }

    /** Cleaning asks to run a command first; a long job works until stopped. */
    private static TurnResult agent(ScriptedBackend.Turn turn) {
        if (turn.call().equals("confirm")) {
            turn.emit(QuestEvent.AgentMessage.text("Cleaned the build folder."));
            return new TurnResult.EndTurn();
        }
        if (turn.text().startsWith("Clean")) {
            JournalEntry use = turn.emit(new QuestEvent.AgentToolUse("Bash",
                    JsonNodeFactory.instance.objectNode().put("command", "rm -rf build"), Decision.Permission.ASK));
            return new TurnResult.RequiresAction(List.of(use.id()));
        }
        turn.emit(QuestEvent.AgentMessage.text("Working through the migration…"));
        turn.sleep(20_000);
        return new TurnResult.EndTurn();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS);
        tasks.close();
        engine.close();
        store.close();
    }

    @Test
    void approveInTheCardThenStopAnotherQuest(FxRobot robot) throws Exception {
        robot.clickOn("#new-quest-button");
        waitUntil(() -> robot.lookup("#prompt").tryQuery().isPresent());
        robot.clickOn("#prompt").write("Clean up"); // typing is slow under the robot: keep it short
        robot.clickOn("Start Quest");

        waitUntil(() -> visible(robot, "#allow-once"));
        String asking = window.model().selectedQuestIdProperty().get();
        assertEquals(QuestStatus.ACTION_REQUIRED, status(asking));
        // the quest list refreshes on its own pulse, possibly after the card shows
        waitUntil(() -> "Questbench — 1 needs you".equals(window.stage().getTitle()));
        shot("approval");
        robot.clickOn(robot.lookup("#allow-once").match(Node::isVisible).queryButton());

        waitUntil(() -> status(asking) == QuestStatus.READY);
        assertEquals(Set.of(Decision.ALLOW), store.journal().readByType(asking, Set.of("user.tool_confirmation"), 0)
                .stream().map(e -> ((QuestEvent.UserToolConfirmation) e.event()).result())
                .collect(java.util.stream.Collectors.toSet()));
        waitUntil(() -> "Questbench".equals(window.stage().getTitle()));

        String running = WaitForAsyncUtils.asyncFx(() -> engine.executor().create(quest("Migrate the schema")).id())
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> window.model().openQuest(running)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> status(running) == QuestStatus.RUNNING && visible(robot, "#header-stop"));
        robot.clickOn("#header-stop");

        waitUntil(() -> status(running) == QuestStatus.READY && visible(robot, ".stopped-marker"));
        assertFalse(robot.lookup("#header-stop").query().isVisible(), "nothing left to stop");
        assertEquals(2, store.quests().list(QuestQuery.ALL).size());
        shot("stopped");
    }

    private static Quest quest(String prompt) {
        return Quest.create(null, prompt, null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
    }

    private QuestStatus status(String id) {
        return store.quests().summary(id).orElseThrow().status();
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).match(Node::isVisible).tryQuery().isPresent();
    }

    /** With -Dqb.shots=DIR, saves what the window looks like at this step. */
    private void shot(String name) throws Exception {
        String folder = System.getProperty("qb.shots");
        if (folder != null) {
            WaitForAsyncUtils.asyncFx(() -> Snapshots.write(window.stage().getScene(),
                    Path.of(folder, "flow-" + name + ".png"))).get(10, TimeUnit.SECONDS);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
