package dev.questbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;

/**
 * Copies committed WAL frames into the database file on its own thread and connection, so that commits rarely
 * wait for a checkpoint and its fsyncs. Its checkpoints are PASSIVE: they never block the writer or readers.
 * The writer still checkpoints by itself when the WAL reaches its auto-checkpoint size (that is what lets SQLite
 * start the WAL over), but by then nearly every frame is already copied and synced, so that pause is short.
 */
final class Checkpointer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Checkpointer.class.getName());
    /**
     * Writes plus appended events that make a checkpoint worth its two fsyncs. Few, so that little unsynced WAL
     * piles up for the writer's own checkpoint (executor bench p99: ~10 ms when checkpointing every ~10 ms, ~17 ms
     * every 50 ms, ~34 ms every 250 ms); fewer than that wait at most {@link #MAX_DELAY_NANOS}, so a quest
     * streaming a few events a second costs one checkpoint a second rather than one per commit.
     */
    private static final long ROWS_PER_CHECKPOINT = 256;
    private static final long MAX_DELAY_NANOS = 1_000_000_000L;
    private static final long MIN_GAP_NANOS = 10_000_000L;

    private final Connection connection;
    private final Thread thread;
    private volatile long committedRows;
    private volatile long checkpointedRows;
    /** Set while the thread waits, so that the writer wakes it only when there is something to do. */
    private volatile boolean waiting;
    private volatile boolean closed;

    Checkpointer(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "questbench-store-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called by the writer after each commit, with how many writes and appended events it committed. */
    void committed(int rows) {
        long total = committedRows + rows;
        committedRows = total; // only the writer thread writes it
        long pending = total - checkpointedRows;
        // Wake the thread for the first rows after a checkpoint (they start its clock) and when enough are in.
        if (waiting && (pending == rows || pending >= ROWS_PER_CHECKPOINT)) {
            LockSupport.unpark(thread);
        }
    }

    private void loop() {
        boolean warned = false;
        long due = 0; // when the pending rows must be checkpointed; 0 while none are pending
        try (Statement statement = connection.createStatement()) {
            while (!closed) {
                long rows = committedRows;
                long pending = rows - checkpointedRows;
                long now = System.nanoTime();
                if (pending > 0 && due == 0) {
                    due = now + MAX_DELAY_NANOS;
                }
                if (pending >= ROWS_PER_CHECKPOINT || pending > 0 && now - due >= 0) {
                    try {
                        statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
                    } catch (SQLException e) {
                        if (!warned) { // the writer's own checkpoints still bound the WAL, with longer pauses
                            LOG.log(System.Logger.Level.WARNING, "a background WAL checkpoint failed", e);
                            warned = true;
                        }
                    }
                    checkpointedRows = rows;
                    due = 0;
                    LockSupport.parkNanos(this, MIN_GAP_NANOS); // bounds its CPU under a flood of commits
                    continue;
                }
                waiting = true;
                if (committedRows == rows && !closed) { // re-read after announcing the wait: no wake-up is lost
                    if (pending == 0) {
                        LockSupport.park(this);
                    } else {
                        LockSupport.parkNanos(this, due - now);
                    }
                }
                waiting = false;
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "background WAL checkpoints are off; the writer checkpoints alone", e);
        }
    }

    /** Stops the thread (a checkpoint under way finishes first) and closes its connection. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing to do: the writer checkpoints and closes the database after us.
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
