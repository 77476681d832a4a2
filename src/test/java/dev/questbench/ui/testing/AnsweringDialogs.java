package dev.questbench.ui.testing;

import dev.questbench.ui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Dialog;

/** Dialogs for ViewModel tests: confirmations answered as the test says, errors collected (or failing the test). */
public final class AnsweringDialogs implements DialogService {
    public boolean confirmAnswer;
    public int confirmations;
    public boolean failOnError = true;
    public final List<String> errors = new ArrayList<>();

    @Override
    public Optional<Path> chooseFolder(String title, Path initialFolder) {
        return Optional.empty();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        confirmations++;
        return confirmAnswer;
    }

    @Override
    public Optional<String> askText(String title, String label, String initialValue) {
        return Optional.empty();
    }

    @Override
    public void showError(String title, String message) {
        if (failOnError) {
            throw new AssertionError(title + ": " + message);
        }
        errors.add(title + ": " + message);
    }

    @Override
    public <R> Optional<R> showAndWait(Dialog<R> dialog) {
        return Optional.empty();
    }
}
