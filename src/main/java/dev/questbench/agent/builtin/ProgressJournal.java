package dev.questbench.agent.builtin;

import dev.questbench.domain.event.QuestEvent;
import java.util.function.Consumer;

/**
 * A running tool's output: each piece goes live at once, and is journaled in chunks (every half second or
 * 8 KB) so a long command's output survives a crash without one event per line.
 */
final class ProgressJournal implements Consumer<String>, AutoCloseable {
    private static final long FLUSH_NANOS = 500_000_000L;
    private static final int FLUSH_CHARS = 8 * 1024;

    private final String toolUseId;
    private final SessionJournal sink;
    private final StringBuilder pending = new StringBuilder();
    private long lastFlush = System.nanoTime();

    ProgressJournal(String toolUseId, SessionJournal sink) {
        this.toolUseId = toolUseId;
        this.sink = sink;
    }

    @Override
    public void accept(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        sink.stream(new QuestEvent.ToolProgress(toolUseId, text));
        synchronized (pending) {
            pending.append(text);
            if (pending.length() >= FLUSH_CHARS || System.nanoTime() - lastFlush >= FLUSH_NANOS) {
                flush();
            }
        }
    }

    private void flush() {
        synchronized (pending) {
            if (pending.length() > 0) {
                sink.journalOnly(new QuestEvent.ToolProgress(toolUseId, pending.toString()));
                pending.setLength(0);
            }
            lastFlush = System.nanoTime();
        }
    }

    /** Journals what is left; called when the tool returns. */
    @Override
    public void close() {
        flush();
    }
}
