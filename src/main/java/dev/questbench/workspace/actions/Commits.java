package dev.questbench.workspace.actions;

import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitException;
import dev.questbench.workspace.git.GitResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The review's commit actions on one repository: commit what is staged, amend, create a branch from the current
 * changes, and push to the remote. Push never forces: a rejected push fails with the remote's reason.
 */
public final class Commits {
    /** How long a push may take before it is stopped. */
    public static final Duration PUSH_TIMEOUT = Duration.ofMinutes(10);
    /** The most of the staged diff a commit-message prompt carries; a longer diff is cut with a note. */
    static final int PROMPT_DIFF_LIMIT = 60_000;
    private static final Pattern PROGRESS = Pattern.compile(
            "^(remote: )?((Enumerating|Counting|Compressing|Writing|Resolving|Receiving) objects|Total \\d"
                    + "|Delta compression).*");

    private final Git git;
    private final Path repo;
    private final StreamingGit streaming;
    private final Duration pushTimeout;

    /** @param repo a folder of the working tree (a repository or one of its worktrees) */
    public Commits(Git git, Path repo) {
        this(git, repo, PUSH_TIMEOUT);
    }

    Commits(Git git, Path repo, Duration pushTimeout) {
        this.git = git;
        this.repo = repo.toAbsolutePath().normalize();
        this.streaming = new StreamingGit(git);
        this.pushTimeout = pushTimeout;
    }

    /** Commits the staged changes only (unstaged ones stay) and returns the new commit id. */
    public String commit(String message) {
        requireMessage(message);
        git.checked(repo, List.of("commit", "-q", "--file=-"), Map.of(), message.getBytes(StandardCharsets.UTF_8));
        return head();
    }

    /**
     * Replaces the last commit with one that also holds what is staged now; a null message keeps the old one.
     * Amending a commit that is already pushed makes the next push fail (Questbench never forces): check
     * {@link #headIsPushed()} and warn first.
     */
    public String amend(String messageOrNullToKeep) {
        if (messageOrNullToKeep == null) {
            git.checked(repo, List.of("commit", "-q", "--amend", "--no-edit"), Map.of(), null);
        } else {
            requireMessage(messageOrNullToKeep);
            git.checked(repo, List.of("commit", "-q", "--amend", "--file=-"), Map.of(),
                    messageOrNullToKeep.getBytes(StandardCharsets.UTF_8));
        }
        return head();
    }

    /** True when a remote-tracking branch already contains HEAD (amending it would need a force push). */
    public boolean headIsPushed() {
        GitResult result = git.run(repo, "branch", "-r", "--contains", "HEAD");
        return result.ok() && !result.text().isBlank();
    }

    /**
     * Creates a branch at HEAD; with {@code switchTo} the working tree and index move onto it with every
     * uncommitted change kept, so the next commit lands there.
     *
     * @throws IllegalArgumentException when git would not accept the name, saying why
     */
    public void createBranch(String name, boolean switchTo) {
        String trimmed = name == null ? "" : name.strip();
        GitResult valid = trimmed.isEmpty() || trimmed.startsWith("-") || trimmed.contains("@{") ? null
                : git.run(repo, "check-ref-format", "--branch", trimmed);
        if (valid == null || !valid.ok() || !valid.text().strip().equals(trimmed)) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a valid branch name: use letters, digits, "
                    + "'-', '_', '.' and '/' (no spaces, no '..', no '~^:?*[\\', not starting with '-' or ending "
                    + "with '.lock').");
        }
        if (switchTo) {
            git.checked(repo, List.of("switch", "-q", "-c", trimmed), Map.of(), null);
        } else {
            git.checked(repo, List.of("branch", trimmed), Map.of(), null);
        }
    }

    /**
     * Pushes the current branch to its remote (its configured one, else {@code origin}, else the only one), setting
     * the upstream on the first push. Progress lines go to {@code progress} as git prints them, on a background
     * reader thread (not the FX thread). Blocks until git ends. Never forces.
     *
     * @throws GitException when there is no remote, or with the remote's reason when the push fails
     */
    public void push(Consumer<String> progress) {
        String remote = remote();
        List<String> args = new ArrayList<>(List.of("push", "--progress"));
        if (!git.run(repo, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}").ok()) {
            args.add("--set-upstream");
        }
        args.add(remote);
        args.add("HEAD");
        GitResult result = streaming.run(repo, args, Map.of(), pushTimeout, progress);
        if (!result.ok()) {
            String reason = result.stderr().lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !PROGRESS.matcher(line).matches())
                    .map(line -> line.replaceFirst("^(error|fatal): ", ""))
                    .reduce((a, b) -> a + "\n" + b).orElse("exit status " + result.exitCode());
            throw new GitException("The push to " + remote + " failed: " + reason
                    + (reason.contains("[rejected]") ? "\nGet the remote's changes first (pull or rebase), then push "
                    + "again; Questbench never force-pushes." : ""), result.exitCode(), result.stderr());
        }
    }

    /** The staged changes as a patch, for the model that writes a commit message. */
    public String stagedDiff() {
        return git.checked(repo, List.of("diff", "--cached", "--no-color", "--no-ext-diff", "--src-prefix=a/",
                "--dst-prefix=b/"), Map.of(), null).text();
    }

    /** The instruction a model gets to write the commit message for this staged diff. */
    public static String commitMessagePrompt(String stagedDiff) {
        if (stagedDiff == null || stagedDiff.isBlank()) {
            throw new IllegalArgumentException("Nothing is staged: stage the changes to commit first.");
        }
        String diff = stagedDiff;
        String note = "";
        if (diff.length() > PROMPT_DIFF_LIMIT) {
            diff = diff.substring(0, PROMPT_DIFF_LIMIT);
            note = "\n(The diff was cut after " + PROMPT_DIFF_LIMIT + " characters; the changes continue past it.)";
        }
        return """
                Write a git commit message for the staged changes below.

                Rules:
                - First line: a summary in the imperative mood ("Add", "Fix", "Remove"), at most 72 characters, \
                no trailing period. Use a Conventional Commits type prefix (feat:, fix:, refactor:, docs:, test:, \
                chore:, build:, perf:) when one clearly fits.
                - If the change needs explaining, add a blank line and a short body (wrapped at 72 columns) saying \
                what changed and why, not how. Skip the body for small, obvious changes.
                - Describe only what the diff shows; do not invent issue numbers, names or motivations.
                - Reply with the commit message only: no quotes, no code fences, no commentary.

                Staged diff:
                """ + diff + (diff.endsWith("\n") ? "" : "\n") + note;
    }

    private String remote() {
        List<String> remotes = git.output(repo, "remote").lines().map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        if (remotes.isEmpty()) {
            throw new GitException("This repository has no remote; add one with git remote add <name> <url> "
                    + "(e.g. git remote add origin git@github.com:you/project.git), then push again.", -1, "");
        }
        GitResult branch = git.run(repo, "symbolic-ref", "-q", "--short", "HEAD");
        if (branch.ok()) {
            GitResult configured = git.run(repo, "config", "--get", "branch." + branch.text().strip() + ".remote");
            if (configured.ok() && remotes.contains(configured.text().strip())) {
                return configured.text().strip();
            }
        }
        return remotes.contains("origin") ? "origin" : remotes.get(0);
    }

    private String head() {
        return git.output(repo, "rev-parse", "HEAD").strip();
    }

    private static void requireMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("The commit message is empty: type one, or generate it from the "
                    + "staged changes.");
        }
    }
}
