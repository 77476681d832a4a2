package dev.questbench.review.external;

/** A Qodo Merge call that failed; the message says what happened and what to do, ready to show the user. */
public final class QodoMergeException extends Exception {
    private final int status;

    public QodoMergeException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when the server never answered. */
    public int status() {
        return status;
    }
}
