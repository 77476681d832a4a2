package dev.questbench.ui.schedule;

import dev.questbench.domain.schedule.RunState;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * A small coloured label for a run's state: Success, Running, Failed, Missed. CSS sees the state as a
 * pseudo-class ({@code :success}, {@code :running}, {@code :failed}, {@code :missed}); hidden for no run.
 */
final class RunStateBadge extends Label {
    private RunState shown;

    RunStateBadge() {
        getStyleClass().add("run-state");
        setMinWidth(USE_PREF_SIZE);
    }

    void show(RunState state) {
        if (shown != null) {
            pseudoClassStateChanged(pseudoClass(shown), false);
        }
        shown = state;
        setVisible(state != null);
        setManaged(state != null);
        if (state != null) {
            setText(state.label());
            pseudoClassStateChanged(pseudoClass(state), true);
        }
    }

    private static PseudoClass pseudoClass(RunState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT));
    }
}
