package dev.questbench.ui.settings;

import atlantafx.base.theme.PrimerLight;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.shell.ThemePreference;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** Shared set-up for TestFX flows through the Settings dialog. */
final class SettingsDialogs {
    private SettingsDialogs() {
    }

    /** The General page's model on the store, as the app builds it. */
    static SettingsViewModel general(Store store, TaskRunner tasks) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        return new SettingsViewModel(store.settings(), tasks, new SimpleObjectProperty<>(ThemePreference.SYSTEM),
                limit -> store.settings().set(QuestExecutor.CONCURRENCY, limit), null);
    }

    /** Shows the dialog over a small owner window, styled as the app's DialogService does. */
    static void show(Stage stage, SettingsDialog dialog) {
        Stylesheets.apply(dialog.getDialogPane().getStylesheets());
        stage.setScene(new Scene(new StackPane(), 480, 320));
        stage.sizeToScene(); // an earlier test may have sized the shared stage
        stage.show();
        dialog.initOwner(stage);
        dialog.show();
    }
}
