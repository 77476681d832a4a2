package dev.questbench.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.questbench.store.Settings;
import dev.questbench.store.Store;
import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.LiveClock;
import dev.questbench.ui.common.PulseExecutor;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.notify.DesktopNotifier;
import dev.questbench.ui.notify.NotificationCenter;
import dev.questbench.ui.notify.ToastStack;
import dev.questbench.ui.notify.WindowState;
import java.io.InputStream;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
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
    private final NotificationCenter notifications;
    private DesktopNotifier notifier;
    private boolean closed;

    /**
     * Create on the FX thread. {@code systemPrefersDark} comes from {@link SystemTheme}, asked off the FX thread;
     * the engine is started and closed by the caller.
     */
    public MainWindow(Stage stage, Store store, QuestEngine engine, TaskRunner tasks, DialogService dialogs,
                      boolean systemPrefersDark) {
        this.stage = stage;
        this.model = new ShellViewModel(store, engine, tasks, dialogs, PulseExecutor.shared(),
                Debouncer.fx(Duration.millis(150)), systemPrefersDark);
        applyTheme(model.darkProperty().get());
        model.darkProperty().addListener((observable, before, dark) -> applyTheme(dark));
        this.notifications = new NotificationCenter(model::openQuest, model::showSchedules);
        ShellCommands commands = new ShellCommands(model, this::quit, this::testNotification);
        Settings settings = store.settings();
        this.view = new ShellView(model, commands, clock.nowProperty(), settings.get(ShellSettings.DIVIDERS));
        view.addOverlay(new ToastStack(notifications));
        model.selectedQuestIdProperty().addListener((observable, before, id) -> notifications.questOpened(id));
        WindowBounds bounds = settings.get(ShellSettings.WINDOW);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // A size remembered on a bigger screen is cut down to this one.
        Scene scene = new Scene(view, Math.min(bounds.width(), screen.getWidth()),
                Math.min(bounds.height(), screen.getHeight()));
        Stylesheets.apply(scene.getStylesheets());
        dev.questbench.ui.quest.ConversationView.addStylesheets(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> title(model.attentionProperty().get()),
                model.attentionProperty()));
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

    /** The window's toasts. */
    public NotificationCenter notifications() {
        return notifications;
    }

    /**
     * Shows the notifier's toasts here and lets it ask whether Questbench has the focus and which quest is open;
     * notifications that arrived before the window are shown now. Call on the FX thread.
     */
    public void showNotifications(DesktopNotifier desktopNotifier) {
        this.notifier = desktopNotifier;
        desktopNotifier.attach(notifications, new WindowState() {
            @Override
            public boolean appFocused() {
                return Window.getWindows().stream().anyMatch(Window::isFocused);
            }

            @Override
            public String shownQuestId() {
                return model.viewProperty().get() == MainView.QUEST ? model.selectedQuestIdProperty().get() : null;
            }
        });
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

    /** "Questbench", or "Questbench — 3 need you" while quests wait for the user. */
    static String title(int attention) {
        return attention <= 0 ? "Questbench" : "Questbench — " + attention + (attention == 1 ? " needs you" : " need you");
    }

    private void testNotification() {
        if (notifier != null) {
            notifier.test();
        }
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

    /**
     * The app icon set, if the packaging resources are on the class path; a missing size is skipped. Decoded on a
     * background thread (the big sizes take tens of milliseconds) and set once ready, after the first frame.
     */
    private void addIcons() {
        Thread loader = new Thread(() -> {
            java.util.List<Image> icons = new java.util.ArrayList<>();
            for (int size : ICON_SIZES) {
                try (InputStream in = MainWindow.class.getResourceAsStream(
                        "/dev/questbench/icons/questbench-" + size + ".png")) {
                    if (in != null) {
                        icons.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    // an unreadable icon only costs the window its picture
                }
            }
            javafx.application.Platform.runLater(() -> stage.getIcons().setAll(icons));
        }, "questbench-window-icons");
        loader.setDaemon(true);
        loader.start();
    }
}
