package dev.questbench.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Runs only the last of a quick series of requests, once things have been quiet for a moment (STYLE.md 13). */
public interface Debouncer {

    /** Replaces any waiting action with this one. */
    void submit(Runnable action);

    /** Runs each action at once: for tests and for callers that already debounce. */
    static Debouncer immediate() {
        return Runnable::run;
    }

    /** Waits {@code quiet} on the FX timeline; create and use it on the FX thread. */
    static Debouncer fx(Duration quiet) {
        PauseTransition pause = new PauseTransition(quiet);
        return action -> {
            pause.setOnFinished(event -> action.run());
            pause.playFromStart();
        };
    }
}
