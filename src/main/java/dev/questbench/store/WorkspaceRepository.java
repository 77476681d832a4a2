package dev.questbench.store;

import dev.questbench.domain.Ids;
import dev.questbench.domain.Workspace;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Workspaces the user opened, one per folder path. */
public final class WorkspaceRepository {
    private static final String SELECT = "SELECT id, path, name, created_at FROM workspaces ";

    private final WriterThread writer;
    private final ReaderPool readers;

    WorkspaceRepository(WriterThread writer, ReaderPool readers) {
        this.writer = writer;
        this.readers = readers;
    }

    /** The workspace for this folder, created if it is new (the path is stored absolute and normalised). */
    public Workspace open(String folderPath) {
        String path = normalise(folderPath);
        return writer.submit("open workspace " + path, context -> {
            PreparedStatement find = context.prepare(SELECT + "WHERE path = ?");
            find.setString(1, path);
            try (ResultSet row = find.executeQuery()) {
                if (row.next()) {
                    return workspace(row);
                }
            }
            Workspace created = new Workspace(Ids.workspace(), path, null, Instant.now());
            context.update("INSERT INTO workspaces (id, path, name, created_at) VALUES (?, ?, ?, ?)",
                    created.id(), created.path(), created.name(), Times.toNanos(created.createdAt()));
            return created;
        });
    }

    public Optional<Workspace> get(String workspaceId) {
        return readers.read("read workspace " + workspaceId, connection -> {
            PreparedStatement statement = connection.prepare(SELECT + "WHERE id = ?");
            statement.setString(1, workspaceId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(workspace(row)) : Optional.empty();
            }
        });
    }

    /** All workspaces, by name. */
    public List<Workspace> list() {
        return readers.read("list workspaces", connection -> {
            List<Workspace> out = new ArrayList<>();
            try (ResultSet rows = connection.prepare(SELECT + "ORDER BY name COLLATE NOCASE, path").executeQuery()) {
                while (rows.next()) {
                    out.add(workspace(rows));
                }
            }
            return out;
        });
    }

    /** Forgets a workspace; its quests stay and become unbound. Files on disk are untouched. */
    public void remove(String workspaceId) {
        writer.submit("remove workspace " + workspaceId, context -> {
            PreparedStatement bound = context.prepare("SELECT id FROM quests WHERE workspace_id = ?");
            bound.setString(1, workspaceId);
            try (ResultSet rows = bound.executeQuery()) {
                while (rows.next()) {
                    context.touched(rows.getString(1)); // their summaries change: they are now unbound
                }
            }
            // The foreign key sets quests.workspace_id to NULL.
            context.update("DELETE FROM workspaces WHERE id = ?", workspaceId);
            return null;
        });
    }

    static String normalise(String folderPath) {
        if (folderPath == null || folderPath.isBlank()) {
            throw new IllegalArgumentException("a workspace needs a folder path");
        }
        try {
            return Path.of(folderPath.strip()).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a folder path: " + folderPath + " (" + e.getReason() + ")", e);
        }
    }

    private static Workspace workspace(ResultSet row) throws SQLException {
        return new Workspace(row.getString(1), row.getString(2), row.getString(3), Times.fromNanos(row.getLong(4)));
    }
}
