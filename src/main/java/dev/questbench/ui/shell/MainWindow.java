package dev.questbench.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.questbench.store.Settings;
import dev.questbench.store.Store;
import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.LiveClock;
import dev.questbench.ui.common.PulseExecutor;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.common.TaskRunner;
import java.io.InputStream;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The one Questbench window on a stage: builds the shell, applies the theme, restores and saves the window's
 * size, position, dividers and last view. The caller owns the store, the task runner and the dialogs.
 */
public final class MainWindow implements AutoCloseable {
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private final Stage stage;
    private final ShellViewModel model;
    private final ShellView view;
    private final LiveClock clock = new LiveClock();
    private boolean closed;

    /** Create on the FX thread. {@code systemPrefersDark} comes from {@link SystemTheme}, asked off the FX thread. */
    public MainWindow(Stage stage, Store store, TaskRunner tasks, DialogService dialogs, boolean systemPrefersDark) {
        this.stage = stage;
        this.model = new ShellViewModel(store, tasks, dialogs, PulseExecutor.shared(),
                Debouncer.fx(Duration.millis(150)), systemPrefersDark);
        applyTheme(model.darkProperty().get());
        model.darkProperty().addListener((observable, before, dark) -> applyTheme(dark));
        ShellCommands commands = new ShellCommands(model, this::quit);
        Settings settings = store.settings();
        this.view = new ShellView(model, commands, clock.nowProperty(), settings.get(ShellSettings.DIVIDERS));
        WindowBounds bounds = settings.get(ShellSettings.WINDOW);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // A size remembered on a bigger screen is cut down to this one.
        Scene scene = new Scene(view, Math.min(bounds.width(), screen.getWidth()),
                Math.min(bounds.height(), screen.getHeight()));
        Stylesheets.apply(scene.getStylesheets());
        stage.setScene(scene);
        stage.setTitle("Questbench");
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        restore(bounds);
        addIcons();
        stage.setOnCloseRequest(event -> close());
    }

    public ShellViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    /** Saves the layout and releases listeners; the stage closes too. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Settings settings = model.store().settings();
        settings.set(ShellSettings.WINDOW, new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
        settings.set(ShellSettings.DIVIDERS, view.dividerPositions());
        model.saveState();
        model.close();
        clock.close();
        stage.close();
    }

    private void quit() {
        close();
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Puts the window where it was, if that place is still on a screen. */
    private void restore(WindowBounds bounds) {
        if (bounds.hasPosition() && !Screen.getScreensForRectangle(
                new Rectangle2D(bounds.x(), bounds.y(), bounds.width(), bounds.height())).isEmpty()) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setMaximized(bounds.maximized());
    }

    /** The app icon set, if the packaging resources are on the class path; a missing size is skipped. */
    private void addIcons() {
        for (int size : ICON_SIZES) {
            try (InputStream in = MainWindow.class.getResourceAsStream(
                    "/dev/questbench/icons/questbench-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // an unreadable icon only costs the window its picture
            }
        }
    }
}
