package dev.questbench.workspace.checkpoint;

import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the files under a folder from one snapshot to another, using only a temporary index: the changes between
 * the two commits say which files to delete (added since) and which to write back (changed or deleted since).
 */
final class FileRestore {
    private static final String GITLINK = "160000";

    private final Git git;
    private final Snapshot.Location location;
    private final Path scope;

    FileRestore(Git git, Snapshot.Location location, Path scope) {
        this.git = git;
        this.location = location;
        this.scope = scope;
    }

    /** Makes the files under the scope, currently recorded in {@code current}, equal to {@code target}. */
    void apply(String target, String current) {
        List<Change> changes = changes(target, current);
        List<String> failed = new ArrayList<>();
        ByteArrayOutputStream toWrite = new ByteArrayOutputStream();
        for (Change change : changes) {
            if (change.status == 'A') {
                if (!GITLINK.equals(change.newMode)) { // a nested repository is never deleted
                    delete(change.path, failed);
                }
            } else if (!GITLINK.equals(change.oldMode)) {
                toWrite.writeBytes(change.path.getBytes(StandardCharsets.UTF_8));
                toWrite.write(0);
            }
        }
        if (toWrite.size() > 0) {
            writeBack(target, toWrite.toByteArray());
        }
        if (!failed.isEmpty()) {
            throw new UncheckedIOException(new IOException("Could not delete " + failed.size() + " file(s) "
                    + "added since the checkpoint, e.g. " + failed.get(0) + ". Close programs that hold them open "
                    + "or check their permissions, then revert again."));
        }
    }

    private List<Change> changes(String target, String current) {
        byte[] raw = git.checked(scope, List.of("diff-tree", "-r", "-z", "--raw", "--no-renames", target, current,
                "--", "."), location.env(), null).stdout();
        List<Change> changes = new ArrayList<>();
        int start = 0;
        String header = null;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != 0) {
                continue;
            }
            String field = new String(raw, start, i - start, StandardCharsets.UTF_8);
            start = i + 1;
            if (header == null) {
                header = field;
            } else {
                // ":<old mode> <new mode> <old id> <new id> <status>"
                String[] parts = header.substring(1).split(" ");
                changes.add(new Change(parts[4].charAt(0), parts[0], parts[1], field));
                header = null;
            }
        }
        return changes;
    }

    private void delete(String path, List<String> failed) {
        Path file = location.workTree().resolve(path);
        try {
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                return; // a directory is never a recorded file; never delete one recursively
            }
            Files.deleteIfExists(file);
            for (Path dir = file.getParent(); dir != null && dir.startsWith(location.workTree())
                    && !sameFile(dir, scope) && !dir.equals(location.workTree()); dir = dir.getParent()) {
                Files.delete(dir); // only folders the deleted files leave empty
            }
        } catch (DirectoryNotEmptyException e) {
            // the folder still holds other files: keep it
        } catch (IOException e) {
            failed.add(path);
        }
    }

    private void writeBack(String target, byte[] paths) {
        Path index = null;
        try {
            index = Files.createTempFile(location.gitDir(), "questbench-restore-", "");
            Files.delete(index); // git writes it; an empty file is not a valid index
            Map<String, String> env = new HashMap<>(location.env());
            env.put("GIT_INDEX_FILE", index.toString());
            git.checked(location.workTree(), List.of("read-tree", target), env, null);
            git.checked(location.workTree(), List.of("checkout-index", "-f", "-z", "--stdin"), env, paths);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a temporary index in " + location.gitDir(), e);
        } finally {
            if (index != null) {
                try {
                    Files.deleteIfExists(index);
                    Files.deleteIfExists(index.resolveSibling(index.getFileName() + ".lock"));
                } catch (IOException ignored) {
                    // a stale temporary index is harmless
                }
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** One path that differs between the two snapshots; status A, D, M or T. */
    private record Change(char status, String oldMode, String newMode, String path) {
    }
}
