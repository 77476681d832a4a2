package dev.questbench.ui.common;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Dialog;

/** The windows a ViewModel may ask for, behind an interface so ViewModels are testable without a screen. */
public interface DialogService {

    /** Lets the user pick a folder; empty when cancelled. */
    Optional<Path> chooseFolder(String title, Path initialFolder);

    /** Lets the user pick where to save a file, suggesting {@code fileName}; empty when cancelled. */
    default Optional<Path> chooseSaveFile(String title, Path initialFolder, String fileName) {
        return Optional.empty();
    }

    /** Lets the user pick an existing file; empty when cancelled or unsupported. */
    default Optional<Path> chooseFile(String title, Path initialFolder) {
        return Optional.empty();
    }

    /** Asks before something that cannot be undone; true when the user confirms with {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel);

    /** Asks for one line of text, such as a new title; empty when cancelled. */
    Optional<String> askText(String title, String label, String initialValue);

    /** Tells the user what went wrong and what to do next. */
    void showError(String title, String message);

    /**
     * Tells the user that something they started in the background is done and what changed. A service that has
     * nowhere to show it may drop it: nothing depends on the user seeing it.
     */
    default void showInfo(String title, String message) {
    }

    /** Shows a dialog built by a View, modal to the main window, and waits for its result. */
    <R> Optional<R> showAndWait(Dialog<R> dialog);
}
