package dev.questbench.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Spinner;

/** Binds an editable integer {@link Spinner} to a property, counting typed digits at once (not only after Enter). */
public final class Spinners {
    private Spinners() {
    }

    public static void bind(Spinner<Integer> spinner, ObjectProperty<Integer> value) {
        spinner.getValueFactory().valueProperty().bindBidirectional(value);
        spinner.getEditor().textProperty().addListener((observable, before, text) -> {
            try {
                int typed = Integer.parseInt(text.strip());
                if (!Integer.valueOf(typed).equals(spinner.getValue())) {
                    spinner.getValueFactory().setValue(typed); // the value factory keeps it in its range
                }
            } catch (NumberFormatException e) {
                // half-typed: wait for digits
            }
        });
    }
}
