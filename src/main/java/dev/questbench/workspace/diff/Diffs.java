package dev.questbench.workspace.diff;

import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitException;
import dev.questbench.workspace.git.GitResult;
import dev.questbench.workspace.git.Snapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changes a review shows, for one of the three {@link DiffScope}s, read from git and parsed with
 * {@link DiffParser}. Paths are relative to the repository's top folder (or to the folder itself when it is not a
 * git repository and a shadow repository keeps its checkpoints).
 *
 * <p>Current Quest and Last Turn compare a checkpoint commit with a fresh {@link Snapshot} of the working tree, so
 * untracked files count and the user's index is not touched; for a folder inside a bigger repository they show only
 * the files under that folder (as checkpoints record them). All Uncommitted, described in {@link UncommittedChanges},
 * shows the whole repository, as {@code git status} does. Each Current Quest or Last Turn call records one
 * unreferenced snapshot commit, which {@code git gc} prunes in time.
 */
public final class Diffs {
    /**
     * The options of every {@code git diff} here, so the user's git config cannot change the format: no colour, no
     * external diff or textconv drivers, {@code a/}/{@code b/} prefixes (overriding {@code diff.noprefix} and
     * {@code diff.mnemonicPrefix}), full blob ids, renames and copies detected, submodules as
     * {@code Subproject commit} lines.
     */
    public static final List<String> FLAGS = List.of("--no-color", "--no-ext-diff", "--no-textconv",
            "--src-prefix=a/", "--dst-prefix=b/", "--full-index", "-M", "-C", "--submodule=short");
    /** Reads never take the index lock (so they cannot fail beside the user's own git), pathspecs are literal. */
    static final Map<String, String> READ_ENV = Map.of("GIT_OPTIONAL_LOCKS", "0", "GIT_LITERAL_PATHSPECS", "1");
    private static final String SNAPSHOT_MESSAGE = "questbench: review";

    private final Git git;
    private final Snapshot snapshot;

    public Diffs(Git git) {
        this.git = git;
        this.snapshot = new Snapshot(git);
    }

    /**
     * The changed files of {@code folder} in {@code scope}.
     *
     * @param fromCommit the first (Current Quest) or last (Last Turn) checkpoint commit; unused for All Uncommitted
     * @param shadowRoot where shadow repositories live for folders that are not git repositories
     * @throws GitException when git fails, the checkpoint is gone, or All Uncommitted is asked of a non-git folder
     */
    public List<FileDiff> diff(Path folder, DiffScope scope, String fromCommit, Path shadowRoot) {
        return diff(folder, scope, fromCommit, shadowRoot, null, Set.of());
    }

    /**
     * Like {@link #diff(Path, DiffScope, String, Path)}, with {@link FileDiff#external()} set on the files that
     * {@link #externalChanges} finds (when {@code lastCheckpoint} is not null), in every scope.
     */
    public List<FileDiff> diff(Path folder, DiffScope scope, String fromCommit, Path shadowRoot,
                               String lastCheckpoint, Set<String> questTouched) {
        Objects.requireNonNull(scope, "scope");
        List<FileDiff> files;
        Snapshot.Location location = null;
        String now = null;
        if (scope == DiffScope.ALL_UNCOMMITTED) {
            files = new UncommittedChanges(git).list(folder);
        } else {
            if (fromCommit == null) {
                throw new IllegalArgumentException(scope + " needs the quest's checkpoint commit");
            }
            location = snapshot.locate(folder, shadowRoot);
            now = now(location, folder);
            List<String> args = new ArrayList<>(List.of("diff"));
            args.addAll(FLAGS);
            args.add(fromCommit);
            args.add(now);
            args.addAll(within(location, folder));
            files = DiffParser.parse(read(location, args, fromCommit).stdout());
        }
        if (lastCheckpoint == null) {
            return files;
        }
        if (location == null) {
            location = snapshot.locate(folder, shadowRoot);
            now = now(location, folder);
        }
        return markExternal(files, external(location, folder, lastCheckpoint, now, questTouched));
    }

    /**
     * The paths (repository-relative, forward slashes) that differ between {@code lastCheckpointCommit} and the
     * working tree now but are not in {@code questTouched}: changed by the user, another tool or another quest.
     *
     * <p>{@code questTouched} holds the paths the quest's Write/Edit tool results reported since that checkpoint,
     * absolute or relative to {@code folder}. Known limit: only paths are compared, so a file the quest wrote and
     * someone else also changed is not flagged, and files the quest changed through shell commands are flagged
     * unless the caller adds them to {@code questTouched}.
     */
    public Set<String> externalChanges(Path folder, String lastCheckpointCommit, Set<String> questTouched,
                                       Path shadowRoot) {
        Snapshot.Location location = snapshot.locate(folder, shadowRoot);
        String now = now(location, folder);
        return external(location, folder, lastCheckpointCommit, now, questTouched);
    }

    /** Sets {@link FileDiff#external()} on files whose new path, or old path for renames and deletions, is listed. */
    public static List<FileDiff> markExternal(List<FileDiff> files, Set<String> externalPaths) {
        List<FileDiff> marked = new ArrayList<>(files.size());
        for (FileDiff file : files) {
            boolean external = externalPaths.contains(file.path())
                    || (file.kind() == ChangeKind.RENAMED && externalPaths.contains(file.oldPath()));
            marked.add(external == file.external() ? file : file.withExternal(external));
        }
        return marked;
    }

    private Set<String> external(Snapshot.Location location, Path folder, String lastCheckpoint, String now,
                                 Set<String> questTouched) {
        List<String> args = new ArrayList<>(List.of("diff", "--no-color", "--no-ext-diff", "--no-renames",
                "--name-only", "-z", lastCheckpoint, now));
        args.addAll(within(location, folder));
        byte[] out = read(location, args, lastCheckpoint).stdout();
        Set<String> touched = QuestPaths.relative(location.workTree(), folder, questTouched);
        Set<String> changed = new LinkedHashSet<>();
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                String path = new String(out, start, i - start, StandardCharsets.UTF_8);
                if (!touched.contains(path)) {
                    changed.add(path);
                }
                start = i + 1;
            }
        }
        return changed;
    }

    /** The working tree now, looking at the files under {@code folder} only, as checkpoints do. */
    private String now(Snapshot.Location location, Path folder) {
        return snapshot.take(location, null, SNAPSHOT_MESSAGE, folder);
    }

    /** A pathspec keeping a diff to {@code folder} when it is a sub-folder of its repository. */
    private static List<String> within(Snapshot.Location location, Path folder) {
        String prefix = QuestPaths.prefix(location.workTree(), folder).toString().replace('\\', '/');
        return prefix.isEmpty() ? List.of() : List.of("--", prefix);
    }

    /** Runs a read-only git call at the location; a missing checkpoint gets a message saying so. */
    private GitResult read(Snapshot.Location location, List<String> args, String checkpoint) {
        Map<String, String> env = new HashMap<>(location.env());
        env.putAll(READ_ENV);
        GitResult result = git.run(location.workTree(), args, env, null, Git.DEFAULT_TIMEOUT);
        if (!result.ok() && !git.run(location.workTree(), List.of("cat-file", "-e", checkpoint + "^{commit}"), env,
                null, Git.DEFAULT_TIMEOUT).ok()) {
            throw new GitException("The checkpoint " + checkpoint + " is no longer in " + location.gitDir()
                    + " (the checkpoint store was removed or git pruned it), so this quest's changes cannot be "
                    + "shown. All Uncommitted still works in a git repository.", result.exitCode(), result.stderr());
        }
        return Git.check(location.workTree(), args, result);
    }
}
