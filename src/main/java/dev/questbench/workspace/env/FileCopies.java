package dev.questbench.workspace.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Copies files from a repository into a worktree by relative path, and reads git's NUL-separated path lists. */
final class FileCopies {
    private FileCopies() {
    }

    /** Paths from a {@code -z} listing; entries for nested repositories (ending in '/') are left out. */
    static List<String> paths(byte[] nulSeparated) {
        List<String> paths = new ArrayList<>();
        for (String path : new String(nulSeparated, StandardCharsets.UTF_8).split("\0")) {
            if (!path.isEmpty() && !path.endsWith("/")) {
                paths.add(path);
            }
        }
        return paths;
    }

    /** Copies one file (a symlink stays a symlink) to the same relative place, replacing what is there. */
    static void copy(Path from, Path to, String relative) {
        Path source = from.resolve(relative);
        Path target = to.resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + relative + " into the worktree " + to + ": "
                    + e.getMessage(), e);
        }
    }

    /** Every file under a folder, as paths relative to {@code root}, leaving out {@code .git}. */
    static List<String> filesUnder(Path root, Path folder) {
        List<String> files = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && ".git".equals(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!".git".equals(file.getFileName().toString())) {
                        files.add(root.relativize(file).toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + folder + ": " + e.getMessage(), e);
        }
        return files;
    }
}
