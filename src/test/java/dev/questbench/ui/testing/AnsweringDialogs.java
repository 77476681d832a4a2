package dev.questbench.ui.testing;

import dev.questbench.ui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Dialog;

/**
 * Dialogs for ViewModel tests: confirmations answered as the test says (queued answers first, then
 * {@code confirmAnswer}), what was asked and told collected, errors collected (or failing the test).
 */
public final class AnsweringDialogs implements DialogService {
    public boolean confirmAnswer;
    public int confirmations;
    public boolean failOnError = true;
    public final List<String> errors = new ArrayList<>();
    /** Answers for the next confirmations, in order; when empty, {@code confirmAnswer} answers. */
    public final java.util.Deque<Boolean> nextAnswers = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** Each confirmation as "title: message [confirm label]". */
    public final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Answers for the next text questions, in order; when empty, a question is cancelled. */
    public final java.util.Deque<String> nextTexts = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** Each info as "title: message". */
    public final List<String> infos = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Optional<Path> chooseFolder(String title, Path initialFolder) {
        return Optional.empty();
    }

    /** Where "Save as" saves to; null answers as if cancelled. */
    public volatile Path saveFileAnswer;

    @Override
    public Optional<Path> chooseSaveFile(String title, Path initialFolder, String fileName) {
        return Optional.ofNullable(saveFileAnswer);
    }

    /** What "choose a file" answers; null answers as if cancelled. */
    public volatile Path chooseFileAnswer;

    @Override
    public Optional<Path> chooseFile(String title, Path initialFolder) {
        return Optional.ofNullable(chooseFileAnswer);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        confirmations++;
        asked.add(title + ": " + message + " [" + confirmLabel + "]");
        Boolean next = nextAnswers.poll();
        return next != null ? next : confirmAnswer;
    }

    @Override
    public Optional<String> askText(String title, String label, String initialValue) {
        return Optional.ofNullable(nextTexts.poll());
    }

    @Override
    public void showError(String title, String message) {
        if (failOnError) {
            throw new AssertionError(title + ": " + message);
        }
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public <R> Optional<R> showAndWait(Dialog<R> dialog) {
        return Optional.empty();
    }
}
