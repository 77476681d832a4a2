package dev.questbench.agent.acp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.EventSink;
import dev.questbench.agent.builtin.MediaTypes;
import dev.questbench.agent.builtin.tools.WorkspacePaths;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns ACP {@code session/update}s into the journal's vocabulary: message and thought chunks stream live and are
 * journaled whole when something else begins, tool calls become {@code agent.tool_use}/{@code agent.tool_result}
 * pairs, plans the todo list, terminal output live progress. Known limit: {@code usage_update} and
 * {@code user_message_chunk} (a replay of what the journal already has) are not journaled.
 */
final class AcpTranscript {
    private final EventSink sink;
    private final Path workDir;
    private final Function<String, String> terminalOutput;
    private final SessionInfo info;
    private final Map<String, ToolCall> calls = new LinkedHashMap<>();
    private final Map<String, String> terminalUses = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder thought = new StringBuilder();
    private int messages;

    /** The session facts {@code quest.agent_session} records: id, mode, slash commands. */
    interface SessionInfo {
        void modeChanged(String mode);

        void commandsChanged(List<String> commands);
    }

    AcpTranscript(EventSink sink, Path workDir, Function<String, String> terminalOutput, SessionInfo info) {
        this.sink = sink;
        this.workDir = workDir;
        this.terminalOutput = terminalOutput;
        this.info = info;
    }

    synchronized void update(JsonNode update) {
        String kind = update.path("sessionUpdate").asText("");
        switch (kind) {
            case "agent_message_chunk" -> chunk(update.path("content"), false);
            case "agent_thought_chunk" -> chunk(update.path("content"), true);
            case "tool_call", "tool_call_update" -> toolCall(update);
            case "plan" -> plan(update.path("entries"));
            case "available_commands_update" -> {
                List<String> names = new ArrayList<>();
                update.path("availableCommands").forEach(c -> names.add(c.path("name").asText()));
                info.commandsChanged(names);
            }
            case "current_mode_update" -> info.modeChanged(update.path("currentModeId").asText(null));
            default -> {
                // user_message_chunk replays what we sent; usage_update and unknown kinds have no journal form
            }
        }
    }

    /**
     * Journals the tool call a permission request is about (once) with how the request was judged, and returns its
     * {@code agent.tool_use} id.
     */
    synchronized String permission(JsonNode toolCall, Decision.Permission evaluated) {
        String id = toolCall.path("toolCallId").asText("");
        ToolCall call = calls.computeIfAbsent(id, ToolCall::new);
        call.merge(toolCall);
        if (call.useEventId == null) {
            journalUse(call, evaluated);
        } else if (evaluated != Decision.Permission.ALLOW) { // journaled as running before the agent asked
            call.resulted = true;
            sink.emit(new QuestEvent.AgentToolResult(call.useEventId, ContentBlock.textList(
                    "The agent asks permission before going on; see the next step."), false, null));
            journalUse(call, evaluated);
        }
        return call.useEventId;
    }

    /** Ends the turn's record: pending text is journaled, tool calls without an outcome get one. */
    synchronized void endTurn(String why) {
        flush();
        for (ToolCall call : calls.values()) {
            if (call.useEventId != null && !call.resulted) {
                call.resulted = true;
                sink.emit(new QuestEvent.AgentToolResult(call.useEventId, ContentBlock.textList(
                        "No outcome was reported before the turn ended (" + why + ")."), true, null));
            }
        }
        calls.clear();
        terminalUses.clear();
    }

    /** Journals the text streamed so far (before a question or approval card). */
    synchronized void flush() {
        flushThought();
        if (!text.isEmpty()) {
            sink.emit(QuestEvent.AgentMessage.text(text.toString()));
            text.setLength(0);
        }
    }

    /** A piece of a terminal's output, shown live under the tool call it belongs to. */
    void terminalOutput(String terminalId, String piece) {
        String useId;
        synchronized (this) {
            useId = terminalUses.get(terminalId);
        }
        if (useId != null) {
            sink.stream(new QuestEvent.ToolProgress(useId, piece));
        }
    }

    private void chunk(JsonNode content, boolean isThought) {
        String piece = "text".equals(content.path("type").asText("text")) ? content.path("text").asText("")
                : "[" + content.path("type").asText() + "]";
        if (isThought) {
            if (!text.isEmpty()) {
                flush();
            }
            thought.append(piece);
            sink.stream(new QuestEvent.AgentContentBlockDelta(messageId(), 0,
                    new QuestEvent.AgentContentBlockDelta.Delta("thinking_delta", null, piece, null)));
        } else {
            flushThought();
            text.append(piece);
            sink.stream(new QuestEvent.AgentContentBlockDelta(messageId(), 0,
                    QuestEvent.AgentContentBlockDelta.Delta.text(piece)));
        }
    }

    private String messageId() {
        return "msg_acp_" + messages;
    }

    private void flushThought() {
        if (!thought.isEmpty()) {
            sink.emit(new QuestEvent.AgentThinking(thought.toString()));
            thought.setLength(0);
            messages++;
        }
    }

    private void toolCall(JsonNode update) {
        flush();
        messages++;
        String id = update.path("toolCallId").asText("");
        ToolCall call = calls.computeIfAbsent(id, ToolCall::new);
        call.merge(update);
        if (call.content != null) {
            for (JsonNode item : call.content) {
                if ("terminal".equals(item.path("type").asText())) {
                    terminalUses.put(item.path("terminalId").asText(), call.useEventId); // set below when null
                }
            }
        }
        if (call.useEventId == null && !"pending".equals(call.status)) {
            journalUse(call, Decision.Permission.ALLOW);
        }
        if (call.useEventId != null) {
            terminalUses.replaceAll((terminal, use) -> use == null ? call.useEventId : use);
        }
        if (call.finished() && call.useEventId != null && !call.resulted) {
            call.resulted = true;
            sink.emit(new QuestEvent.AgentToolResult(call.useEventId, ContentBlock.textList(resultText(call)),
                    "failed".equals(call.status), null));
            for (JsonNode diff : call.diffs()) {
                boolean created = diff.get("old_text") == null || diff.get("old_text").isNull();
                artifact(diff.path("path").asText(), created);
            }
        }
    }

    /** Records a file the agent changed (through a diff or fs/write_text_file) for previews; outside files are not. */
    void artifact(String path, boolean created) {
        Path file = workDir.resolve(path).normalize();
        if (!file.startsWith(workDir)) {
            return;
        }
        String relative = WorkspacePaths.relative(workDir, file);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return; // not on disk (yet): the agent may write it through its own tools later
        }
        sink.emit(new QuestEvent.Artifact(relative, MediaTypes.of(relative), size, created ? "written" : "modified"));
    }

    private void journalUse(ToolCall call, Decision.Permission evaluated) {
        JournalEntry entry = sink.emit(new QuestEvent.AgentToolUse(call.toolName(), call.input(), evaluated));
        call.useEventId = entry.id();
    }

    private String resultText(ToolCall call) {
        List<String> parts = new ArrayList<>();
        if (call.content != null) {
            for (JsonNode item : call.content) {
                switch (item.path("type").asText()) {
                    case "content" -> parts.add(item.path("content").path("text").asText(""));
                    case "diff" -> parts.add(DiffText.of(item.path("path").asText(),
                            item.path("oldText").asText(""), item.path("newText").asText("")));
                    case "terminal" -> {
                        String output = terminalOutput.apply(item.path("terminalId").asText());
                        parts.add(output == null ? "(terminal output released)" : output);
                    }
                    default -> {
                        // unknown content kinds are skipped
                    }
                }
            }
        }
        if (parts.stream().allMatch(String::isBlank) && call.rawOutput != null && !call.rawOutput.isNull()) {
            parts.add(call.rawOutput.isTextual() ? call.rawOutput.asText() : call.rawOutput.toString());
        }
        String joined = String.join("\n", parts.stream().filter(p -> !p.isBlank()).toList());
        return joined.isBlank() ? (call.title.isBlank() ? call.toolName() : call.title) + ": " + call.status : joined;
    }

    private void plan(JsonNode entries) {
        flush();
        List<QuestEvent.TodoUpdated.TodoItem> todos = new ArrayList<>();
        for (JsonNode entry : entries) {
            todos.add(new QuestEvent.TodoUpdated.TodoItem(entry.path("content").asText(),
                    entry.path("status").asText("pending"), null));
        }
        sink.emit(new QuestEvent.TodoUpdated(todos));
    }
}
