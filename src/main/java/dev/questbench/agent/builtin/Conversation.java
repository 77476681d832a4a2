package dev.questbench.agent.builtin;

import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.ChatMessage;
import dev.questbench.llm.Part;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds what the model sees from the quest's journal, so a session can resume after a restart, a fork or a
 * retry with nothing but the journal. Tool calls carry their {@code agent.tool_use} event id as the call id.
 */
final class Conversation {
    static final String SUMMARY_INTRO = "Summary of the earlier part of this conversation (older turns were "
            + "compacted to fit the context window):\n\n";
    static final String NOT_RUN = "This tool call did not run: the turn was interrupted before it started.";

    private Conversation() {
    }

    /**
     * The messages for the next model call.
     *
     * @param entries   the journal (and events this session added), oldest first
     * @param overrides what the model sees instead of a {@code user.message}'s own text (hook context added)
     */
    static List<ChatMessage> build(List<JournalEntry> entries, Map<String, String> overrides) {
        int start = 0;
        String summary = null;
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).event() instanceof QuestEvent.Compacted compacted) {
                summary = compacted.summary();
                start = indexAfter(entries, compacted.throughEventId(), i);
                break;
            }
            if (entries.get(i).event() instanceof QuestEvent.ContextCleared) {
                start = i + 1; // /clear: nothing before it reaches the model, not even an older summary
                break;
            }
        }
        Builder builder = new Builder();
        if (summary != null) {
            builder.user(new Part.Text(SUMMARY_INTRO + summary));
        }
        Set<String> answered = new HashSet<>();
        for (JournalEntry entry : entries.subList(start, entries.size())) {
            if (entry.event() instanceof QuestEvent.AgentToolResult result) {
                answered.add(result.toolUseId());
            }
        }
        for (JournalEntry entry : entries.subList(start, entries.size())) {
            QuestEvent event = entry.event();
            if (event instanceof QuestEvent.UserMessage message) {
                String text = overrides.getOrDefault(entry.id(), ContentBlock.fullText(message.content()));
                builder.closeOrphans(answered);
                builder.user(new Part.Text(text));
            } else if (event instanceof QuestEvent.AgentMessage message) {
                String text = ContentBlock.plainText(message.content());
                if (!text.isEmpty()) {
                    builder.closeOrphans(answered);
                    builder.assistant(new Part.Text(text));
                }
            } else if (event instanceof QuestEvent.AgentToolUse use) {
                builder.closeOrphansBefore(answered);
                builder.assistant(new Part.ToolCall(entry.id(), use.name(),
                        use.input() == null ? "{}" : use.input().toString()));
                builder.open(entry.id());
            } else if (event instanceof QuestEvent.AgentToolResult result) {
                builder.result(new Part.ToolResult(result.toolUseId(), ContentBlock.plainText(result.content()),
                        result.isError()));
            } else if (event instanceof QuestEvent.ReviewFeedback feedback) {
                builder.closeOrphans(answered);
                builder.user(new Part.Text(ReviewText.of(feedback)));
            } else if (event instanceof QuestEvent.Reverted reverted) {
                builder.closeOrphans(answered);
                builder.user(new Part.Text("(The user reverted the workspace files to how they were before turn "
                        + reverted.turn() + ". Changes made since then are gone from the files; check before relying "
                        + "on them.)"));
            } else if (event instanceof QuestEvent.HookRan hook && "Stop".equals(hook.hookEvent())
                    && BuiltinSession.KEEP_WORKING.equals(hook.outcome())) {
                builder.closeOrphans(answered);
                builder.user(new Part.Text("A Stop hook asks you to keep working:\n" + hook.output()));
            }
        }
        return builder.messages();
    }

    /** The index just after the event with this id (where the kept part starts), or after {@code fallback}. */
    static int indexAfter(List<JournalEntry> entries, String id, int fallback) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        return fallback + 1;
    }

    /** Joins parts into alternating messages and pairs each tool call with its result. */
    private static final class Builder {
        private final List<ChatMessage> messages = new ArrayList<>();
        private final List<Part> current = new ArrayList<>();
        private ChatMessage.Role role;
        private final Map<String, Boolean> openCalls = new LinkedHashMap<>();

        void user(Part part) {
            append(ChatMessage.Role.USER, part);
        }

        void assistant(Part part) {
            append(ChatMessage.Role.ASSISTANT, part);
        }

        void open(String callId) {
            openCalls.put(callId, Boolean.TRUE);
        }

        void result(Part.ToolResult result) {
            openCalls.remove(result.callId());
            if (role == ChatMessage.Role.USER) {
                // results go before any text the user added in the same message
                int at = 0;
                while (at < current.size() && current.get(at) instanceof Part.ToolResult) {
                    at++;
                }
                current.add(at, result);
            } else {
                append(ChatMessage.Role.USER, result);
            }
        }

        /** Calls that never got a result (an interrupted turn) are answered as not run, so the model sees pairs. */
        void closeOrphans(Set<String> answered) {
            for (String id : List.copyOf(openCalls.keySet())) {
                if (!answered.contains(id)) {
                    result(new Part.ToolResult(id, NOT_RUN, true));
                }
            }
            openCalls.clear();
        }

        /** A new tool call after results means a new assistant message: close calls left without results. */
        void closeOrphansBefore(Set<String> answered) {
            if (role == ChatMessage.Role.USER) {
                closeOrphans(answered);
            }
        }

        private void append(ChatMessage.Role next, Part part) {
            if (role != next) {
                flush();
                role = next;
            }
            current.add(part);
        }

        private void flush() {
            if (!current.isEmpty()) {
                messages.add(new ChatMessage(role, current));
                current.clear();
            }
        }

        List<ChatMessage> messages() {
            flush();
            return List.copyOf(messages);
        }
    }
}
