package dev.questbench.engine.schedule;

import dev.questbench.agent.AgentBackend;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.UserInput;
import dev.questbench.domain.Quest;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.QuestEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test fixture standing in for the built-in agent: each turn answers at once. A message containing
 * {@code FAIL} fails the turn; anything else ends it normally. It records every prompt it received.
 */
final class ScheduleTestBackend implements AgentBackend {
    final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    public String kind() {
        return Quest.BUILTIN_BACKEND;
    }

    @Override
    public AgentSession open(QuestContext context) {
        return new AgentSession() {
            @Override
            public TurnResult send(UserInput input) {
                received.add(input.text());
                if (input.text().contains("FAIL")) {
                    return new TurnResult.Failed("test_failure", "The scripted agent failed as asked.", true);
                }
                context.sink().emit(new QuestEvent.AgentMessage(ContentBlock.textList("done: " + input.text())));
                return new TurnResult.EndTurn();
            }

            @Override
            public TurnResult confirm(List<ToolConfirmation> answers) {
                return new TurnResult.EndTurn();
            }

            @Override
            public TurnResult resume() {
                return new TurnResult.EndTurn();
            }

            @Override
            public void cancel() {
            }

            @Override
            public void close() {
            }
        };
    }
}
