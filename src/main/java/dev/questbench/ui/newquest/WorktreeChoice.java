package dev.questbench.ui.newquest;

import dev.questbench.domain.QuestOptions;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitException;
import dev.questbench.workspace.git.GitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The New Quest form's worktree options: the local branch the worktree starts from, and whether the workspace's
 * uncommitted changes go along. Read from the folder's repository in the background, where it also learns why
 * Worktree is unavailable (no folder, no git, not a repository, no commit yet).
 */
public final class WorktreeChoice {
    static final String NEEDS_FOLDER = "Worktree needs a workspace folder that is a git repository.";
    /** Branches of other quests' worktrees (see {@code WorktreeNames}): offered after the user's own. */
    private static final String QUEST_BRANCHES = "questbench/";

    private final TaskRunner tasks;
    private final Map<String, String> gitEnvironment;
    private final ObservableList<BaseBranch> branches = FXCollections.observableArrayList();
    private final ObjectProperty<BaseBranch> base = new SimpleObjectProperty<>(this, "base");
    private final ReadOnlyIntegerWrapper uncommittedFiles = new ReadOnlyIntegerWrapper(this, "uncommittedFiles");
    private final BooleanProperty includeUncommitted = new SimpleBooleanProperty(this, "includeUncommitted");
    private final ReadOnlyStringWrapper includeText = new ReadOnlyStringWrapper(this, "includeText", "");
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", "");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private Git git; // found on first use, in the background
    private Path shown; // the folder the branches above belong to
    private int generation; // a reading of a folder no longer chosen is dropped

    /** @param gitEnvironment where git is looked for ({@code PATH}, {@code QUESTBENCH_GIT}) */
    WorktreeChoice(TaskRunner tasks, Map<String, String> gitEnvironment) {
        this.tasks = tasks;
        this.gitEnvironment = gitEnvironment;
        uncommittedFiles.addListener((observable, before, count) -> includeText.set(count.intValue() == 0 ? ""
                : "Include uncommitted changes (" + count + (count.intValue() == 1 ? " file)" : " files)")));
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The workspace's local branches: the checked-out one, the others, then other quests' ones; empty until read. */
    public ObservableList<BaseBranch> branches() {
        return branches;
    }

    /** The branch the worktree starts from; the current one unless the user picks another. */
    public ObjectProperty<BaseBranch> baseProperty() {
        return base;
    }

    /** Files the workspace has changed, staged or untracked (0: nothing to include, the checkbox hides). */
    public ReadOnlyIntegerProperty uncommittedFilesProperty() {
        return uncommittedFiles.getReadOnlyProperty();
    }

    public BooleanProperty includeUncommittedProperty() {
        return includeUncommitted;
    }

    /** The checkbox's text, with how many files would be copied; empty when there are none. */
    public ReadOnlyStringProperty includeTextProperty() {
        return includeText.getReadOnlyProperty();
    }

    /** Why Worktree cannot be chosen for this folder, said so the user can fix it; empty when it can or until read. */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Reads the folder's branches and uncommitted changes in the background; null clears them. */
    public void read(Path folder) {
        int mine = ++generation;
        boolean sameFolder = folder != null && folder.equals(shown);
        if (folder == null) {
            shown = null;
            reading.set(false);
            show(Reading.problem(NEEDS_FOLDER), false);
            return;
        }
        if (!sameFolder) {
            shown = folder;
            show(Reading.UNREAD, false); // a new folder is assumed fine until read, so the toggle does not flicker
        }
        reading.set(true);
        tasks.run(() -> inspect(folder), result -> {
            if (mine == generation) {
                reading.set(false);
                show(result, sameFolder);
            }
        }, failure -> {
            if (mine == generation) {
                reading.set(false);
                show(Reading.problem("The branches of " + folder + " could not be read: " + describe(failure)),
                        false);
            }
        });
    }

    /** The quest's worktree options: no branch named when the current one is chosen, so git's current one is used. */
    QuestOptions.Worktree forQuest() {
        BaseBranch chosen = base.get();
        String branch = chosen == null || chosen.current() ? null : chosen.name();
        return new QuestOptions.Worktree(branch, includeUncommitted.get() && uncommittedFiles.get() > 0);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * What a folder's repository offers; {@code problem} non-empty when a worktree cannot be made from it.
     *
     * @param current the checked-out branch, or null for a detached HEAD
     */
    private record Reading(boolean read, String problem, String current, List<String> branches, int uncommitted) {
        static final Reading UNREAD = new Reading(false, "", null, List.of(), 0);

        static Reading problem(String why) {
            return new Reading(true, why, null, List.of(), 0);
        }
    }

    /** Runs git in the background: is it a repository with a commit, its branches, its uncommitted files. */
    private Reading inspect(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Reading.problem("The folder " + folder + " does not exist, so Worktree is unavailable.");
        }
        Git found;
        try {
            found = git();
        } catch (GitException e) {
            return Reading.problem(e.getMessage());
        }
        GitResult top = found.run(folder, "rev-parse", "--show-toplevel");
        if (!top.ok() || top.text().isBlank()) {
            return Reading.problem("Worktree needs a git repository, and " + folder + " is not one. Run `git init` "
                    + "there and make a first commit, or use Local.");
        }
        if (!found.run(folder, "rev-parse", "-q", "--verify", "HEAD^{commit}").ok()) {
            return Reading.problem("Worktree needs at least one commit, and " + folder + " has none yet. Make a "
                    + "first commit, or use Local.");
        }
        String head = found.output(folder, "rev-parse", "--abbrev-ref", "HEAD").strip();
        List<String> names = found.output(folder, "branch", "--format=%(refname:short)").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("(")) // "(HEAD detached at …)"
                .toList();
        int uncommitted = (int) found.output(folder, "status", "--porcelain", "--untracked-files=all").lines()
                .filter(line -> !line.isBlank()).count();
        return new Reading(true, "", "HEAD".equals(head) ? null : head, names, uncommitted);
    }

    private synchronized Git git() {
        if (git == null) {
            git = Git.locate(gitEnvironment);
        }
        return git;
    }

    private void show(Reading reading, boolean keepChoice) {
        String kept = keepChoice && base.get() != null ? base.get().name() : null;
        List<BaseBranch> offered = new ArrayList<>();
        if (reading.read() && reading.problem().isEmpty()) {
            offered.add(reading.current() == null ? BaseBranch.detachedHead()
                    : new BaseBranch(reading.current(), true));
            for (boolean questBranches : new boolean[] {false, true}) {
                reading.branches().stream().filter(name -> !name.equals(reading.current())
                                && name.startsWith(QUEST_BRANCHES) == questBranches)
                        .forEach(name -> offered.add(new BaseBranch(name, false)));
            }
        }
        branches.setAll(offered);
        base.set(offered.stream().filter(branch -> kept != null && kept.equals(branch.name())).findFirst()
                .orElse(offered.isEmpty() ? null : offered.get(0)));
        uncommittedFiles.set(reading.uncommitted());
        if (reading.uncommitted() == 0 || !keepChoice) {
            includeUncommitted.set(false);
        }
        unavailable.set(reading.problem());
    }

    private static String describe(Throwable failure) {
        return Objects.requireNonNullElse(failure.getMessage(), failure.toString());
    }
}
