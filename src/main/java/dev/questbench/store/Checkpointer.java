package dev.questbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Copies committed WAL frames into the database file on its own thread and connection, so that commits rarely
 * wait for a checkpoint and its fsyncs. Its checkpoints are PASSIVE: they never block the writer or readers.
 * The writer still checkpoints by itself when the WAL reaches its auto-checkpoint size (that is what lets SQLite
 * start the WAL over), but by then nearly every frame is already copied and synced, so that pause is short.
 */
final class Checkpointer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Checkpointer.class.getName());
    /**
     * How often to look for new commits. Short, so that little unsynced WAL piles up for the writer's own
     * checkpoint to fsync (executor bench p99: about 10 ms at 10 ms, 13 ms at 20 ms, 34 ms at 250 ms).
     */
    private static final long INTERVAL_MS = 10;

    private final Connection connection;
    private final Thread thread;
    private volatile long commits;
    private volatile boolean closed;

    Checkpointer(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "questbench-store-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called by the writer after each commit. */
    void committed() {
        commits++; // only the writer thread writes it
    }

    private void loop() {
        long seen = 0;
        try (Statement statement = connection.createStatement()) {
            while (!closed) {
                long now = commits;
                if (now != seen) {
                    seen = now;
                    statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
                }
                Thread.sleep(INTERVAL_MS);
            }
        } catch (InterruptedException e) {
            // close() wakes us to stop
        } catch (SQLException e) {
            // The writer's own auto-checkpoints still keep the WAL in check; they are just slower.
            LOG.log(System.Logger.Level.WARNING, "background WAL checkpoints stopped; the writer checkpoints alone", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
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
