package dev.questbench.agent.builtin;

import dev.questbench.agent.AgentBackend;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.UserInput;
import dev.questbench.domain.Quest;
import java.util.List;
import java.util.function.Function;

/**
 * The agent users get without installing anything: a tool-calling loop over any OpenAI-compatible endpoint or
 * Anthropic. The setup function resolves provider, model, rules and limits for each quest when its session opens.
 */
public final class BuiltinBackend implements AgentBackend {
    public static final String KIND = Quest.BUILTIN_BACKEND;

    private final Function<Quest, SessionSetup> setup;

    public BuiltinBackend(Function<Quest, SessionSetup> setup) {
        this.setup = setup;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public AgentSession open(QuestContext context) {
        SessionSetup resolved;
        try {
            resolved = setup.apply(context.quest());
        } catch (RuntimeException e) {
            return new FailedSession(e.getMessage());
        }
        return new BuiltinSession(context, resolved);
    }

    /** A session whose setup failed (an unknown provider, unreadable settings): every turn says why. */
    private record FailedSession(String message) implements AgentSession {
        @Override
        public TurnResult send(UserInput input) {
            return failed();
        }

        @Override
        public TurnResult confirm(List<ToolConfirmation> answers) {
            return failed();
        }

        @Override
        public TurnResult resume() {
            return failed();
        }

        private TurnResult failed() {
            return new TurnResult.Failed("configuration_error", message, true);
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }
    }
}
