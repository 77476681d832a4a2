package dev.questbench.store;

/** A store failure with a message a person can act on (what happened, what to do). */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
