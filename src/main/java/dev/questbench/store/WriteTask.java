package dev.questbench.store;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/** A write submitted to the {@link WriterThread}, and its caller's future. */
final class WriteTask<T> {
    final String what;
    final WriterThread.Write<T> work;
    /** A journal append, which writes only events and what {@link QuestHeads} holds for the batch. */
    final boolean append;
    final CompletableFuture<T> result = new CompletableFuture<>();
    /** Set by the last run; a batch that falls back to one savepoint per write runs its writes again. */
    WriteContext context;
    private T value;

    WriteTask(String what, WriterThread.Write<T> work, boolean append) {
        this.what = what;
        this.work = work;
        this.append = append;
    }

    void run(WriteContext writeContext) throws SQLException {
        context = writeContext;
        value = work.run(writeContext);
    }

    void complete() {
        result.complete(value);
    }
}
