package dev.questbench.ui.composer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.QueuedMessages;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.QueueExecutor;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposerViewModelTest {
    @TempDir
    Path dir;
    private final QueueExecutor fx = new QueueExecutor();
    /** Turns whose message contains "wait" hold until the test releases them. */
    private final CountDownLatch release = new CountDownLatch(1);
    private Store store;
    private TestEngine engine;
    private ComposerViewModel composer;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(turn -> {
            if (turn.text().contains("wait")) {
                while (!release.await(5, TimeUnit.MILLISECONDS) && !turn.stopped()) {
                    Thread.onSpinWait();
                }
            }
            turn.emit(QuestEvent.AgentMessage.text("done: " + turn.text()));
            return new TurnResult.EndTurn();
        }), (goal, summary, round) -> new GoalVerdict(true, "met", ""));
        composer = new ComposerViewModel(store, engine.parts, new DirectTaskRunner(), fx);
    }

    @AfterEach
    void close() {
        release.countDown();
        composer.close();
        engine.close();
        store.close();
    }

    @Test
    void withoutAQuestNothingCanBeSentAndTheHintSaysWhy() {
        composer.textProperty().set("hello");
        assertFalse(composer.canSendProperty().get());
        assertEquals(ComposerViewModel.NO_QUEST_HINT, composer.hint());
    }

    @Test
    void aMessageStartsATurnWhenIdleAndWaitsAsAQueuedBubbleWhileOneRuns() throws Exception {
        String id = idleQuest();
        composer.show(id);
        send("please wait here");
        fx.runUntil(() -> status(id) == QuestStatus.RUNNING, () -> "running: " + status(id));

        send("then add tests");
        send("and docs");
        fx.runUntil(() -> composer.queued().size() == 2, () -> "two queued: " + composer.queued());
        assertEquals(List.of("then add tests", "and docs"), texts());
        assertEquals("", composer.textProperty().get(), "the input is cleared once sent");

        QueuedMessages.Queued first = composer.queued().get(0);
        composer.editQueued(first.queueId(), "then add unit tests");
        fx.runUntil(() -> texts().get(0).equals("then add unit tests"), () -> texts().toString());
        composer.removeQueued(composer.queued().get(1).queueId());
        fx.runUntil(() -> texts().equals(List.of("then add unit tests")), () -> texts().toString());

        release.countDown();
        fx.runUntil(() -> composer.queued().isEmpty() && status(id) == QuestStatus.READY
                && store.journal().readByType(id, Set.of("agent.message"), 0).size() == 2, () -> texts().toString());
        List<String> sent = store.journal().readByType(id, Set.of("user.message"), 0).stream()
                .map(entry -> ContentBlock.plainText(((QuestEvent.UserMessage) entry.event()).content())).toList();
        assertEquals(List.of("please wait here", "then add unit tests"), sent, "the edited one, not the removed one");
    }

    @Test
    void goalCommandStartsGoalModeAndABareOneIsExplained() throws Exception {
        String id = idleQuest();
        composer.show(id);
        send("/goal");
        assertTrue(composer.problemProperty().get().startsWith("Say what the goal is"));
        assertEquals("/goal", composer.textProperty().get(), "the text stays to be fixed");

        send("/goal raise test coverage above 80%");
        assertEquals("raise test coverage above 80%", store.quests().get(id).orElseThrow().options().goal());
        fx.runUntil(() -> !store.journal().readByType(id, Set.of("quest.goal_evaluated"), 0).isEmpty(),
                () -> "a goal check");
        JournalEntry first = store.journal().readByType(id, Set.of("user.message"), 0).get(0);
        assertEquals("raise test coverage above 80%",
                ContentBlock.plainText(((QuestEvent.UserMessage) first.event()).content()));
    }

    @Test
    void reviewCommandOpensTheReviewInsteadOfMessagingTheAgent() {
        String id = idleQuest();
        composer.show(id);
        java.util.concurrent.atomic.AtomicInteger reviews = new java.util.concurrent.atomic.AtomicInteger();
        composer.setOnReview(reviews::incrementAndGet);
        send("/review");
        assertEquals(1, reviews.get());
        assertEquals("", composer.textProperty().get());
        assertTrue(composer.noticeProperty().get().contains("Review tab"), composer.noticeProperty().get());
        assertTrue(store.journal().readByType(id, Set.of("user.message"), 0).isEmpty(), "nothing sent to the agent");
    }

    @Test
    void scheduleCommandCreatesAScheduleForThisQuestOrSaysWhyNot() {
        String id = idleQuest();
        composer.show(id);
        send("/schedule whenever you like review the code");
        assertTrue(composer.problemProperty().get().startsWith("Cannot tell when"), composer.problemProperty().get());
        assertTrue(engine.parts.scheduler().list().isEmpty());

        send("/schedule every weekday at 9:00 review open pull requests");
        assertEquals("", composer.problemProperty().get());
        Schedule created = engine.parts.scheduler().list().get(0);
        assertEquals(id, created.continueQuestId(), "runs continue the quest it was asked in");
        assertEquals("review open pull requests", created.prompt());
        assertTrue(composer.noticeProperty().get().startsWith("Scheduled “review open pull requests”: Every weekday"),
                composer.noticeProperty().get());
    }

    private void send(String text) {
        composer.textProperty().set(text);
        composer.send();
    }

    private List<String> texts() {
        return composer.queued().stream().map(QueuedMessages.Queued::text).toList();
    }

    private QuestStatus status(String id) {
        return store.quests().summary(id).orElseThrow().status();
    }

    private String idleQuest() {
        Quest quest = Quest.create("Orders", "Orders", null, dev.questbench.domain.QuestMode.AGENT,
                dev.questbench.domain.QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(quest);
        return quest.id();
    }
}
