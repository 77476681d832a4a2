package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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
 * Reading a long conversation on screen: the agent's Markdown as native nodes (links open through the opener, code
 * blocks copy), Copy and Fork on a message, the side rail's ticks and Alt+Up / Alt+Down between the user's
 * messages, and the "Jump to latest" pill when rows arrive while the user reads further up.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationNavigationFlowTest {
    private static final int TURNS = 20;
    private static final String REPLY = "## Result\n\nSee [the docs](https://example.org/docs) and **bold** text.\n\n"
            + "- [x] paged\n- [ ] sorted\n\n| col | val |\n|---|---|\n| a | 1 |\n\n```java\nint pageSize = 50;\n```";

    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;
    private FxTaskRunner tasks;
    private ConversationViewModel conversation;
    private ConversationView view;
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<String> forks = new CopyOnWriteArrayList<>();
    private String id;

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data"));
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(turn -> new TurnResult.EndTurn()),
                (goal, quest, round) -> new GoalVerdict(true, "", ""));
        tasks = new FxTaskRunner(2);
        conversation = new ConversationViewModel(store, engine.executor(), tasks, PulseExecutor.shared());
        conversation.setOnOpenLink(opened::add);
        AnsweringDialogs dialogs = new AnsweringDialogs();
        CardActions cards = new CardActions(store, engine.parts, tasks, dialogs, conversation.questIdProperty()::get,
                new QuestActions(engine.executor(), tasks, dialogs, forks::add));
        view = new ConversationView(conversation, cards);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(view, 900, 600);
        Stylesheets.apply(scene.getStylesheets());
        stage.setScene(scene);
        stage.sizeToScene(); // an earlier test may have sized the shared stage
        stage.show();
        Quest quest = Quest.create(null, "Add paging", null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(quest);
        id = quest.id();
        List<QuestEvent> events = new ArrayList<>();
        for (int i = 0; i < TURNS; i++) {
            events.add(QuestEvent.UserMessage.text("Question " + i + "\nwith details"));
            events.add(QuestEvent.AgentMessage.text(i == TURNS - 1 ? REPLY : "Answer " + i));
        }
        store.journal().appendAll(id, events);
    }

    @AfterEach
    void close() {
        conversation.close();
        engine.close();
        tasks.close();
        store.close();
    }

    @Test
    void theAgentsMarkdownRendersNativelyWithLinksAndCopyableCode(FxRobot robot) throws Exception {
        open();
        MarkdownView reply = fx(() -> robot.lookup(".markdown").queryAllAs(MarkdownView.class).stream()
                .filter(shown -> shown.shown().plainText().startsWith("Result")).findFirst().orElseThrow());
        assertEquals(List.of("Result"), texts(reply, ".md-heading .md-text"));
        assertTrue(texts(reply, ".md-strong").contains("bold"));
        assertEquals(2, reply.lookupAll(".md-task-done").size() + reply.lookupAll(".md-task-open").size());
        assertEquals(4, reply.lookupAll(".md-cell").size(), "a 2 by 2 grid");
        assertTrue(texts(reply, ".syn-keyword").contains("int"), "code has syntax colours");
        assertTrue(texts(reply, ".syn-number").contains("50"));

        Text link = (Text) reply.lookup(".md-link");
        assertEquals("the docs", link.getText());
        robot.clickOn(link);
        waitUntil(() -> !opened.isEmpty());
        assertEquals(List.of("https://example.org/docs"), opened);
        robot.clickOn(reply.lookup(".md-code-copy"));
        assertEquals("int pageSize = 50;", fx(() -> Clipboard.getSystemClipboard().getString()));
        Path shot = Path.of("target", "screenshots", "conversation-markdown.png");
        fx(() -> {
            Snapshots.write(view.getScene(), shot);
            return null;
        });
        assertTrue(java.nio.file.Files.size(shot) > 10_000, "a rendered reply for reviewers to look at");
    }

    @Test
    void copyAndForkActOnTheirMessage(FxRobot robot) throws Exception {
        open();
        Node bubble = lastBubble(robot);
        fx(() -> {
            ((Button) bubble.lookup("#copy-message")).fire();
            return null;
        });
        assertEquals(REPLY, fx(() -> Clipboard.getSystemClipboard().getString()), "the message's Markdown source");

        fx(() -> {
            ((Button) bubble.lookup("#fork-message")).fire();
            return null;
        });
        waitUntil(() -> forks.size() == 1);
        Quest fork = store.quests().get(forks.get(0)).orElseThrow();
        assertEquals("Add paging (fork)", fork.title());
        List<JournalEntry> copied = store.journal().readLast(fork.id(), 100);
        assertEquals(TURNS * 2, copied.stream().filter(entry -> entry.event() instanceof QuestEvent.UserMessage
                || entry.event() instanceof QuestEvent.AgentMessage).count(), "up to and with the last reply");
    }

    @Test
    void theRailHasATickPerUserMessageAndJumpsToIt(FxRobot robot) throws Exception {
        open();
        List<Node> ticks = fx(() -> List.copyOf(robot.lookup("#turn-rail").query().lookupAll(".turn-tick")));
        assertEquals(TURNS, ticks.size());
        assertEquals("Question 3", ((UserTurns.Turn) ticks.get(3).getUserData()).firstLine(), "the hover text");

        robot.clickOn(ticks.get(3));
        waitUntil(() -> topRow() == 6);
        robot.push(KeyCode.ALT, KeyCode.DOWN);
        waitUntil(() -> topRow() == 8);
        robot.push(KeyCode.ALT, KeyCode.UP);
        robot.push(KeyCode.ALT, KeyCode.UP);
        waitUntil(() -> topRow() == 4);
    }

    @Test
    void rowsArrivingWhileReadingUpShowThePillWhichJumpsToTheLatest(FxRobot robot) throws Exception {
        open();
        Button pill = robot.lookup("#jump-to-latest").queryButton();
        assertFalse(pill.isVisible(), "at the bottom: no pill");
        fx(() -> {
            listView(robot).scrollTo(0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        store.journal().appendAll(id, List.of(QuestEvent.UserMessage.text("one more"),
                QuestEvent.AgentMessage.text("and another")));
        waitUntil(() -> pill.isVisible() && fx(() -> pill.getText()).startsWith("2 new"));
        assertEquals(0, topRow(), "the reader stays where they were");

        robot.clickOn(pill);
        waitUntil(() -> !pill.isVisible() && lastVisibleRow() == TURNS * 2 + 1);
        assertEquals(0, fx(() -> view.unseenProperty().get()));
    }

    @Test
    void findInQuestSelectsEachMatchInTurnAndWraps(FxRobot robot) throws Exception {
        open();
        assertEquals(TURNS, fx(() -> view.countMatches("question")), "each user message once");
        int first = fx(() -> view.find("Question 3", 1));
        assertTrue(((TranscriptRow.Message) fx(() -> conversation.rows().get(first))).text().startsWith("Question 3"));
        int again = fx(() -> view.find("Question 3", 1));
        assertEquals(first, again, "the only match: found again after wrapping");
        assertEquals(-1, fx(() -> view.find("no such words", 1)));
        int before = fx(() -> view.find("question", -1));
        assertTrue(before >= 0 && before != first, "Shift+Enter goes back to another match");
    }

    private void open() throws Exception {
        fx(() -> {
            conversation.show(id);
            return null;
        });
        waitUntil(() -> fx(() -> conversation.rows().size()) == TURNS * 2 && lastVisibleRow() == TURNS * 2 - 1);
    }

    private Node lastBubble(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup(".entry-cell").queryAll().stream()
                .filter(cell -> cell instanceof IndexedCell<?> indexed && indexed.getIndex() == TURNS * 2 - 1)
                .findFirst().orElseThrow());
    }

    private static ListView<?> listView(FxRobot robot) {
        return robot.lookup("#conversation-list").queryAs(ListView.class);
    }

    private int topRow() throws Exception {
        return fx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) view.lookup(".virtual-flow");
            return flow.getFirstVisibleCell() == null ? -1 : flow.getFirstVisibleCell().getIndex();
        });
    }

    private int lastVisibleRow() throws Exception {
        return fx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) view.lookup(".virtual-flow");
            return flow == null || flow.getLastVisibleCell() == null ? -1 : flow.getLastVisibleCell().getIndex();
        });
    }

    private static List<String> texts(Node root, String query) {
        return root.lookupAll(query).stream().filter(Text.class::isInstance).map(node -> ((Text) node).getText())
                .toList();
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition); // generous: CI machines are busy
        WaitForAsyncUtils.waitForFxEvents();
    }
}
