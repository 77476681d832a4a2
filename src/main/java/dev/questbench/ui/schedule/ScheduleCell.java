package dev.questbench.ui.schedule;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.questbench.domain.schedule.Schedule;
import java.time.Instant;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A schedule card: name, when it runs, next run, last run's state, the enabled switch and the {@code …}
 * menu (Run Now, Edit, Delete). Double-click edits.
 */
final class ScheduleCell extends ListCell<ScheduleItem> {
    private static final PseudoClass DISABLED = PseudoClass.getPseudoClass("off");

    private final SchedulesViewModel model;
    private final ObservableValue<Instant> now;
    private final Label name = new Label();
    private final Label rule = new Label();
    private final Label next = new Label();
    private final RunStateBadge lastRun = new RunStateBadge();
    private final ToggleSwitch enabled = new ToggleSwitch();
    private final HBox card;
    private boolean updating;

    ScheduleCell(SchedulesViewModel model, ObservableValue<Instant> now) {
        this.model = model;
        this.now = now;
        setPrefWidth(0);
        name.getStyleClass().add("schedule-name");
        name.setMinWidth(0);
        rule.getStyleClass().add("schedule-rule");
        rule.setMinWidth(0);
        next.getStyleClass().add("schedule-next");
        next.setGraphic(new FontIcon(Feather.CLOCK));
        HBox status = new HBox(10, next, lastRun);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(3, name, rule, status);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);

        enabled.getStyleClass().add("schedule-enabled");
        enabled.selectedProperty().addListener((observable, before, on) -> {
            if (!updating && getItem() != null) {
                model.setEnabled(getItem().id(), on);
            }
        });
        MenuButton more = new MenuButton(null, new FontIcon(Feather.MORE_HORIZONTAL));
        more.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Tweaks.NO_ARROW, "schedule-menu");
        more.setAccessibleText("Schedule actions");
        more.getItems().addAll(item("Run Now", Feather.PLAY, () -> model.runNow(getItem().id())),
                item("Edit…", Feather.EDIT_2, () -> model.edit(getItem().id())),
                new SeparatorMenuItem(),
                item("Delete…", Feather.TRASH_2, () -> model.delete(getItem().id())));
        more.getItems().get(3).getStyleClass().add("danger-item");
        HBox controls = new HBox(4, enabled, more);
        controls.setAlignment(Pos.CENTER_RIGHT);

        card = new HBox(12, text, controls);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add("schedule-card");
        now.addListener((observable, before, after) -> showNext());
        setOnMouseClicked(event -> {
            if (getItem() != null && event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                model.edit(getItem().id());
            }
        });
    }

    @Override
    protected void updateItem(ScheduleItem item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            setId(null);
            return;
        }
        Schedule schedule = item.schedule();
        name.setText(schedule.name());
        rule.setText(item.description());
        lastRun.show(item.lastRun() == null ? null : item.lastRun().state());
        updating = true;
        enabled.setSelected(schedule.enabled());
        updating = false;
        card.pseudoClassStateChanged(DISABLED, !schedule.enabled());
        showNext();
        setGraphic(card);
        setId("schedule-" + schedule.id());
    }

    private void showNext() {
        ScheduleItem item = getItem();
        if (item == null) {
            return;
        }
        Instant at = item.schedule().nextRunAt();
        if (!item.schedule().enabled()) {
            next.setText("Off");
        } else if (at == null) {
            next.setText("No run ahead");
        } else {
            next.setText("Next: " + RunTimes.local(at) + "  ·  " + RunTimes.until(at, now.getValue()));
        }
    }

    private static MenuItem item(String text, Feather icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setOnAction(event -> action.run());
        return item;
    }
}
