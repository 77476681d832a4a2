package dev.questbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalFlowTest {
    @TempDir
    Path dir;

    private final List<List<ToolConfirmation>> received = new CopyOnWriteArrayList<>();

    private TurnResult asksTwice(ScriptedBackend.Turn turn) {
        if (turn.call().equals("confirm")) {
            received.add(turn.answers());
            turn.emit(QuestEvent.AgentMessage.text("done"));
            return new TurnResult.EndTurn();
        }
        JournalEntry rm = turn.emit(new QuestEvent.AgentToolUse("Bash",
                JsonNodeFactory.instance.objectNode().put("command", "rm -rf build"), Decision.Permission.ASK));
        JournalEntry push = turn.emit(new QuestEvent.AgentToolUse("Bash",
                JsonNodeFactory.instance.objectNode().put("command", "git push --force"), Decision.Permission.ASK));
        return new TurnResult.RequiresAction(List.of(rm.id(), push.id()));
    }

    @Test
    void theTurnWaitsUntilEveryPendingToolUseIsAnswered() {
        try (EngineFixture f = new EngineFixture(dir, 4, this::asksTwice)) {
            String id = f.start("clean and push");
            f.awaitStatus(id, QuestStatus.ACTION_REQUIRED);
            List<String> pending = ((QuestEvent.SessionStatusIdle) f.store.journal().readLast(id, 1).get(0).event())
                    .stopReason().eventIds();
            assertEquals(2, pending.size());

            f.executor.confirm(id, new ToolConfirmation(pending.get(0), Decision.ALLOW, null, true));
            assertEquals(QuestStatus.ACTION_REQUIRED, f.status(id), "one answer of two does not continue");
            assertEquals(List.of(), received);

            f.executor.confirm(id, new ToolConfirmation(pending.get(1), Decision.DENY, "never force-push", false));
            f.awaitStatus(id, QuestStatus.READY);
            assertEquals(1, received.size());
            assertEquals(List.of(Decision.ALLOW, Decision.DENY),
                    received.get(0).stream().map(ToolConfirmation::decision).toList());
            assertEquals("never force-push", received.get(0).get(1).denyMessage());
            List<JournalEntry> confirmations = f.store.journal().readByType(id, java.util.Set.of(
                    "user.tool_confirmation"), 0);
            assertEquals(2, confirmations.size());
            assertEquals(true, ((QuestEvent.UserToolConfirmation) confirmations.get(0).event()).alwaysForQuest());
        }
    }

    @Test
    void answersSurviveARestartAndUnknownIdsAreRefused() {
        String id;
        String first;
        try (EngineFixture f = new EngineFixture(dir, 4, this::asksTwice)) {
            id = f.start("clean and push");
            f.awaitStatus(id, QuestStatus.ACTION_REQUIRED);
            first = ((QuestEvent.SessionStatusIdle) f.store.journal().readLast(id, 1).get(0).event())
                    .stopReason().eventIds().get(0);
            f.executor.confirm(id, new ToolConfirmation(first, Decision.ALLOW, null, false));
        }
        try (EngineFixture f = new EngineFixture(dir, 4, this::asksTwice)) {
            assertEquals(QuestStatus.ACTION_REQUIRED, f.status(id), "pending approvals never time out");
            assertThrows(IllegalStateException.class, () -> f.executor.confirm(id,
                    new ToolConfirmation("evt_nope", Decision.ALLOW, null, false)));
            String second = ((QuestEvent.SessionStatusIdle) f.store.journal()
                    .readByType(id, java.util.Set.of("session.status_idle"), 0).get(0).event())
                    .stopReason().eventIds().get(1);
            f.executor.confirm(id, new ToolConfirmation(second, Decision.ALLOW, null, false));
            f.awaitStatus(id, QuestStatus.READY);
        }
    }
}
