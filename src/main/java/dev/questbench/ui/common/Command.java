package dev.questbench.ui.common;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;

/**
 * One user action with its name, icon, shortcut and whether it can run now; menus, buttons and shortcuts
 * are all made from the same command (STYLE.md 8).
 */
public final class Command {
    private final String name;
    private final Ikon icon;
    private final KeyCombination shortcut;
    private final BooleanExpression executable;
    private final Runnable action;

    private Command(String name, Ikon icon, KeyCombination shortcut, ObservableBooleanValue executable,
                    Runnable action) {
        this.name = Objects.requireNonNull(name);
        this.icon = icon;
        this.shortcut = shortcut;
        this.executable = BooleanExpression.booleanExpression(executable);
        this.action = Objects.requireNonNull(action);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The icon, or null for a text-only command. */
    public Ikon icon() {
        return icon;
    }

    /** The keyboard shortcut, or null. */
    public KeyCombination shortcut() {
        return shortcut;
    }

    public BooleanExpression executableProperty() {
        return executable;
    }

    public BooleanExpression disabledProperty() {
        return executable.not();
    }

    /** Runs the action if the command is executable now. */
    public void execute() {
        if (executable.get()) {
            action.run();
        }
    }

    /** Builds a {@link Command}; only the name and the action are required. */
    public static final class Builder {
        private final String name;
        private Ikon icon;
        private KeyCombination shortcut;
        private ObservableBooleanValue executable = Bindings.createBooleanBinding(() -> true);

        private Builder(String name) {
            this.name = name;
        }

        public Builder icon(Ikon value) {
            icon = value;
            return this;
        }

        /** A shortcut in {@link KeyCombination#keyCombination} syntax, such as {@code Shortcut+N}. */
        public Builder shortcut(String combination) {
            shortcut = KeyCombination.keyCombination(combination);
            return this;
        }

        public Builder executableWhen(ObservableBooleanValue condition) {
            executable = condition;
            return this;
        }

        public Command does(Runnable action) {
            return new Command(name, icon, shortcut, executable, action);
        }
    }
}
