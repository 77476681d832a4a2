package dev.questbench.store;

import dev.questbench.domain.event.JournalEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The store's single writer. Callers submit writes and wait; the thread takes everything pending and
 * commits it in one transaction (group commit), so many small concurrent writes cost one commit, yet each
 * caller returns only after its own write is committed. A failing write is rolled back alone: the batch is
 * then re-run with a savepoint per write.
 */
final class WriterThread implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WriterThread.class.getName());
    /** Caps one transaction so a flood of writers still sees steady commits. */
    private static final int MAX_BATCH = 1_000;
    private static final WriteTask<Void> STOP = new WriteTask<>("stop", context -> null, false);

    private final CachingConnection connection;
    private final Notifier notifier;
    private final Checkpointer checkpointer;
    private final QuestHeads heads = new QuestHeads();
    private final BlockingQueue<WriteTask<?>> queue = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private final Thread thread;
    private boolean closed;

    WriterThread(Connection connection, Notifier notifier, Checkpointer checkpointer) {
        this.connection = new CachingConnection(connection);
        this.notifier = notifier;
        this.checkpointer = checkpointer;
        this.thread = new Thread(this::loop, "questbench-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Work inside the writer's transaction. */
    interface Write<T> {
        T run(WriteContext context) throws SQLException;
    }

    /** Runs the write on the writer thread and returns once it is committed; {@code what} names it in errors. */
    <T> T submit(String what, Write<T> work) {
        return submit(new WriteTask<>(what, work, false));
    }

    /** As {@link #submit}, for a journal append: it may use {@link WriteContext#head} and writes nothing else. */
    <T> T submitAppend(String what, Write<T> work) {
        return submit(new WriteTask<>(what, work, true));
    }

    private <T> T submit(WriteTask<T> task) {
        String what = task.what;
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a store write cannot wait for another write from the writer thread");
        }
        synchronized (submitLock) {
            if (closed) {
                throw new StoreException("Cannot " + what + ": the store is closed.");
            }
            queue.add(task);
        }
        try {
            return task.result.join(); // not interruptible: an acknowledged write must mean a committed one
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException("Cannot " + what + ": " + cause.getMessage(), cause);
        }
    }

    /** How many writes wait for the writer (for tests that line writes up in one batch). */
    int queued() {
        return queue.size();
    }

    private void loop() {
        List<WriteTask<?>> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, by queueing STOP
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.remove(STOP); // STOP is always queued last
            if (!batch.isEmpty()) {
                runBatch(batch);
            }
            if (stop) {
                return;
            }
        }
    }

    private void runBatch(List<WriteTask<?>> batch) {
        try {
            List<WriteTask<?>> succeeded = runTogether(batch);
            if (succeeded == null) {
                succeeded = runOneByOne(batch);
            }
            List<JournalEntry> entries = new ArrayList<>();
            Set<String> touched = new LinkedHashSet<>();
            for (WriteTask<?> task : succeeded) {
                entries.addAll(task.context.appended());
                touched.addAll(task.context.touchedQuests());
            }
            List<QuestChange> changes = new ArrayList<>();
            if (notifier.wantsQuestChanges()) {
                for (String questId : touched) {
                    QuestChange known = heads.change(questId);
                    changes.add(known != null ? known : QuestRows.change(connection, questId));
                }
            }
            connection.jdbc().commit();
            checkpointer.committed(entries.size() + succeeded.size());
            succeeded.forEach(WriteTask::complete);
            notifier.publish(List.copyOf(entries), List.copyOf(changes));
        } catch (Throwable e) {
            rollbackQuietly();
            heads.clear();
            StoreException failure = new StoreException("Could not save to the database: " + e.getMessage()
                    + ". Nothing from this write was kept.", e);
            batch.forEach(task -> task.result.completeExceptionally(failure)); // no-op for those already failed
            // The thread keeps going even after an Error: a dead writer would leave every later caller waiting.
            LOG.log(System.Logger.Level.ERROR, "a store write failed and was rolled back", e);
        }
    }

    /**
     * The fast path: every task in the one transaction, without savepoints (each costs two statements, and
     * makes FTS5 flush its pending rows into a new segment). Returns null, all rolled back, if one task of
     * several fails; a lone task simply fails.
     */
    private List<WriteTask<?>> runTogether(List<WriteTask<?>> batch) throws SQLException {
        try {
            for (WriteTask<?> task : batch) {
                run(task);
            }
            heads.flush(connection);
            return batch;
        } catch (SQLException | RuntimeException e) {
            connection.jdbc().rollback();
            heads.clear();
            if (batch.size() > 1) {
                return null;
            }
            fail(batch.get(0), e);
            return List.of();
        }
    }

    /** The slow path after a failure: each task in its own savepoint, so a bad write fails alone. */
    private List<WriteTask<?>> runOneByOne(List<WriteTask<?>> batch) throws SQLException {
        List<WriteTask<?>> succeeded = new ArrayList<>(batch.size());
        for (WriteTask<?> task : batch) {
            Savepoint savepoint = connection.jdbc().setSavepoint();
            try {
                run(task);
                heads.flush(connection);
                connection.jdbc().releaseSavepoint(savepoint);
                succeeded.add(task);
            } catch (SQLException | RuntimeException e) {
                connection.jdbc().rollback(savepoint);
                connection.jdbc().releaseSavepoint(savepoint);
                heads.clear();
                fail(task, e);
            }
        }
        return succeeded;
    }

    private void run(WriteTask<?> task) throws SQLException {
        if (!task.append) {
            // Any other write may change quest rows: write the heads' columns first, then read rows afresh.
            heads.flush(connection);
            heads.clear();
        }
        task.run(new WriteContext(connection, heads));
    }

    private static void fail(WriteTask<?> task, Exception e) {
        task.result.completeExceptionally(e instanceof SQLException
                ? new StoreException("Cannot " + task.what + ": " + e.getMessage(), e) : e);
    }

    private void rollbackQuietly() {
        try {
            connection.jdbc().rollback();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "rollback failed", e);
        }
    }

    /** Commits what is queued, stops the thread, checkpoints the WAL into the database and closes. */
    @Override
    public void close() {
        synchronized (submitLock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        checkpointer.close(); // before the final checkpoint, which would otherwise wait for it
        try (Statement statement = connection.jdbc().createStatement()) {
            connection.jdbc().setAutoCommit(true);
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "WAL checkpoint at close failed; SQLite redoes it next time", e);
        }
        connection.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
