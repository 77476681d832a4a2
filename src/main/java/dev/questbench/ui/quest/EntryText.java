package dev.questbench.ui.quest;

import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.QuestEvent;

/** Says what one journal event means in words a person reads in the conversation. */
final class EntryText {

    /** How an entry is drawn: a message bubble, a status line between messages, or a quiet detail line. */
    enum Kind { USER, AGENT, STATUS, DETAIL }

    private EntryText() {
    }

    static Kind kind(QuestEvent event) {
        if (event instanceof QuestEvent.UserMessage) {
            return Kind.USER;
        }
        if (event instanceof QuestEvent.AgentMessage) {
            return Kind.AGENT;
        }
        String type = event.type();
        if (type.startsWith("session.") || event instanceof QuestEvent.Paused || event instanceof QuestEvent.Resumed
                || event instanceof QuestEvent.Interrupted || event instanceof QuestEvent.ScheduledRun) {
            return Kind.STATUS;
        }
        return Kind.DETAIL;
    }

    static String text(QuestEvent event) {
        if (event instanceof QuestEvent.UserMessage message) {
            return ContentBlock.plainText(message.content());
        }
        if (event instanceof QuestEvent.AgentMessage message) {
            return ContentBlock.plainText(message.content());
        }
        if (event instanceof QuestEvent.SessionStatusRunning) {
            return "Agent started working";
        }
        if (event instanceof QuestEvent.SessionStatusIdle idle) {
            if (idle.requiresAction()) {
                return "Waiting for your answer";
            }
            return idle.stopReason() != null && QuestEvent.SessionStatusIdle.StopReason.STOPPED
                    .equals(idle.stopReason().type()) ? "Stopped" : "Turn finished";
        }
        if (event instanceof QuestEvent.SessionError error) {
            return "Error: " + (error.error() == null ? "the turn failed" : error.error().message());
        }
        if (event instanceof QuestEvent.Paused) {
            return "Paused";
        }
        if (event instanceof QuestEvent.Resumed) {
            return "Resumed";
        }
        if (event instanceof QuestEvent.Interrupted) {
            return "Interrupted when Questbench stopped";
        }
        if (event instanceof QuestEvent.ScheduledRun run) {
            return "Scheduled for " + run.runAt();
        }
        return detail(event);
    }

    private static String detail(QuestEvent event) {
        if (event instanceof QuestEvent.AgentToolUse use) {
            return "Tool: " + use.name();
        }
        if (event instanceof QuestEvent.AgentToolResult result) {
            return result.isError() ? "Tool failed" : "Tool finished";
        }
        if (event instanceof QuestEvent.AgentThinking) {
            return "Thinking…";
        }
        if (event instanceof QuestEvent.TodoUpdated todo) {
            return "To-do list updated (" + todo.todos().size() + " items)";
        }
        if (event instanceof QuestEvent.Checkpoint checkpoint) {
            return "Checkpoint before turn " + checkpoint.turn();
        }
        if (event instanceof QuestEvent.Artifact artifact) {
            return "Artifact: " + artifact.path();
        }
        return event.type();
    }
}
