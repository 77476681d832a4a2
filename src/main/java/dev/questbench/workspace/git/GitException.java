package dev.questbench.workspace.git;

/**
 * A git call that failed; the message says what happened and what to do, built from git's own stderr
 * (e.g. "git commit failed in /w: nothing to commit, working tree clean").
 */
public final class GitException extends RuntimeException {
    private final int exitCode;
    private final String stderr;

    public GitException(String message, int exitCode, String stderr) {
        super(message);
        this.exitCode = exitCode;
        this.stderr = stderr == null ? "" : stderr;
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = -1;
        this.stderr = "";
    }

    /** git's exit status, or -1 when it did not run or was stopped. */
    public int exitCode() {
        return exitCode;
    }

    public String stderr() {
        return stderr;
    }
}
