package dev.questbench.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.questbench.domain.event.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Secrets (API keys, tokens) in {@code secrets.json} in the data directory, readable by the user only (0600 on
 * POSIX systems). Never in the database, the journal or logs.
 */
public final class SecretStore {
    public static final String FILE_NAME = "secrets.json";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private Map<String, String> values;

    public SecretStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(load().get(key));
    }

    /** Saves (or with null/blank removes) a secret; the file is rewritten atomically with owner-only access. */
    public synchronized void put(String key, String value) {
        Map<String, String> next = new TreeMap<>(load());
        if (value == null || value.isBlank()) {
            next.remove(key);
        } else {
            next.put(key, value);
        }
        write(next);
        values = next;
    }

    private Map<String, String> load() {
        if (values == null) {
            values = read();
        }
        return values;
    }

    private Map<String, String> read() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(EventJson.mapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("The secrets file " + file + " cannot be read (" + e.getMessage()
                    + "). Fix or delete it, then enter the API keys again in Settings.", e);
        }
    }

    private void write(Map<String, String> next) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(temp);
            if (posix()) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            Files.write(temp, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(next));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (posix()) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the secrets file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
