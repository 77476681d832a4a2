package dev.questbench.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read-only connections for any thread. A reader never waits for the writer (WAL) nor for another
 * reader: when every pooled connection is busy, it opens one more.
 */
final class ReaderPool implements AutoCloseable {
    /** How many idle connections to keep; more are closed when returned. */
    private static final int MAX_IDLE = 4;

    private final Path file;
    private final ConcurrentLinkedDeque<CachingConnection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    ReaderPool(Path file) {
        this.file = file;
    }

    /** Work on a read-only connection. */
    interface Read<T> {
        T run(CachingConnection connection) throws SQLException;
    }

    <T> T read(String what, Read<T> work) {
        if (closed) {
            throw new StoreException("Cannot " + what + ": the store is closed.");
        }
        CachingConnection connection = borrow();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Cannot " + what + ": " + e.getMessage(), e);
        } finally {
            giveBack(connection);
        }
    }

    private CachingConnection borrow() {
        CachingConnection connection = idle.pollFirst();
        if (connection != null) {
            idleCount.decrementAndGet();
            return connection;
        }
        try {
            return new CachingConnection(Database.readOnly(file));
        } catch (SQLException e) {
            throw new StoreException("Cannot read the database " + file + ": " + e.getMessage(), e);
        }
    }

    private void giveBack(CachingConnection connection) {
        if (closed || idleCount.incrementAndGet() > MAX_IDLE) {
            idleCount.decrementAndGet();
            connection.close();
            return;
        }
        idle.offerFirst(connection);
        if (closed && idle.remove(connection)) {
            connection.close(); // close() raced with us; do not leave an open connection behind
        }
    }

    @Override
    public void close() {
        closed = true;
        CachingConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }
}
