package dev.questbench.llm;

/** Releases {@link Cancellation#onCancel} handles, whose {@code close()} cannot really fail. */
final class Registrations {
    private Registrations() {
    }

    static void release(AutoCloseable registration) {
        try {
            registration.close();
        } catch (Exception ignored) {
            // Cancellation's handle only removes an action from a list
        }
    }
}
