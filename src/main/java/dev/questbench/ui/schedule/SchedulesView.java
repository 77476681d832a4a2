package dev.questbench.ui.schedule;

import atlantafx.base.theme.Styles;
import dev.questbench.domain.schedule.ScheduleRun;
import dev.questbench.ui.common.Stylesheets;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Schedules page: a header with New Schedule, the schedule cards on the left and the selected
 * schedule's Run History on the right.
 */
public final class SchedulesView extends BorderPane {
    private final SchedulesViewModel model;
    private final ListView<ScheduleItem> cards;

    public SchedulesView(SchedulesViewModel model, ObservableValue<Instant> now) {
        this.model = model;
        setId("schedules-page");
        getStyleClass().add("schedules-page");
        getStylesheets().add(Stylesheets.of(SchedulesView.class, "schedules.css"));

        cards = new ListView<>(model.items());
        cards.setId("schedule-cards");
        cards.getStyleClass().add("schedule-cards");
        cards.setCellFactory(view -> new ScheduleCell(model, now));
        cards.setPlaceholder(emptyState());
        cards.getSelectionModel().selectedItemProperty().addListener((observable, before, item) -> {
            if (item != null) {
                model.select(item.id());
            }
        });
        model.selectedIdProperty().addListener((observable, before, id) -> selectCard(id));
        model.items().addListener((ListChangeListener<ScheduleItem>) change ->
                selectCard(model.selectedIdProperty().get()));

        SplitPane body = new SplitPane(cards, history());
        body.setDividerPositions(0.55);
        body.getStyleClass().add("schedules-body");
        setTop(header());
        setCenter(body);
        setBottom(messageLine());
    }

    private HBox header() {
        Label title = new Label("Schedules");
        title.getStyleClass().addAll(Styles.TITLE_3, "schedules-title");
        title.setId("schedules-title");
        Label hint = new Label("Quests that start by themselves. Results arrive as new quests on the board.");
        hint.getStyleClass().add("qb-muted");
        VBox text = new VBox(2, title, hint);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, text, gap, newButton("new-schedule-button"));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("schedules-header");
        return header;
    }

    private VBox history() {
        Label heading = new Label("Run History");
        heading.getStyleClass().addAll(Styles.TITLE_4, "history-title");
        Label which = new Label();
        which.getStyleClass().add("qb-muted");
        which.textProperty().bind(Bindings.createStringBinding(() -> model.items().stream()
                .filter(item -> item.id().equals(model.selectedIdProperty().get())).findFirst()
                .map(item -> item.schedule().name()).orElse(""), model.items(), model.selectedIdProperty()));
        ListView<ScheduleRun> runs = new ListView<>(model.history());
        runs.setId("run-history");
        runs.getStyleClass().add("run-history");
        runs.setCellFactory(view -> new RunCell(model));
        Label none = new Label("No runs yet. Runs appear here when a schedule fires, or on Run Now.");
        none.getStyleClass().add("qb-subtle");
        none.setWrapText(true);
        runs.setPlaceholder(none);
        VBox.setVgrow(runs, Priority.ALWAYS);
        VBox box = new VBox(6, new VBox(2, heading, which), runs);
        box.getStyleClass().add("history-pane");
        return box;
    }

    private VBox emptyState() {
        FontIcon icon = new FontIcon(Feather.CLOCK);
        icon.getStyleClass().add("qb-empty-icon");
        Label title = new Label("No schedules yet");
        title.getStyleClass().add("qb-placeholder-title");
        Label hint = new Label("Run a quest every morning, every Friday or once tonight. You can also type "
                + "/schedule in the composer, e.g. \"/schedule every weekday at 9 check the nightly build\".");
        hint.setWrapText(true);
        hint.setMaxWidth(360);
        VBox box = new VBox(10, icon, title, hint, newButton("empty-new-schedule"));
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("qb-placeholder");
        return box;
    }

    private Button newButton(String id) {
        Button button = new Button("New Schedule", new FontIcon(Feather.PLUS));
        button.getStyleClass().add(Styles.ACCENT);
        button.setId(id);
        button.setOnAction(event -> model.newSchedule());
        return button;
    }

    private Label messageLine() {
        Label message = new Label();
        message.setId("schedules-message");
        message.getStyleClass().add("schedules-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    private void selectCard(String id) {
        for (int i = 0; i < cards.getItems().size(); i++) {
            if (cards.getItems().get(i).id().equals(id)) {
                if (cards.getSelectionModel().getSelectedIndex() != i) {
                    cards.getSelectionModel().clearAndSelect(i);
                }
                return;
            }
        }
        cards.getSelectionModel().clearSelection();
    }
}
