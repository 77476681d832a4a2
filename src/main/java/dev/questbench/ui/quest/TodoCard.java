package dev.questbench.ui.quest;

import dev.questbench.domain.event.QuestEvent.TodoUpdated.TodoItem;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The turn's to-do list as a compact checklist: "To-do 3/7" with a thin progress bar over one line per item
 * (done ticked and muted, the current one in its active wording and marked {@code :active}, pending plain).
 */
final class TodoCard extends VBox {
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    private final Label title = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final VBox items = new VBox(2);

    TodoCard() {
        getStyleClass().add("todo-card");
        title.getStyleClass().add("todo-title");
        title.setGraphic(new FontIcon(Feather.LIST));
        progress.getStyleClass().add("todo-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox header = new HBox(10, title, progress);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, items);
        setMaxWidth(560);
    }

    TodoCard show(TranscriptRow.Todos todos) {
        List<TodoItem> list = todos.items();
        long done = todos.done();
        title.setText("To-do " + done + "/" + list.size());
        progress.setProgress(list.isEmpty() ? 0 : (double) done / list.size());
        List<Label> lines = new ArrayList<>(list.size());
        for (TodoItem item : list) {
            lines.add(line(item));
        }
        items.getChildren().setAll(lines);
        return this;
    }

    static Label line(TodoItem item) {
        boolean done = "completed".equals(item.status());
        boolean active = "in_progress".equals(item.status());
        String text = active && item.activeForm() != null && !item.activeForm().isBlank() ? item.activeForm()
                : item.content();
        Label line = new Label(text, new FontIcon(done ? Feather.CHECK_CIRCLE : active ? Feather.PLAY_CIRCLE
                : Feather.CIRCLE));
        line.getStyleClass().add("todo-item");
        line.setWrapText(true);
        line.pseudoClassStateChanged(DONE, done);
        line.pseudoClassStateChanged(ACTIVE, active);
        return line;
    }
}
