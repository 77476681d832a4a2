package dev.questbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file: checks it without writing before anything else touches it, opens the writer connection
 * (migrating it) and read-only connections.
 */
final class Database {
    static final String FILE_NAME = "questbench.db";
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int WRITER_CACHE_KIB = 32 * 1024;
    private static final int WAL_AUTOCHECKPOINT_PAGES = 10_000;
    private static final int WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

    private Database() {
    }

    /** Refuses, without modifying it, a file that is not SQLite, is damaged, or has a newer schema. */
    static void check(Path file) {
        if (!Files.exists(file) || size(file) == 0) {
            return; // A new or empty file becomes a fresh database.
        }
        byte[] header = header(file);
        if (header.length < 100 || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            throw notADatabase(file, "it is not an SQLite database");
        }
        refuseNewer(file, userVersion(header)); // before SQLite opens it at all
        try (Connection connection = readOnly(file); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
                refuseNewer(file, rows.next() ? rows.getInt(1) : 0); // the WAL may hold a newer header
            }
            List<String> problems = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
                while (rows.next() && problems.size() < 3) {
                    problems.add(rows.getString(1).replace('\n', ' ').strip());
                }
            }
            if (!problems.equals(List.of("ok"))) {
                throw notADatabase(file, "it is damaged (the integrity check found: " + String.join("; ", problems)
                        + ")");
            }
        } catch (SQLException e) {
            throw notADatabase(file, "it is damaged or unreadable (SQLite: " + e.getMessage() + ")");
        }
    }

    /** The one read-write connection, in WAL mode, migrated to the latest schema. */
    static Connection openWriter(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a commit is written to the WAL before it returns, so it survives kill -9 of the
        // process; only an OS crash or power loss can drop the last commits (the database stays consistent).
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // A larger page cache keeps the journal's index pages hot while appending (the default is 2 MB).
        config.setCacheSize(-WRITER_CACHE_KIB);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // The writer checkpoints by itself only every ~40 MB of WAL (the default is ~4 MB): each of its checkpoints
        // stalls commits on two fsyncs, and the Checkpointer thread has usually copied the frames already.
        config.setWalAutocheckpoint(WAL_AUTOCHECKPOINT_PAGES);
        // After a burst (or a long read that held checkpoints back) the WAL file shrinks back to this size.
        config.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
        // The driver would otherwise query last_insert_rowid() after every insert; we ask only when needed.
        config.setGetGeneratedKeys(false);
        Connection connection = config.createConnection(url(file));
        try {
            int version;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
                version = rows.next() ? rows.getInt(1) : 0;
            }
            refuseNewer(file, version);
            Migrations.apply(connection, version);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A second read-write connection, used only for background checkpoints (see {@link Checkpointer}). */
    static Connection openCheckpointer(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection(url(file));
    }

    /** A read-only connection; in WAL mode it reads the last commit without waiting for the writer. */
    static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection(url(file));
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private static void refuseNewer(Path file, int version) {
        if (version > Migrations.latest()) {
            throw new StoreException("The database " + file + " was written by a newer Questbench (schema "
                    + version + ", this build knows " + Migrations.latest()
                    + "). Update Questbench, or use --data-dir to open another folder.");
        }
    }

    private static StoreException notADatabase(Path file, String why) {
        return new StoreException("Cannot open the database " + file + ": " + why
                + ". Questbench left the file untouched: move it aside to start afresh, or restore it from a backup.");
    }

    private static int userVersion(byte[] header) {
        // The SQLite header keeps user_version big-endian at offset 60.
        return ((header[60] & 0xff) << 24) | ((header[61] & 0xff) << 16) | ((header[62] & 0xff) << 8)
                | (header[63] & 0xff);
    }

    private static byte[] header(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(100);
        } catch (IOException e) {
            throw new StoreException("Cannot read the database " + file + ": " + e.getMessage()
                    + ". Check that the file is readable by you.", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new StoreException("Cannot read the database " + file + ": " + e.getMessage(), e);
        }
    }
}
