package dev.questbench.agent.builtin.tools;

import dev.questbench.llm.Cancellation;
import dev.questbench.workspace.files.GitIgnore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the files under a workspace folder the way git sees them: {@code .gitignore} files (root and nested) and
 * {@code .git/info/exclude} respected, {@code .git} skipped, in path order. Symbolic links to files inside the
 * workspace are listed; linked folders are not entered (no cycles, no escapes).
 */
final class WorkspaceFiles {
    /** One listed file, with its workspace-relative path and last-modified time in milliseconds. */
    record Found(Path path, String relative, long modified) {
    }

    private final Path root;
    private final Cancellation cancel;
    private final List<Found> found = new ArrayList<>();

    private WorkspaceFiles(Path root, Cancellation cancel) {
        this.root = root;
        this.cancel = cancel;
    }

    /** The files under {@code base}, a folder already resolved inside {@code workspace}. */
    static List<Found> list(Path workspace, Path base, Cancellation cancel) throws ToolException {
        Path root = WorkspacePaths.resolve(workspace, ".");
        WorkspaceFiles walk = new WorkspaceFiles(root, cancel);
        walk.visit(base, inheritedRules(root, base));
        return walk.found;
    }

    // The rules of every folder above base; base's own .gitignore is read when the walk enters it.
    private static GitIgnore inheritedRules(Path root, Path base) {
        GitIgnore rules = GitIgnore.none().withFile("", root.resolve(".git/info/exclude"));
        Path relative = root.relativize(base);
        Path folder = root;
        for (int i = 0; i < relative.getNameCount() && !relative.toString().isEmpty(); i++) {
            rules = rules.withFile(folderKey(root, folder), folder.resolve(".gitignore"));
            folder = folder.resolve(relative.getName(i));
        }
        return rules;
    }

    private void visit(Path folder, GitIgnore inherited) throws ToolException {
        if (cancel.isCancelled()) {
            throw new ToolException("Stopped by the user.");
        }
        GitIgnore rules = inherited.withFile(folderKey(root, folder), folder.resolve(".gitignore"));
        for (Path child : sortedChildren(folder)) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue; // vanished or unreadable: not ours to report
            }
            String relative = WorkspacePaths.relative(root, child);
            if (attributes.isDirectory()) {
                if (!child.getFileName().toString().equals(".git") && !rules.ignored(relative, true)) {
                    visit(child, rules);
                }
            } else if (attributes.isRegularFile()) {
                if (!rules.ignored(relative, false)) {
                    found.add(new Found(child, relative, attributes.lastModifiedTime().toMillis()));
                }
            } else if (attributes.isSymbolicLink() && !rules.ignored(relative, false)) {
                addLinkedFile(child, relative);
            }
        }
    }

    private void addLinkedFile(Path link, String relative) {
        try {
            Path target = link.toRealPath();
            if (target.startsWith(root) && Files.isRegularFile(target)) {
                found.add(new Found(link, relative, Files.getLastModifiedTime(target).toMillis()));
            }
        } catch (IOException e) {
            // a dangling link lists nothing
        }
    }

    private static String folderKey(Path root, Path folder) {
        return folder.equals(root) ? "" : WorkspacePaths.relative(root, folder);
    }

    private static List<Path> sortedChildren(Path folder) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            return List.of(); // an unreadable folder is skipped, like git does
        }
        children.sort(null);
        return children;
    }
}
