package dev.questbench.engine;

import static dev.questbench.engine.CheckpointHookTest.EDITS;
import static dev.questbench.engine.CheckpointHookTest.checkpoints;
import static dev.questbench.engine.CheckpointHookTest.questIn;
import static dev.questbench.engine.CheckpointHookTest.sendAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.workspace.checkpoint.Checkpoints;
import dev.questbench.workspace.checkpoint.TestRepos;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revert a turn and edit-and-resend a message, through the real executor, on a real repository. */
class RevertTest {
    @TempDir
    Path temp;
    private Path repo;
    private EngineFixture fixture;
    private Revert revert;
    private String questId;

    /** Three turns: a.txt 0 -> 1, then 2 with b.txt added, then c.txt added. */
    @BeforeEach
    void threeTurns() {
        repo = TestRepos.repo(temp.resolve("repo"), Map.of("a.txt", "0"));
        fixture = new EngineFixture(temp.resolve("data"), 2, EDITS);
        Checkpoints checkpoints = new Checkpoints(TestRepos.GIT, temp.resolve("data/checkpoints"));
        fixture.executor.addTurnHook(CheckpointHook.forExecutor(fixture.store, checkpoints, fixture.executor));
        revert = Revert.forExecutor(fixture.store, checkpoints, fixture.executor);
        questId = fixture.executor.create(questIn(fixture, repo, "a.txt=1")).id();
        fixture.awaitStatus(questId, QuestStatus.READY);
        sendAndWait(fixture, questId, "a.txt=2; b.txt=b");
        sendAndWait(fixture, questId, "c.txt=c");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void revertingATurnRestoresTheFilesBeforeItAndJournalsIt() {
        QuestEvent.Reverted reverted = revert.revertTurn(questId, 2);

        assertEquals(Map.of("a.txt", "1"), TestRepos.files(repo));
        assertEquals(checkpoints(fixture, questId).get(1).commit(), reverted.checkpointCommit());
        assertEquals("a.txt\nb.txt\nc.txt", TestRepos.tree(repo, reverted.safetyCommit()), "what was reverted");
        List<JournalEntry> journaled = fixture.store.journal().readByType(questId, Set.of("quest.reverted"), 0);
        assertEquals(List.of(reverted), journaled.stream().map(JournalEntry::event).toList());
    }

    @Test
    void revertingATurnWithNoCheckpointIsAClearError() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> revert.revertTurn(questId, 9));
        assertTrue(error.getMessage().contains("No checkpoint was taken before turn 9"), error.getMessage());
        assertEquals(Map.of("a.txt", "2", "b.txt", "b", "c.txt", "c"), TestRepos.files(repo), "nothing changed");
    }

    @Test
    void editingAnEarlierMessageRevertsToItsTurnThenSendsTheNewText() {
        List<JournalEntry> messages = fixture.store.journal().readByType(questId, Set.of("user.message"), 0);

        revert.editAndResend(fixture.executor, questId, messages.get(1).id(), "d.txt=d");
        fixture.awaitStatus(questId, QuestStatus.READY);

        assertEquals(Map.of("a.txt", "1", "d.txt", "d"), TestRepos.files(repo));
        assertEquals(questId + ":send:d.txt=d", fixture.backend.calls.get(fixture.backend.calls.size() - 1));
        List<QuestEvent.Checkpoint> taken = checkpoints(fixture, questId);
        assertEquals(List.of(1, 2, 3, 4), taken.stream().map(QuestEvent.Checkpoint::turn).toList());
        assertEquals(TestRepos.git(repo, "rev-parse", taken.get(1).commit() + "^{tree}"),
                TestRepos.git(repo, "rev-parse", taken.get(3).commit() + "^{tree}"),
                "the new turn starts from the files before the edited one");
    }

    @Test
    void editingSomethingThatIsNotAUserMessageIsRefused() {
        String running = fixture.store.journal().readByType(questId, Set.of("session.status_running"), 0).get(0).id();
        assertThrows(IllegalArgumentException.class,
                () -> revert.editAndResend(fixture.executor, questId, running, "x"));
        assertEquals(3, fixture.store.journal().readByType(questId, Set.of("user.message"), 0).size(),
                "nothing was sent");
    }
}
