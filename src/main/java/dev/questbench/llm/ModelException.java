package dev.questbench.llm;

/**
 * A model call that failed. The message is written for the user: what happened and what to do
 * (e.g. "API key rejected by https://api.openai.com/v1 (401). Check the key in Settings → Models.").
 */
public final class ModelException extends Exception {

    public enum Kind {
        /** Could not connect (refused, DNS, TLS). Retried. */
        CONNECT(true),
        /** 401/403. Not retried. */
        AUTH(false),
        /** 404: wrong model or base URL. Not retried. */
        NOT_FOUND(false),
        /** 400 and other 4xx. Not retried. */
        BAD_REQUEST(false),
        /** 429. Retried, honouring Retry-After. */
        RATE_LIMITED(true),
        /** 5xx. Retried. */
        SERVER(true),
        /** No bytes for the idle timeout in the middle of a stream. Retried. */
        IDLE_TIMEOUT(true),
        /** The stream ended before its end marker. Retried. */
        STREAM_CUT(true),
        /** The provider sent something that is not the protocol. Not retried. */
        MALFORMED(false),
        /** The caller cancelled. Never retried. */
        CANCELLED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int status;

    public ModelException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public ModelException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
