package dev.questbench.ui.settings;

import atlantafx.base.theme.Styles;
import dev.questbench.engine.Notification;
import dev.questbench.ui.common.Spinners;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.shell.ThemePreference;
import java.io.IOException;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** The Settings dialog (File ▸ Settings…): a static FXML form bound to a {@link SettingsViewModel}. */
public final class SettingsDialog extends Dialog<Boolean> {
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final SettingsViewModel model;
    @FXML private Spinner<Integer> concurrencySpinner;
    @FXML private Spinner<Integer> goalRoundsSpinner;
    @FXML private CheckBox desktopBox;
    @FXML private CheckBox soundBox;
    @FXML private CheckBox actionRequiredBox;
    @FXML private CheckBox readyBox;
    @FXML private CheckBox errorBox;
    @FXML private CheckBox missedBox;
    @FXML private Button testButton;
    @FXML private HBox themeBox;
    @FXML private Label problemLabel;

    public SettingsDialog(SettingsViewModel model) {
        this.model = model;
        setTitle("Settings");
        setHeaderText(null);
        FXMLLoader loader = new FXMLLoader(SettingsDialog.class.getResource("SettingsDialog.fxml"));
        loader.setController(this);
        try {
            getDialogPane().setContent(loader.load());
        } catch (IOException e) {
            throw new IllegalStateException("SettingsDialog.fxml cannot be read", e);
        }
        getDialogPane().getStyleClass().add("settings-dialog");
        getDialogPane().getStylesheets().add(Stylesheets.of(SettingsDialog.class, "settings.css"));
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        setResultConverter(button -> null);
        bind();
        model.load();
    }

    private void bind() {
        Spinners.bind(concurrencySpinner, model.concurrencyProperty());
        Spinners.bind(goalRoundsSpinner, model.goalRoundsProperty());
        desktopBox.selectedProperty().bindBidirectional(model.desktopProperty());
        soundBox.selectedProperty().bindBidirectional(model.soundProperty());
        actionRequiredBox.selectedProperty().bindBidirectional(model.kindProperty(Notification.Kind.ACTION_REQUIRED));
        readyBox.selectedProperty().bindBidirectional(model.kindProperty(Notification.Kind.READY));
        errorBox.selectedProperty().bindBidirectional(model.kindProperty(Notification.Kind.ERROR));
        missedBox.selectedProperty().bindBidirectional(model.kindProperty(Notification.Kind.MISSED_SCHEDULE));
        testButton.setVisible(model.canTestNotifications());
        testButton.getParent().setManaged(model.canTestNotifications());
        testButton.getParent().setVisible(model.canTestNotifications());
        testButton.setOnAction(event -> model.testNotification());
        bindTheme();
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());

        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.getStyleClass().add(Styles.ACCENT);
        save.setId("settings-save");
        save.disableProperty().bind(model.savingProperty().or(model.loadedProperty().not()));
        save.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // stay open until stored, or show why not
            model.save(() -> {
                setResult(Boolean.TRUE);
                close();
            });
        });
    }

    private void bindTheme() {
        ToggleGroup group = new ToggleGroup();
        ThemePreference[] choices = ThemePreference.values();
        for (int i = 0; i < choices.length; i++) {
            ThemePreference choice = choices[i];
            ToggleButton button = new ToggleButton(choice.label());
            button.setId("settings-theme-" + choice.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setUserData(choice);
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == choices.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            button.setSelected(model.themeProperty().get() == choice);
            themeBox.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after == null) {
                group.selectToggle(before); // one theme is always chosen
            } else {
                model.themeProperty().set((ThemePreference) after.getUserData());
            }
        });
    }
}
