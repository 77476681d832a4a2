package dev.questbench.engine;

import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.UserInput;
import java.util.List;

/** What a worker does for a quest when it is admitted: one step of a turn. */
sealed interface Work {

    /** A turn for a journaled {@code user.message}. */
    static Work send(dev.questbench.domain.event.JournalEntry message) {
        var event = (dev.questbench.domain.event.QuestEvent.UserMessage) message.event();
        return new Send(new UserInput(event.content(), message.id()));
    }

    /** Start a turn with a journaled user message. */
    record Send(UserInput input) implements Work {
    }

    /** Continue the turn after every pending tool use got an answer. */
    record Confirm(List<ToolConfirmation> answers) implements Work {
    }

    /** Continue a turn that did not finish: after Pause, a restart, or an error (Retry). */
    record Resume() implements Work {
    }
}
