package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.hooks.HookEvent;
import dev.questbench.agent.builtin.hooks.HookResult;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.ToolOutput;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ToolSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an allowed tool use and journals its result: the loop's own TodoWrite, or a real tool with its output
 * streamed as it arrives, PostToolUse hooks, and the files it changed as artifacts.
 */
final class ToolExecution {
    private final SessionSetup setup;
    private final SessionJournal journal;
    private final SessionHooks hooks;
    private final Map<String, Tool> tools;
    private final List<ToolSpec> specs;
    private final Path workDir;

    ToolExecution(SessionSetup setup, SessionJournal journal, SessionHooks hooks, Map<String, Tool> tools,
                  List<ToolSpec> specs, Path workDir) {
        this.setup = setup;
        this.journal = journal;
        this.hooks = hooks;
        this.tools = tools;
        this.specs = specs;
        this.workDir = workDir;
    }

    void execute(JournalEntry entry, QuestEvent.AgentToolUse use, Cancellation cancellation) {
        long started = System.nanoTime();
        if (LoopTools.TODO_WRITE.equals(use.name())) {
            todoWrite(entry, use, started);
            return;
        }
        Tool tool = tools.get(use.name());
        if (tool == null) {
            result(entry.id(), "There is no tool named '" + use.name() + "'. Available tools: "
                    + String.join(", ", specs.stream().map(ToolSpec::name).toList()) + ".", true, 0L);
            return;
        }
        ToolOutput output;
        try (ProgressJournal progress = new ProgressJournal(entry.id(), journal)) {
            ToolContext toolContext = new ToolContext(workDir, cancellation, progress, setup.blobs(), setup.limits());
            try {
                output = tool.run(use.input(), toolContext);
            } catch (ToolException e) {
                output = new ToolOutput(e.getMessage(), true, null, List.of());
            } catch (RuntimeException e) {
                output = new ToolOutput(use.name() + " failed unexpectedly: " + e + ". Try another way.", true, null,
                        List.of());
            }
        }
        finish(entry, use, output, started);
    }

    /** Journals a tool's output (after PostToolUse hooks) and the files it changed; {@code started} in nanos. */
    void finish(JournalEntry entry, QuestEvent.AgentToolUse use, ToolOutput output, long started) {
        String text = afterHooks(use, output);
        List<ContentBlock> content = new ArrayList<>();
        content.add(ContentBlock.text(text));
        if (output.blobRef() != null) {
            content.add(new ContentBlock("blob", null, output.blobRef()));
        }
        journal.emit(new QuestEvent.AgentToolResult(entry.id(), content, output.isError(),
                started == 0L ? null : millisSince(started)));
        for (String changed : output.changedFiles()) {
            artifact(changed, use.name());
        }
    }

    void result(String toolUseId, String text, boolean isError, Long durationMs) {
        journal.emit(new QuestEvent.AgentToolResult(toolUseId, ContentBlock.textList(text), isError, durationMs));
    }

    private void todoWrite(JournalEntry entry, QuestEvent.AgentToolUse use, long started) {
        List<QuestEvent.TodoUpdated.TodoItem> todos = LoopTools.todos(use.input());
        if (todos == null) {
            result(entry.id(), "TodoWrite needs {\"todos\": [{\"content\": …, \"status\": \"pending|in_progress|"
                    + "completed\"}]}.", true, millisSince(started));
            return;
        }
        journal.emit(new QuestEvent.TodoUpdated(todos));
        long done = todos.stream().filter(t -> "completed".equals(t.status())).count();
        result(entry.id(), "Todo list updated: " + todos.size() + " items, " + done + " completed.", false,
                millisSince(started));
    }

    /** PostToolUse hooks may add context for the model or object to what happened. */
    private String afterHooks(QuestEvent.AgentToolUse use, ToolOutput output) {
        String text = output.text() == null ? "" : output.text();
        ObjectNode input = hooks.input().put("tool_name", use.name());
        input.set("tool_input", use.input());
        input.putObject("tool_response").put("output", text).put("is_error", output.isError());
        HookResult post = hooks.run(HookEvent.POST_TOOL_USE, use.name(), input);
        if (post.additionalContext() != null && !post.additionalContext().isBlank()) {
            text = text + "\n\n" + post.additionalContext().strip();
        }
        if (post.blocked() && post.feedback() != null) {
            text = text + "\n\nA PostToolUse hook says: " + post.feedback().strip();
        }
        return text;
    }

    private void artifact(String relative, String toolName) {
        long size;
        try {
            size = Files.size(workDir.resolve(relative));
        } catch (IOException e) {
            return; // removed again by the time we look: nothing to preview
        }
        String change = "Write".equals(toolName) ? "written" : "modified";
        journal.emit(new QuestEvent.Artifact(relative, MediaTypes.of(relative), size, change));
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
