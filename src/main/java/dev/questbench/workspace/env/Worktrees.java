package dev.questbench.workspace.env;

import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Git worktrees for Worktree quests: each on its own {@code questbench/<slug>-<short id>} branch in
 * {@code <worktreesRoot>/<repo-name>-<hash>/<slug>-<short id>}, with optional uncommitted changes, the files
 * {@code .worktreeinclude} names and the workspace's setup script; Move to local, removal and clean-up.
 *
 * <p>What each worktree started from (quest id, base commit, base branch) is kept in the repository's config as
 * {@code branch.<branch>.questbench}, so it is found again without Questbench's database and disappears with the
 * branch. Calls on one repository are serialised (git locks its config and refs); setup scripts run outside that.
 */
public final class Worktrees {
    static final Duration CHECKOUT_TIMEOUT = Duration.ofMinutes(10);
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private final Git git;
    private final Path worktreesRoot;
    private final Duration setupTimeout;
    private final WorktreeState state;
    private final WorktreeRemoval removal;

    public Worktrees(Git git, Path worktreesRoot) {
        this(git, worktreesRoot, SetupScript.TIMEOUT);
    }

    public Worktrees(Git git, Path worktreesRoot, Duration setupTimeout) {
        this.git = Objects.requireNonNull(git, "git");
        this.worktreesRoot = worktreesRoot.toAbsolutePath().normalize();
        this.setupTimeout = setupTimeout;
        this.state = new WorktreeState(git);
        this.removal = new WorktreeRemoval(git, state);
    }

    public Git git() {
        return git;
    }

    /** Creates a worktree without a setup script. */
    public WorktreeInfo create(Path repo, String questId, String title, String baseBranchOrNull,
                               boolean includeUncommitted, Consumer<String> output) {
        return create(repo, questId, title, baseBranchOrNull, includeUncommitted, null, output);
    }

    /**
     * Creates the quest's worktree from {@code baseBranchOrNull} (null: the repository's current branch, or its
     * commit when HEAD is detached), copies uncommitted changes when asked and the {@code .worktreeinclude} files,
     * then runs {@code setupScript} (null or blank: none). A failing script is reported through {@code output}
     * and the result, never thrown: the worktree stays usable.
     *
     * @throws IllegalStateException with a message for the user when the worktree cannot be made (not a git
     *                               repository, no commit yet, unknown base branch, changes that do not apply)
     */
    public WorktreeInfo create(Path repo, String questId, String title, String baseBranchOrNull,
                               boolean includeUncommitted, String setupScript, Consumer<String> output) {
        Path top = repositoryRoot(repo);
        WorktreeInfo info;
        synchronized (lock(top)) {
            Base base = base(top, baseBranchOrNull);
            String name = freeName(top, WorktreeNames.slug(title) + "-" + WorktreeNames.shortId(questId));
            Path folder = worktreesRoot.resolve(WorktreeNames.repoFolder(top)).resolve(name);
            info = new WorktreeInfo(folder, WorktreeNames.BRANCH_PREFIX + name, base.branch(), base.commit(), false,
                    null);
            add(top, folder, List.of("-b", info.branch(), folder.toString(), base.commit()));
            try {
                state.record(top, info.branch(), questId, base.commit(), base.branch());
                if (includeUncommitted) {
                    new UncommittedChanges(git).copy(top, folder, base.label());
                }
                new WorktreeInclude(git).copy(top, folder);
            } catch (RuntimeException e) {
                discard(top, info); // a half-made worktree would only confuse the next attempt
                throw e;
            }
        }
        if (setupScript == null || setupScript.isBlank()) {
            return info;
        }
        return info.withSetup(runSetup(top, info, setupScript, output));
    }

    /** Runs a setup script in the worktree; its output goes to {@code output} in batches of whole lines. */
    public SetupScript.Result runSetup(Path repo, WorktreeInfo wt, String script, Consumer<String> output) {
        Map<String, String> env = new HashMap<>();
        env.put("QUESTBENCH_WORKTREE", wt.path().toString());
        env.put("QUESTBENCH_REPO", repo.toAbsolutePath().toString());
        env.put("QUESTBENCH_BRANCH", wt.branch());
        env.put("QUESTBENCH_BASE_BRANCH", Objects.requireNonNullElse(wt.baseBranch(), ""));
        return SetupScript.run(wt.path(), script, env, setupTimeout, output);
    }

    /**
     * Checks the worktree's branch out again in its old folder, after the folder was removed (by a clean-up or by
     * hand) while the branch survived; the {@code .worktreeinclude} files are copied again.
     *
     * @throws IllegalStateException when the branch is gone too, or git refuses (e.g. it is checked out elsewhere)
     */
    public WorktreeInfo reattach(Path repo, WorktreeInfo wt) {
        Path top = repositoryRoot(repo);
        synchronized (lock(top)) {
            if (!state.branchExists(top, wt.branch())) {
                throw new IllegalStateException("The worktree of this quest was deleted (" + wt.path() + "), and "
                        + "so was its branch " + wt.branch() + ". Its work cannot be recovered here: start a new "
                        + "quest, or switch this one to Local.");
            }
            git.run(top, "worktree", "prune");
            add(top, wt.path(), List.of(wt.path().toString(), wt.branch()));
            new WorktreeInclude(git).copy(top, wt.path());
            return new WorktreeInfo(wt.path(), wt.branch(), wt.baseBranch(), wt.baseCommit(), false, null);
        }
    }

    /**
     * Brings the worktree's branch and its uncommitted changes into the repository's own checkout and removes the
     * worktree. See {@link LocalMove} for how nothing is lost when a step fails.
     *
     * @throws IllegalStateException when the repository has uncommitted changes (the message names some)
     */
    public void moveToLocal(Path repo, WorktreeInfo wt) {
        Path top = repositoryRoot(repo);
        synchronized (lock(top)) {
            new LocalMove(git, worktreesRoot).move(top, wt);
        }
    }

    /**
     * Removes the worktree and its branch. Without {@code force}, work that would be lost (commits not merged into
     * the base, uncommitted files) makes this return {@link RemoveResult.Status#NEEDS_CONFIRMATION} and change
     * nothing. A branch checked out elsewhere (e.g. after Move to local) is kept.
     */
    public RemoveResult remove(Path repo, WorktreeInfo wt, boolean force) {
        Path top = repositoryRoot(repo);
        synchronized (lock(top)) {
            return removal.remove(top, wt, force);
        }
    }

    /** The Questbench worktrees of the repository, oldest quest first. */
    public List<WorktreeInfo> list(Path repo) {
        return entries(repo).stream().map(WorktreeEntry::info).toList();
    }

    /** The Questbench worktrees with the quests they belong to, oldest quest first (quest ids sort by time). */
    public List<WorktreeEntry> entries(Path repo) {
        return state.entries(repositoryRoot(repo));
    }

    /** Bytes the worktree's files take (its {@code .git} link file left out; symlinks are not followed). */
    public long diskUse(Path worktree) {
        AtomicLong bytes = new AtomicLong();
        if (!Files.isDirectory(worktree)) {
            return 0;
        }
        try {
            Files.walkFileTree(worktree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !file.equals(worktree.resolve(".git"))) {
                        bytes.addAndGet(attrs.size());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a file removed while we count, or unreadable
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not measure " + worktree + ": " + e.getMessage(), e);
        }
        return bytes.get();
    }

    /**
     * Keeps at most {@code keep} Questbench worktrees in the repository by removing the oldest ones whose quests
     * are finished, to free disk. Never touches a quest in {@code activeQuestIds}, and never loses work: a worktree
     * with uncommitted changes is skipped (and reported), and only folders are removed: every branch stays, so the
     * quest can go on later ({@link #reattach} checks the branch out again). Branches go when their quest is deleted
     * ({@link #remove}).
     */
    public PruneResult prune(Path repo, int keep, Set<String> activeQuestIds) {
        Path top = repositoryRoot(repo);
        synchronized (lock(top)) {
            return removal.prune(top, keep, activeQuestIds);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The top folder of the repository holding {@code repo}, or a message saying a Worktree quest needs one. */
    public Path repositoryRoot(Path repo) {
        if (!Files.isDirectory(repo)) {
            throw new IllegalStateException("The workspace folder " + repo + " does not exist. Open it again, or "
                    + "start the quest in another workspace.");
        }
        GitResult top = git.run(repo, "rev-parse", "--show-toplevel");
        if (!top.ok() || top.text().isBlank()) {
            throw new IllegalStateException("Worktree needs a git repository, and " + repo + " is not one. "
                    + "Run `git init` there and make a first commit, or start the quest in Local mode.");
        }
        return Path.of(top.text().strip());
    }

    private static Object lock(Path top) {
        return LOCKS.computeIfAbsent(top.toAbsolutePath().normalize().toString(), key -> new Object());
    }

    /** The commit (and branch, unless detached) a new worktree starts from. */
    private Base base(Path top, String requested) {
        if (requested == null) {
            GitResult head = git.run(top, "rev-parse", "-q", "--verify", "HEAD^{commit}");
            if (!head.ok()) {
                throw noCommit(top);
            }
            GitResult branch = git.run(top, "symbolic-ref", "-q", "--short", "HEAD");
            return new Base(branch.ok() ? branch.text().strip() : null, head.text().strip());
        }
        GitResult local = requested.startsWith("-") ? null
                : git.run(top, "rev-parse", "-q", "--verify", "refs/heads/" + requested + "^{commit}");
        GitResult any = local == null || local.ok() ? local
                : git.run(top, "rev-parse", "-q", "--verify", requested + "^{commit}");
        if (any == null || !any.ok()) {
            if (!git.run(top, "rev-parse", "-q", "--verify", "HEAD^{commit}").ok()
                    && git.output(top, "for-each-ref", "--count=1", "refs/heads/").isBlank()) {
                throw noCommit(top);
            }
            throw new IllegalStateException("The base branch '" + requested + "' does not exist in " + top + ". "
                    + "Pick an existing branch for the quest, or leave it empty to use the current branch.");
        }
        return new Base(requested, any.text().strip());
    }

    private static IllegalStateException noCommit(Path top) {
        return new IllegalStateException("Worktree needs at least one commit, and " + top + " has none yet. "
                + "Make a first commit (git add -A && git commit -m \"Initial commit\"), or start the quest in "
                + "Local mode.");
    }

    private record Base(String branch, String commit) {
        String label() {
            return branch != null ? branch : commit.substring(0, Math.min(12, commit.length()));
        }
    }

    /** {@code name}, or {@code name-2}, {@code name-3}… when its branch or folder is taken. */
    private String freeName(Path top, String name) {
        Path parent = worktreesRoot.resolve(WorktreeNames.repoFolder(top));
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? name : name + "-" + n;
            if (!Files.exists(parent.resolve(candidate))
                    && !state.branchExists(top, WorktreeNames.BRANCH_PREFIX + candidate)) {
                return candidate;
            }
        }
    }

    private void add(Path top, Path folder, List<String> args) {
        try {
            Files.createDirectories(folder.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("Could not create the worktree folder " + folder.getParent() + ": "
                    + e.getMessage() + ". Check the data directory's permissions and free space.", e);
        }
        List<String> command = new ArrayList<>(List.of("worktree", "add", "-q"));
        command.addAll(args);
        GitResult added = git.run(top, command, Map.of(), null, CHECKOUT_TIMEOUT);
        if (!added.ok()) {
            throw new IllegalStateException("Could not create the worktree: " + Git.check(top, command, added));
        }
    }

    private void discard(Path top, WorktreeInfo info) {
        git.run(top, "worktree", "remove", "--force", info.path().toString());
        git.run(top, "branch", "-D", info.branch());
    }
}
