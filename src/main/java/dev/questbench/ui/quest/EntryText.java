package dev.questbench.ui.quest;

import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.QuestEvent;
import java.util.List;

/** Says what a journal event that is not a message or a card means, in words a person reads in the conversation. */
final class EntryText {

    private EntryText() {
    }

    /** Status changes (a pill between messages) as opposed to quiet details. */
    static boolean isStatus(QuestEvent event) {
        return event.type().startsWith("session.") || event instanceof QuestEvent.Paused
                || event instanceof QuestEvent.Resumed || event instanceof QuestEvent.ScheduledRun
                || event instanceof QuestEvent.GoalEvaluated || event instanceof QuestEvent.SpecAccepted;
    }

    static String text(QuestEvent event) {
        if (event instanceof QuestEvent.SessionStatusRunning) {
            return "Agent started working";
        }
        if (event instanceof QuestEvent.SessionStatusIdle idle) {
            return idle.requiresAction() ? "Waiting for your answer" : "Turn finished";
        }
        if (event instanceof QuestEvent.Paused) {
            return "Paused";
        }
        if (event instanceof QuestEvent.Resumed) {
            return "Resumed";
        }
        if (event instanceof QuestEvent.ScheduledRun run) {
            return "Scheduled for " + dev.questbench.ui.common.TimeAgo.exact(run.runAt());
        }
        if (event instanceof QuestEvent.GoalEvaluated goal) {
            return "Goal check, round " + goal.round() + ": " + (goal.met() ? "met" : "not met yet")
                    + (goal.reason() == null || goal.reason().isBlank() ? "" : " — " + goal.reason());
        }
        if (event instanceof QuestEvent.SpecAccepted accepted) {
            return "schedule".equals(accepted.action()) ? "Spec accepted for a scheduled run" : "Spec accepted: building";
        }
        return detail(event);
    }

    private static String detail(QuestEvent event) {
        if (event instanceof QuestEvent.AgentToolUse use) {
            ToolInput input = ToolInput.of(use.name(), use.input());
            String what = input.subject().isEmpty() ? use.name() : use.name() + " · " + oneLine(input.subject());
            return use.evaluatedPermission() == Decision.Permission.DENY ? "Refused by your rules: " + what : what;
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
        if (event instanceof QuestEvent.Artifact artifact) {
            return "Artifact: " + artifact.path();
        }
        if (event instanceof QuestEvent.ContextLoaded loaded) {
            return contextText(loaded);
        }
        if (event instanceof QuestEvent.UserInterrupt) {
            return "You interrupted the agent";
        }
        if (event instanceof QuestEvent.ContextCleared) {
            return "Context cleared: the agent starts fresh from here (/clear)";
        }
        if (event instanceof QuestEvent.CompactRequested) {
            return "Compaction asked: the agent summarises the conversation before its next call (/compact)";
        }
        if (event instanceof QuestEvent.SubagentEvent child) {
            QuestEvent inner = EventJson.fromTree(child.event());
            String what = inner instanceof QuestEvent.UserMessage ? "started"
                    : inner instanceof QuestEvent.AgentMessage message ? oneLine(
                    ContentBlock.plainText(message.content())) : detail(inner);
            return child.agent() + ": " + what + (child.note() == null ? "" : " — " + child.note());
        }
        if (event instanceof QuestEvent.ExternalSession session) {
            return "Agent " + session.agent() + " · session " + session.sessionId()
                    + (session.mode() == null ? "" : " · mode " + session.mode());
        }
        return event.type();
    }

    /** "Read AGENTS.md, CLAUDE.md" and the number of warnings; the Summary lists them in full. */
    private static String contextText(QuestEvent.ContextLoaded loaded) {
        List<String> names = loaded.references() == null ? List.of() : loaded.references().stream()
                .map(reference -> QuestSummaryView.fileName(reference.path() == null ? "" : reference.path()))
                .toList();
        int warnings = loaded.warnings() == null ? 0 : loaded.warnings().size();
        String read = names.isEmpty() ? "No memory files" : "Read " + String.join(", ", names);
        return warnings == 0 ? read : read + " · " + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    private static String oneLine(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 119) + "…" : flat;
    }
}
