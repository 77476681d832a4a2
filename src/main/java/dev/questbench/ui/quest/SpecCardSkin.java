package dev.questbench.ui.quest;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Lays out a {@link SpecCard}: title, the spec text, its tasks, then Build / changes / Schedule or the outcome. */
final class SpecCardSkin extends SkinBase<SpecCard> {
    private final Label text = new Label();
    private final VBox tasks = new VBox(3);
    private final Label tasksTitle = new Label("Tasks");
    private final Label outcome = new Label();
    private final Label problem = new Label();
    private final TextField change = new TextField();
    private final TextField when = new TextField();
    private final VBox actions;

    SpecCardSkin(SpecCard card) {
        super(card);
        FontIcon icon = new FontIcon(Feather.FILE_TEXT);
        icon.getStyleClass().add("card-icon");
        Label title = new Label("Spec", icon);
        title.getStyleClass().add("card-title");
        text.getStyleClass().add("spec-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE);
        tasksTitle.getStyleClass().add("card-subtitle");
        outcome.getStyleClass().add("card-outcome");
        problem.getStyleClass().addAll("card-problem", Styles.DANGER);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(card.problemProperty());
        problem.visibleProperty().bind(card.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Button build = button("Build", "spec-build", Feather.PLAY, () -> run(card.onBuildProperty().get(), null));
        build.getStyleClass().add(Styles.ACCENT);
        change.setPromptText("What should change in the spec?");
        change.textProperty().bindBidirectional(card.changeRequestProperty());
        Button ask = button("Ask for changes", "spec-changes", Feather.EDIT_3,
                () -> run(card.onRequestChangesProperty().get(), change.getText()));
        change.setOnAction(event -> ask.fire());
        when.setPromptText("When? e.g. tomorrow at 2:00");
        when.textProperty().bindBidirectional(card.whenProperty());
        Button schedule = button("Schedule", "spec-schedule", Feather.CLOCK,
                () -> run(card.onScheduleProperty().get(), when.getText()));
        when.setOnAction(event -> schedule.fire());
        actions = new VBox(6, build, row(change, ask), row(when, schedule), problem);
        actions.getStyleClass().add("card-actions");
        VBox box = new VBox(8, title, text, tasksTitle, tasks, actions, outcome);
        box.getStyleClass().add("card-box");
        getChildren().add(box);
        registerChangeListener(card.markdownProperty(), o -> update());
        registerChangeListener(card.tasksProperty(), o -> update());
        registerChangeListener(card.openProperty(), o -> update());
        registerChangeListener(card.outcomeProperty(), o -> update());
        update();
    }

    private void update() {
        SpecCard card = getSkinnable();
        text.setText(card.markdownProperty().get().strip());
        tasks.getChildren().clear();
        for (String task : card.tasksProperty().get()) {
            Label line = new Label(task, new FontIcon(Feather.SQUARE));
            line.getStyleClass().add("spec-task");
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            tasks.getChildren().add(line);
        }
        ApprovalCardSkin.show(tasksTitle, !tasks.getChildren().isEmpty());
        ApprovalCardSkin.show(actions, card.openProperty().get());
        outcome.setText(card.outcomeProperty().get());
        ApprovalCardSkin.show(outcome, !card.openProperty().get() && !card.outcomeProperty().get().isEmpty());
    }

    private static HBox row(TextField field, Button button) {
        field.getStyleClass().add(Styles.SMALL);
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox row = new HBox(8, field, button);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Button button(String name, String id, Feather icon, Runnable action) {
        Button button = new Button(name, new FontIcon(icon));
        button.getStyleClass().add(Styles.SMALL);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static void run(Object action, String value) {
        if (action instanceof Runnable runnable) {
            runnable.run();
        } else if (action instanceof Consumer<?> consumer) {
            @SuppressWarnings("unchecked")
            Consumer<String> typed = (Consumer<String>) consumer;
            typed.accept(value == null ? "" : value);
        }
    }

    @Override
    public void dispose() {
        change.textProperty().unbindBidirectional(getSkinnable().changeRequestProperty());
        when.textProperty().unbindBidirectional(getSkinnable().whenProperty());
        problem.textProperty().unbind();
        super.dispose();
    }
}
