package dev.questbench.agent.builtin;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ChatMessage;
import dev.questbench.llm.ModelClient;
import dev.questbench.llm.ModelException;
import dev.questbench.llm.ModelRequest;
import dev.questbench.llm.Part;
import dev.questbench.llm.StreamListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Keeps a long quest inside the model's context window: picks where to cut (before a user message or a model
 * call, so tool calls stay paired with their results) and asks the model for a summary of everything before it.
 */
final class Compaction {
    private static final String INSTRUCTIONS = """
            Summarise the conversation above so that you can continue the work from the summary alone. Keep: the \
            user's requests and constraints, decisions made and why, files read and changed (with paths), commands \
            run and their outcomes, errors met, the current state and what remains to do. Be specific and concise; \
            use bullet points. Answer with the summary only.""";

    /**
     * @param older          the messages to summarise
     * @param throughEventId the last journal event the summary replaces
     */
    record Plan(List<ChatMessage> older, String throughEventId) {
    }

    private Compaction() {
    }

    /**
     * Where to cut: the earliest boundary (before a user message or a model call, or at the end) whose kept part
     * fits in {@code keepTokens}; null when there is nothing to summarise.
     */
    static Plan plan(List<JournalEntry> log, Map<String, String> overrides, double keepTokens,
                     ToLongFunction<List<ChatMessage>> estimate) {
        int start = 0;
        boolean content = false; // a previous summary counts as something to summarise
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).event() instanceof QuestEvent.Compacted) {
                start = i; // keep the previous summary in what gets summarised again
                content = true;
                break;
            }
            if (log.get(i).event() instanceof QuestEvent.ContextCleared) {
                start = i + 1; // nothing before a /clear is part of the conversation any more
                break;
            }
        }
        List<Integer> boundaries = new ArrayList<>();
        for (int i = start; i < log.size(); i++) {
            QuestEvent event = log.get(i).event();
            if (i > start && content
                    && (event instanceof QuestEvent.UserMessage || event instanceof QuestEvent.ModelRequestStart)) {
                boundaries.add(i);
            }
            if (event instanceof QuestEvent.UserMessage || event instanceof QuestEvent.AgentMessage
                    || event instanceof QuestEvent.AgentToolUse) {
                content = true;
            }
        }
        if (content) {
            boundaries.add(log.size()); // everything so far: the summary alone carries the work on
        }
        if (boundaries.isEmpty()) {
            return null;
        }
        int cut = boundaries.get(boundaries.size() - 1);
        for (int boundary : boundaries) {
            long kept = estimate.applyAsLong(Conversation.build(log.subList(boundary, log.size()), overrides));
            if (kept <= keepTokens) {
                cut = boundary;
                break;
            }
        }
        return new Plan(Conversation.build(log.subList(0, cut), overrides), log.get(cut - 1).id());
    }

    /**
     * Where {@code /compact} cuts: everything before the latest user message (the one that started this turn), or
     * null when the user did not ask for a compaction since the last one (or since {@code /clear}), or there is
     * nothing before that message to summarise.
     */
    static Plan requested(List<JournalEntry> log, Map<String, String> overrides) {
        int lastUser = -1;
        for (int i = log.size() - 1; i >= 0; i--) {
            QuestEvent event = log.get(i).event();
            if (event instanceof QuestEvent.Compacted || event instanceof QuestEvent.ContextCleared) {
                return null;
            }
            if (event instanceof QuestEvent.UserMessage && lastUser < 0) {
                lastUser = i;
            }
            if (event instanceof QuestEvent.CompactRequested) {
                int end = lastUser > i ? lastUser : log.size();
                return plan(log.subList(0, end), overrides, 0, messages -> 1);
            }
        }
        return null;
    }

    /** One model call that turns the older messages into a summary, fitted to the window. */
    static String summarise(ModelClient client, String model, List<ChatMessage> older, int window,
                            Cancellation cancel) throws ModelException {
        String transcript = render(older);
        int maxChars = (int) Math.min(Integer.MAX_VALUE - 1L, (long) (window * 0.6) * 4);
        if (transcript.length() > maxChars) {
            // the oldest part goes first: the recent past matters most for continuing
            transcript = "[…earlier part omitted…]\n" + transcript.substring(transcript.length() - maxChars);
        }
        ModelRequest request = new ModelRequest(model, "You write precise working summaries of agent sessions.",
                List.of(ChatMessage.user(transcript + "\n\n---\n" + INSTRUCTIONS)), List.of(), 4_096, null);
        String summary = client.stream(request, StreamListener.NONE, cancel).text().strip();
        if (summary.isEmpty()) {
            throw new ModelException(ModelException.Kind.MALFORMED, "the model returned an empty summary");
        }
        return summary;
    }

    static String render(List<ChatMessage> messages) {
        StringBuilder out = new StringBuilder();
        for (ChatMessage message : messages) {
            String who = message.role() == ChatMessage.Role.USER ? "User" : "Assistant";
            for (Part part : message.parts()) {
                if (part instanceof Part.Text text) {
                    out.append(who).append(": ").append(text.text()).append("\n\n");
                } else if (part instanceof Part.ToolCall call) {
                    out.append("Assistant called ").append(call.name()).append(' ').append(call.argumentsJson())
                            .append("\n\n");
                } else if (part instanceof Part.ToolResult result) {
                    out.append(result.isError() ? "Tool error: " : "Tool result: ").append(result.content())
                            .append("\n\n");
                }
            }
        }
        return out.toString();
    }
}
