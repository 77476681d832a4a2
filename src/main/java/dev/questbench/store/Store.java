package dev.questbench.store;

import java.nio.file.Path;

/**
 * The embedded store of one data directory: the SQLite database ({@code questbench.db}, WAL mode, one
 * writer thread) and the {@code blobs/} folder. Open it once per process; close it on exit.
 */
public final class Store implements AutoCloseable {

    /**
     * Opens (creating if needed) the store in a data directory: applies pending migrations, checks
     * integrity. Throws {@link StoreException} with a clear message for a corrupt database or one written
     * by a newer Questbench; such a file is never modified.
     */
    public static Store open(Path dataDir) {
        throw new UnsupportedOperationException("TODO");
    }

    public Path dataDir() {
        throw new UnsupportedOperationException("TODO");
    }

    public QuestRepository quests() {
        throw new UnsupportedOperationException("TODO");
    }

    public WorkspaceRepository workspaces() {
        throw new UnsupportedOperationException("TODO");
    }

    public EventJournal journal() {
        throw new UnsupportedOperationException("TODO");
    }

    public Settings settings() {
        throw new UnsupportedOperationException("TODO");
    }

    public BlobStore blobs() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO");
    }
}
