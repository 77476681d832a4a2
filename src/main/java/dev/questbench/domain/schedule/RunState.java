package dev.questbench.domain.schedule;

/** How one run of a schedule went, as the Run History shows it. */
public enum RunState {
    /** The quest's turn (or, in goal mode, its rounds) finished normally. */
    SUCCESS("Success"),
    /** The quest is working, or waits for an approval; open it to watch. */
    RUNNING("Running"),
    /** The turn failed, was stopped, the goal was not met, or the quest could not start. */
    FAILED("Failed"),
    /** Questbench was not running (or the computer slept) at the due time; Run Now makes up for it. */
    MISSED("Missed");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
