package dev.questbench.ui.schedule;

import atlantafx.base.theme.Styles;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleKind;
import dev.questbench.ui.common.Spinners;
import dev.questbench.ui.common.Stylesheets;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The schedule form: a static FXML form bound to a {@link ScheduleFormViewModel}; its result is the saved schedule. */
public final class ScheduleFormDialog extends Dialog<Schedule> {
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final ScheduleFormViewModel model;
    @FXML private TextField nameField;
    @FXML private ComboBox<ScheduleKind> kindBox;
    @FXML private HBox oneTimeRow;
    @FXML private DatePicker datePicker;
    @FXML private HBox intervalRow;
    @FXML private Spinner<Integer> everySpinner;
    @FXML private ComboBox<RuleFields.IntervalUnit> unitBox;
    @FXML private HBox hourlyRow;
    @FXML private Spinner<Integer> minuteSpinner;
    @FXML private HBox weekdaysRow;
    @FXML private HBox daysBox;
    @FXML private HBox monthlyRow;
    @FXML private Spinner<Integer> daySpinner;
    @FXML private HBox timeRow;
    @FXML private TextField timeField;
    @FXML private HBox cronRow;
    @FXML private TextField cronField;
    @FXML private ComboBox<String> zoneBox;
    @FXML private VBox previewBox;
    @FXML private Label previewError;
    @FXML private TextArea instructionsArea;
    @FXML private ComboBox<Choice> workspaceBox;
    @FXML private TextField modelField;
    @FXML private ComboBox<Choice> questBox;
    @FXML private CheckBox goalBox;
    @FXML private Label problemLabel;

    public ScheduleFormDialog(ScheduleFormViewModel model) {
        this.model = model;
        setTitle(model.isEdit() ? "Edit Schedule" : "New Schedule");
        setHeaderText(null);
        FXMLLoader loader = new FXMLLoader(ScheduleFormDialog.class.getResource("ScheduleFormDialog.fxml"));
        loader.setController(this);
        try {
            getDialogPane().setContent(loader.load());
        } catch (IOException e) {
            throw new IllegalStateException("ScheduleFormDialog.fxml cannot be read", e);
        }
        getDialogPane().getStyleClass().add("schedule-form-dialog");
        getDialogPane().getStylesheets().add(Stylesheets.of(ScheduleFormDialog.class, "schedule-form.css"));
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        setResultConverter(button -> null); // the schedule is set by save(); Cancel gives no result
        setResizable(true);
        getDialogPane().setPrefWidth(740);
        bindRule();
        bindTask();
        model.loadChoices();
    }

    private void bindRule() {
        RuleFields rule = model.rule();
        kindBox.getItems().setAll(ScheduleKind.values());
        kindBox.setConverter(converter(ScheduleKind::label));
        kindBox.valueProperty().bindBidirectional(rule.kindProperty());
        datePicker.valueProperty().bindBidirectional(rule.dateProperty());
        timeField.textProperty().bindBidirectional(rule.timeProperty());
        unitBox.getItems().setAll(RuleFields.IntervalUnit.values());
        unitBox.valueProperty().bindBidirectional(rule.unitProperty());
        Spinners.bind(everySpinner, rule.everyProperty());
        Spinners.bind(minuteSpinner, rule.minuteProperty());
        Spinners.bind(daySpinner, rule.dayOfMonthProperty());
        cronField.textProperty().bindBidirectional(rule.cronProperty());
        for (DayOfWeek day : DayOfWeek.values()) {
            ToggleButton toggle = new ToggleButton(day.getDisplayName(TextStyle.SHORT, Locale.UK));
            toggle.setId("day-" + day.name().toLowerCase(Locale.ROOT));
            toggle.setSelected(rule.days().contains(day));
            toggle.selectedProperty().addListener((observable, before, on) -> {
                if (on) {
                    rule.days().add(day);
                } else {
                    rule.days().remove(day);
                }
            });
            daysBox.getChildren().add(toggle);
        }
        ZoneChoices.bind(zoneBox, model.zoneProperty());
        rule.kindProperty().addListener((observable, before, kind) -> showRows(kind));
        showRows(rule.kindProperty().get());
        model.preview().addListener((ListChangeListener<String>) change -> showPreview());
        previewError.textProperty().bind(model.previewErrorProperty());
        show(previewError, model.previewErrorProperty().get() != null);
        model.previewErrorProperty().addListener((observable, before, error) -> show(previewError, error != null));
        showPreview();
    }

    private void bindTask() {
        nameField.textProperty().bindBidirectional(model.nameProperty());
        instructionsArea.textProperty().bindBidirectional(model.instructionsProperty());
        modelField.textProperty().bindBidirectional(model.modelProperty());
        goalBox.selectedProperty().bindBidirectional(model.goalProperty());
        workspaceBox.setItems(model.workspaces());
        workspaceBox.valueProperty().bindBidirectional(model.workspaceProperty());
        questBox.setItems(model.quests());
        questBox.valueProperty().bindBidirectional(model.continueQuestProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());

        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.getStyleClass().add(Styles.ACCENT);
        save.setId("schedule-save");
        save.disableProperty().bind(model.savingProperty());
        save.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // stay open until the scheduler accepted it, or show why not
            model.save(saved -> {
                setResult(saved);
                close();
            });
        });
        setOnShown(event -> (model.isEdit() ? instructionsArea : nameField).requestFocus());
    }

    private void showRows(ScheduleKind kind) {
        Map<Node, Boolean> rows = Map.of(
                oneTimeRow, kind == ScheduleKind.ONE_TIME,
                intervalRow, kind == ScheduleKind.INTERVAL,
                hourlyRow, kind == ScheduleKind.HOURLY,
                weekdaysRow, kind == ScheduleKind.WEEKLY,
                monthlyRow, kind == ScheduleKind.MONTHLY,
                timeRow, kind == ScheduleKind.ONE_TIME || kind == ScheduleKind.DAILY || kind == ScheduleKind.WEEKLY
                        || kind == ScheduleKind.MONTHLY,
                cronRow, kind == ScheduleKind.CRON);
        rows.forEach(ScheduleFormDialog::show);
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    private void showPreview() {
        previewBox.getChildren().setAll(previewError);
        for (String time : model.preview()) {
            Label line = new Label(time);
            line.getStyleClass().add("preview-time");
            previewBox.getChildren().add(line);
        }
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
