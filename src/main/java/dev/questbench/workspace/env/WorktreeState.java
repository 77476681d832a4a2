package dev.questbench.workspace.env;

import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What git says about a repository's Questbench worktrees: which exist, what they started from (the
 * {@code branch.<branch>.questbench} config record: quest id, base commit, base branch or "-"), and whether removing
 * one would lose work.
 */
final class WorktreeState {
    static final String RECORD = "questbench";

    private final Git git;

    WorktreeState(Git git) {
        this.git = git;
    }

    /** Remembers what a new worktree's branch was made for, beside the branch (deleted with it). */
    void record(Path top, String branch, String questId, String baseCommit, String baseBranch) {
        git.output(top, "config", "branch." + branch + "." + RECORD,
                questId + " " + baseCommit + " " + (baseBranch == null ? "-" : baseBranch));
    }

    /** The linked worktrees on {@code questbench/} branches, oldest quest first (quest ids sort by time). */
    List<WorktreeEntry> entries(Path top) {
        Map<String, String[]> records = records(top);
        List<WorktreeEntry> entries = new ArrayList<>();
        Path path = null;
        String branch = null;
        boolean prunable = false;
        boolean main = true; // git lists the repository's own checkout first; it is never a quest's worktree
        for (String line : (git.output(top, "worktree", "list", "--porcelain") + "\n").lines().toList()) {
            if (line.startsWith("worktree ")) {
                path = Path.of(line.substring("worktree ".length()));
            } else if (line.startsWith("branch refs/heads/")) {
                branch = line.substring("branch refs/heads/".length());
            } else if (line.startsWith("prunable")) {
                prunable = true;
            } else if (line.isEmpty() && path != null) {
                if (!main && branch != null && branch.startsWith(WorktreeNames.BRANCH_PREFIX)) {
                    entries.add(entry(path, branch, prunable, records.getOrDefault(branch, new String[0])));
                }
                path = null;
                branch = null;
                prunable = false;
                main = false;
            }
        }
        entries.sort(Comparator.comparing(WorktreeEntry::questId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return entries;
    }

    private static WorktreeEntry entry(Path path, String branch, boolean prunable, String[] record) {
        String base = record.length > 2 && !"-".equals(record[2]) ? record[2] : null;
        WorktreeInfo info = new WorktreeInfo(path, branch, base, record.length > 1 ? record[1] : null, false, null);
        return new WorktreeEntry(info, record.length > 0 ? record[0] : null, prunable || !Files.isDirectory(path));
    }

    boolean branchExists(Path top, String branch) {
        return git.run(top, "rev-parse", "-q", "--verify", "refs/heads/" + branch).ok();
    }

    /** Commits on the worktree's branch that its base (the base branch, or the base commit) does not have. */
    int unmergedCommits(Path top, WorktreeInfo wt) {
        String base = wt.baseBranch() != null && branchExists(top, wt.baseBranch()) ? "refs/heads/" + wt.baseBranch()
                : wt.baseCommit();
        String range = base == null ? "refs/heads/" + wt.branch() : base + "..refs/heads/" + wt.branch();
        return Integer.parseInt(git.output(top, "rev-list", "--count", range).strip());
    }

    /** Changed, deleted and new (not ignored) files in a checkout. */
    int uncommittedFiles(Path checkout) {
        return LocalMove.changedPaths(git, checkout).size();
    }

    /** The folder where the branch is checked out, or null when nowhere. */
    String checkedOutAt(Path top, String branch) {
        String path = null;
        for (String line : git.output(top, "worktree", "list", "--porcelain").lines().toList()) {
            if (line.startsWith("worktree ")) {
                path = line.substring("worktree ".length());
            } else if (line.equals("branch refs/heads/" + branch)) {
                return path;
            }
        }
        return null;
    }

    /** {@code branch -> [questId, baseCommit, baseBranch or "-"]}. */
    private Map<String, String[]> records(Path top) {
        Map<String, String[]> records = new HashMap<>();
        GitResult result = git.run(top, "config", "-z", "--get-regexp", "^branch\\..*\\." + RECORD + "$");
        for (String item : result.text().split("\0")) {
            int newline = item.indexOf('\n');
            if (newline < 0) {
                continue;
            }
            String key = item.substring(0, newline);
            String branch = key.substring("branch.".length(), key.length() - RECORD.length() - 1);
            records.put(branch, item.substring(newline + 1).strip().split(" "));
        }
        return records;
    }
}
