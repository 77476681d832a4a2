package dev.questbench.engine;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.workspace.env.PruneResult;
import dev.questbench.workspace.env.SetupScript;
import dev.questbench.workspace.env.WorkspaceSettings;
import dev.questbench.workspace.env.WorktreeEntry;
import dev.questbench.workspace.env.WorktreeInfo;
import dev.questbench.workspace.env.Worktrees;
import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The quest's folder by environment: Local works in the workspace itself; Worktree works in the quest's own git
 * worktree, made on the first turn (journaled as {@code quest.worktree_created}, the setup script's output as
 * {@code quest.setup_output}) and found again from the journal on later turns, after a restart too.
 *
 * <p>When a Worktree quest's folder has gone (a clean-up or the user removed it) but its branch remains, the
 * worktree is checked out again from the branch (and the setup script runs again); when the branch is gone as
 * well, the turn fails with a message. After a new worktree, the folders of the workspace's oldest finished, clean
 * worktrees beyond {@link WorkspaceSettings#MAX_WORKTREES} are removed ({@link Worktrees#prune}; branches stay): a
 * quest counts as finished when it is Ready or in Error, or no longer exists.
 */
public final class QuestEnvironments implements WorkingDirectories {
    static final String WORKTREE_CREATED = "quest.worktree_created";
    private static final System.Logger LOG = System.getLogger(QuestEnvironments.class.getName());

    private final Store store;
    private final Supplier<Git> git;
    private final Path worktreesRoot;
    private final Map<String, Object> questLocks = new ConcurrentHashMap<>();
    /** Each quest's folder once known: resolve runs before every session and checkpoint. */
    private final Map<String, Path> folders = new ConcurrentHashMap<>();
    private volatile Worktrees worktrees;

    /** Finds git on the PATH when the first Worktree quest needs it (and again on Retry while it is missing). */
    public QuestEnvironments(Store store) {
        this(store, () -> Git.locate(System.getenv()), store.dataDir().resolve("worktrees"));
    }

    /**
     * @param git           finds git; its {@link GitException} message reaches the user when git is missing
     * @param worktreesRoot where worktrees are made (normally {@code <data dir>/worktrees})
     */
    public QuestEnvironments(Store store, Supplier<Git> git, Path worktreesRoot) {
        this.store = store;
        this.git = git;
        this.worktreesRoot = worktreesRoot;
    }

    @Override
    public Path resolve(Quest quest, Consumer<QuestEvent> journal) {
        Optional<Workspace> workspace = quest.workspaceId() == null ? Optional.empty()
                : store.workspaces().get(quest.workspaceId());
        if (workspace.isEmpty()) {
            return null;
        }
        Path folder = Path.of(workspace.get().path());
        if (quest.environment() != QuestEnvironment.WORKTREE) {
            return folder;
        }
        Path known = folders.get(quest.id());
        if (known != null && Files.isDirectory(known)) {
            return known;
        }
        synchronized (questLocks.computeIfAbsent(quest.id(), id -> new Object())) {
            Path resolved = worktreeFolder(quest, workspace.get(), folder, journal);
            folders.put(quest.id(), resolved);
            return resolved;
        }
    }

    /** The git executable (its exception says why when git is missing). */
    Git git() {
        return git.get();
    }

    /** The Worktrees service, finding git on first use. */
    Worktrees worktrees() {
        Worktrees current = worktrees;
        if (current == null) {
            try {
                current = new Worktrees(git.get(), worktreesRoot);
            } catch (GitException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            worktrees = current;
        }
        return current;
    }

    /** The worktree the quest's journal records last, if any. */
    static Optional<WorktreeInfo> recorded(Store store, String questId) {
        List<JournalEntry> created = store.journal().readByType(questId, Set.of(WORKTREE_CREATED), 10_000);
        if (created.isEmpty()) {
            return Optional.empty();
        }
        QuestEvent.WorktreeCreated last = (QuestEvent.WorktreeCreated) created.get(created.size() - 1).event();
        return Optional.of(new WorktreeInfo(Path.of(last.path()), last.branch(), last.baseBranch(), last.baseCommit(),
                false, null));
    }

    private Path worktreeFolder(Quest quest, Workspace workspace, Path folder, Consumer<QuestEvent> journal) {
        Optional<WorktreeInfo> known = recorded(store, quest.id());
        if (known.isPresent() && Files.isDirectory(known.get().path())) {
            return inside(known.get().path(), folder);
        }
        Worktrees service = worktrees();
        try {
            Path repo = service.repositoryRoot(folder);
            WorktreeInfo wt;
            boolean included = false;
            if (known.isPresent()) {
                wt = service.reattach(repo, known.get());
            } else {
                QuestOptions.Worktree options = quest.options().worktree();
                included = options != null && options.includeUncommitted();
                wt = service.create(repo, quest.id(), quest.title(), options == null ? null : options.baseBranch(),
                        included, chunk -> { });
            }
            journal.accept(new QuestEvent.WorktreeCreated(wt.path().toString(), wt.branch(), wt.baseBranch(),
                    wt.baseCommit(), included));
            String script = store.settings().get(WorkspaceSettings.setupScript(workspace.id()));
            if (script != null && !script.isBlank()) {
                SetupScript.Result result = service.runSetup(repo, wt, script,
                        chunk -> journal.accept(new QuestEvent.SetupOutput(chunk, null)));
                journal.accept(new QuestEvent.SetupOutput(result.message(), result.exitCode()));
            }
            prune(service, repo, quest.id());
            return inside(wt.path(), folder);
        } catch (GitException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalStateException("Could not prepare the quest's worktree: " + e.getMessage(), e);
        }
    }

    /** The workspace's place inside the worktree: a workspace may be a sub-folder of its repository. */
    private Path inside(Path worktree, Path workspaceFolder) {
        try {
            Path top = worktrees().repositoryRoot(workspaceFolder).toRealPath();
            Path relative = top.relativize(workspaceFolder.toRealPath());
            return relative.toString().isEmpty() || relative.startsWith("..") ? worktree : worktree.resolve(relative);
        } catch (IOException | RuntimeException e) {
            return worktree; // the workspace folder moved; the worktree itself is still right
        }
    }

    private void prune(Worktrees service, Path repo, String questId) {
        try {
            Set<String> active = new HashSet<>(Set.of(questId));
            for (WorktreeEntry entry : service.entries(repo)) {
                if (entry.questId() != null && store.quests().summary(entry.questId()).map(QuestSummary::status)
                        .filter(status -> status != QuestStatus.READY && status != QuestStatus.ERROR).isPresent()) {
                    active.add(entry.questId());
                }
            }
            PruneResult result = service.prune(repo, store.settings().get(WorkspaceSettings.MAX_WORKTREES), active);
            if (!result.removed().isEmpty() || !result.skipped().isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "worktree clean-up in " + repo + ": " + result.message());
            }
        } catch (RuntimeException e) {
            // a failed clean-up must not fail the quest that just got its worktree
            LOG.log(System.Logger.Level.WARNING, "worktree clean-up failed in " + repo, e);
        }
    }
}
