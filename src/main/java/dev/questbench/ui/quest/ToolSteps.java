package dev.questbench.ui.quest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the transcript knows about each tool use it shows: the use, the user's answer, the result and the output
 * so far, by the tool use's {@code evt_} id. Builds the row for it: an approval card while it waits for an answer,
 * a question card for {@code AskUserQuestion}, else a step.
 */
final class ToolSteps {
    static final String QUESTION_TOOL = "AskUserQuestion";
    private static final Set<String> DIFF_TOOLS = Set.of("Edit", "Write");

    private final Map<String, Call> calls = new HashMap<>();

    /** One tool use and what came of it. */
    private static final class Call {
        final JournalEntry entry;
        final QuestEvent.AgentToolUse use;
        final String tool;
        final ToolInput input;
        final String requester;
        final String reason;
        QuestEvent.UserToolConfirmation answer;
        boolean finished;
        boolean failed;
        Long durationMs;
        OutputTail output = OutputTail.EMPTY;
        ProgressTail progress;

        Call(JournalEntry entry, QuestEvent.AgentToolUse use, String requester, String reason) {
            this.entry = entry;
            this.use = use;
            this.requester = requester == null ? "" : requester;
            this.reason = reason == null ? "" : reason;
            this.tool = use.name() == null ? "Tool" : use.name();
            this.input = ToolInput.of(tool, use.input());
        }
    }

    void clear() {
        calls.clear();
    }

    void started(JournalEntry entry, QuestEvent.AgentToolUse use) {
        calls.put(entry.id(), new Call(entry, use, null, null));
    }

    /**
     * A subagent's event: a tool use that asks for approval is shown like the main agent's (with the subagent's
     * name), and its result finishes it. True when the event belongs to such a tool use.
     */
    boolean child(JournalEntry entry, QuestEvent.SubagentEvent child) {
        QuestEvent inner = EventJson.fromTree(child.event());
        if (inner instanceof QuestEvent.AgentToolUse use && use.evaluatedPermission() == Decision.Permission.ASK) {
            calls.put(entry.id(), new Call(entry, use, child.agent(), child.note()));
            return true;
        }
        return inner instanceof QuestEvent.AgentToolResult result && finished(result);
    }

    boolean knows(String toolUseId) {
        return toolUseId != null && calls.containsKey(toolUseId);
    }

    /** Records the answer; true when it belongs to a tool use shown here. */
    boolean answered(QuestEvent.UserToolConfirmation answer) {
        Call call = calls.get(answer.toolUseId());
        if (call != null) {
            call.answer = answer;
        }
        return call != null;
    }

    boolean finished(QuestEvent.AgentToolResult result) {
        Call call = calls.get(result.toolUseId());
        if (call == null) {
            return false;
        }
        call.finished = true; // the result's text is not kept: only its tail is shown
        call.failed = result.isError();
        call.durationMs = result.durationMs();
        call.progress = null;
        String text = ContentBlock.plainText(result.content());
        boolean stored = result.content() != null
                && result.content().stream().anyMatch(block -> "blob".equals(block.type()));
        OutputTail tail = OutputTail.of(text, DIFF_TOOLS.contains(call.tool));
        call.output = stored && !tail.truncated() ? new OutputTail(tail.text(), true) : tail;
        return true;
    }

    /** Adds a piece of a running tool's output, journaled or {@code live}; true when its step is shown. */
    boolean progressed(QuestEvent.ToolProgress progress, boolean live) {
        Call call = calls.get(progress.toolUseId());
        if (call == null || call.finished) {
            return false;
        }
        if (call.progress == null) {
            call.progress = new ProgressTail();
        }
        if (live) {
            call.progress.live(progress.text());
        } else {
            call.progress.journaled(progress.text());
        }
        return true;
    }

    /**
     * The row for a tool use as things stand: {@code pending} are the ids the quest waits for, {@code expanded}
     * whether a step shows its output.
     */
    TranscriptRow row(String toolUseId, QuestStatus status, List<String> pending, boolean expanded) {
        Call call = calls.get(toolUseId);
        boolean waitsForThis = call.answer == null && !call.finished
                && status == QuestStatus.ACTION_REQUIRED && pending.contains(toolUseId);
        if (QUESTION_TOOL.equals(call.tool)) {
            return question(call, waitsForThis);
        }
        Decision.Permission permission = call.use.evaluatedPermission();
        boolean unanswered = permission == Decision.Permission.ASK && call.answer == null && !call.finished;
        // Until the quest says it waits for this answer, the card would have nothing to offer: a waiting step.
        if (unanswered && (waitsForThis || !status.isActive() && status != QuestStatus.ACTION_REQUIRED)) {
            return new TranscriptRow.Approval(call.entry, call.tool, call.input, waitsForThis, call.requester,
                    call.reason);
        }
        TranscriptRow.Answer answer = call.answer == null ? null : new TranscriptRow.Answer(call.answer.result(),
                call.answer.alwaysForQuest(), call.answer.denyMessage());
        OutputTail output = call.finished ? call.output : call.progress == null ? OutputTail.EMPTY
                : progressTail(call.progress);
        return new TranscriptRow.Step(call.entry, call.tool, call.input, state(call, status), answer,
                call.durationMs, output.text(), output.truncated(), expanded);
    }

    private static OutputTail progressTail(ProgressTail progress) {
        OutputTail tail = OutputTail.of(progress.text(), false);
        return progress.trimmed() && !tail.truncated() ? new OutputTail(tail.text(), true) : tail;
    }

    private static TranscriptRow.StepState state(Call call, QuestStatus status) {
        if (call.use.evaluatedPermission() == Decision.Permission.DENY
                || call.answer != null && call.answer.result() == Decision.DENY) {
            return TranscriptRow.StepState.DENIED;
        }
        if (call.finished) {
            return call.failed ? TranscriptRow.StepState.ERROR : TranscriptRow.StepState.DONE;
        }
        if (call.use.evaluatedPermission() == Decision.Permission.ASK && call.answer == null) {
            return TranscriptRow.StepState.WAITING;
        }
        if (status == QuestStatus.RUNNING || status == QuestStatus.QUEUED) {
            return TranscriptRow.StepState.RUNNING;
        }
        return status == QuestStatus.ACTION_REQUIRED ? TranscriptRow.StepState.WAITING
                : TranscriptRow.StepState.UNFINISHED;
    }

    private static TranscriptRow.Question question(Call call, boolean open) {
        JsonNode input = call.use.input();
        String text = input == null ? "" : input.path("question").asText("");
        if (text.isBlank()) {
            text = call.input.subject().isBlank() ? "The agent has a question." : call.input.subject();
        }
        List<String> options = new ArrayList<>();
        JsonNode given = input == null ? null : input.get("options");
        if (given != null && given.isArray()) {
            for (JsonNode option : given) {
                String label = option.isValueNode() ? option.asText()
                        : option.path("label").asText(option.path("text").asText(""));
                if (!label.isBlank()) {
                    options.add(label);
                }
            }
        }
        String preferred = input == null || !input.hasNonNull("default") ? null : input.get("default").asText();
        boolean declined = call.answer != null && call.answer.result() == Decision.DENY;
        String reply = call.answer == null || declined ? null
                : call.answer.answer() == null ? "" : call.answer.answer();
        return new TranscriptRow.Question(call.entry, text, List.copyOf(options), preferred, reply, declined, open);
    }
}
