package dev.questbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The embedded store of one data directory: the SQLite database ({@code questbench.db}, WAL mode, one
 * writer thread) and the {@code blobs/} folder. Open it once per process; close it on exit.
 * A second open of the same folder, from this process or another, fails with a clear {@link StoreException}
 * until the first is closed (an OS file lock on {@code questbench.lock}, released even on a crash).
 */
public final class Store implements AutoCloseable {
    private final Path dataDir;
    private final DirectoryLock lock;
    private final Notifier notifier;
    private final WriterThread writer;
    private final ReaderPool readers;
    private final BlobStore blobs;
    private final SecretStore secrets;
    private final QuestRepository quests;
    private final WorkspaceRepository workspaces;
    private final EventJournal journal;
    private final Settings settings;
    private volatile boolean closed;

    private Store(Path dataDir, DirectoryLock lock, Connection writerConnection, Checkpointer checkpointer) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.notifier = new Notifier();
        this.writer = new WriterThread(writerConnection, notifier, checkpointer);
        this.readers = new ReaderPool(dataDir.resolve(Database.FILE_NAME));
        this.blobs = new BlobStore(dataDir.resolve("blobs"));
        this.secrets = new SecretStore(dataDir);
        this.quests = new QuestRepository(writer, readers, notifier, blobs);
        this.workspaces = new WorkspaceRepository(writer, readers);
        this.journal = new EventJournal(writer, readers, notifier, blobs);
        this.settings = new Settings(writer, readers);
    }

    /**
     * Opens (creating if needed) the store in a data directory: applies pending migrations, checks
     * integrity. Throws {@link StoreException} with a clear message for a corrupt database or one written
     * by a newer Questbench; such a file is never modified.
     */
    public static Store open(Path dataDir) {
        Path dir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + dir + ": " + e.getMessage()
                    + ". Check its permissions, or use --data-dir to choose another folder.", e);
        }
        DirectoryLock lock = DirectoryLock.acquire(dir);
        try {
            Path file = dir.resolve(Database.FILE_NAME);
            Database.check(file); // read-only: a refused file is never touched
            Connection writerConnection = Database.openWriter(file);
            try {
                return new Store(dir, lock, writerConnection, new Checkpointer(Database.openCheckpointer(file)));
            } catch (SQLException | RuntimeException e) {
                writerConnection.close();
                throw e;
            }
        } catch (SQLException e) {
            lock.close();
            throw new StoreException("Cannot open the database in " + dir + ": " + e.getMessage()
                    + ". Check free disk space and permissions.", e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public QuestRepository quests() {
        return quests;
    }

    public WorkspaceRepository workspaces() {
        return workspaces;
    }

    public EventJournal journal() {
        return journal;
    }

    public Settings settings() {
        return settings;
    }

    /** API keys and tokens, in a file only the user can read. */
    public SecretStore secrets() {
        return secrets;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** The single writer, for tests in this package that need to line writes up in one batch. */
    WriterThread writer() {
        return writer;
    }

    /** Schedules and their run history (stateless over the same writer and readers, so made on demand). */
    public ScheduleRepository schedules() {
        return new ScheduleRepository(writer, readers);
    }

    /** Commits pending writes, delivers pending notifications, checkpoints the WAL and releases the folder. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        writer.close();
        notifier.close();
        readers.close();
        lock.close();
    }
}
