package dev.questbench.ui.composer;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.QueueExecutor;
import dev.questbench.ui.testing.TestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real store and executor with a scripted built-in agent, a workspace folder on disk and a composer over them;
 * turns whose message contains "wait" hold until {@link #release} is counted down or the turn is stopped.
 */
final class ComposerFixture implements AutoCloseable {
    final QueueExecutor fx = new QueueExecutor();
    final CountDownLatch release = new CountDownLatch(1);
    final Path workspace;
    final Store store;
    final TestEngine engine;
    final ComposerViewModel composer;

    ComposerFixture(Path dir) throws IOException {
        workspace = Files.createDirectories(dir.resolve("project"));
        store = Store.open(dir.resolve("data"));
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(turn -> {
            if (turn.text().contains("wait")) {
                while (!release.await(5, TimeUnit.MILLISECONDS) && !turn.stopped()) {
                    Thread.onSpinWait();
                }
            }
            turn.emit(QuestEvent.AgentMessage.text("done"));
            return new TurnResult.EndTurn();
        }), (goal, summary, round) -> new GoalVerdict(true, "met", ""));
        composer = open();
    }

    ComposerViewModel open() {
        return new ComposerViewModel(store, engine.parts, new DirectTaskRunner(), fx);
    }

    void write(String relative, String text) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    String quest() {
        String workspaceId = store.workspaces().open(workspace.toString()).id();
        Quest quest = Quest.create("Orders", "Orders", workspaceId, QuestMode.AGENT, QuestEnvironment.LOCAL,
                Instant.now());
        store.quests().create(quest);
        return quest.id();
    }

    void type(String text) {
        composer.textProperty().set(text);
        composer.completion().update(text, text.length());
    }

    void send(String text) {
        composer.textProperty().set(text);
        composer.send();
    }

    QuestStatus status(String id) {
        return store.quests().summary(id).orElseThrow().status();
    }

    List<List<ContentBlock>> userMessages(String id) {
        return store.journal().readByType(id, Set.of("user.message"), 0).stream()
                .map(entry -> ((QuestEvent.UserMessage) entry.event()).content()).toList();
    }

    @Override
    public void close() {
        release.countDown();
        composer.close();
        engine.close();
        store.close();
    }
}
