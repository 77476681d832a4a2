package dev.questbench.ui.shell;

import atlantafx.base.theme.Styles;
import dev.questbench.ui.common.StatusPill;
import dev.questbench.ui.composer.ComposerView;
import dev.questbench.ui.quest.ConversationView;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One quest opened in a pane beside the main conversation: its title and status, the conversation, a composer. */
final class QuestTileView extends BorderPane {

    QuestTileView(QuestTilesViewModel.Tile tile, String title, Consumer<String> expand, Consumer<String> close) {
        getStyleClass().add("quest-tile");
        setMinWidth(240);
        Label name = new Label(title);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(0);
        StatusPill pill = new StatusPill();
        tile.conversation().statusProperty().addListener((observable, before, after) -> pill.setStatus(after));
        pill.setStatus(tile.conversation().statusProperty().get());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button grow = iconButton(Feather.MAXIMIZE_2, "Expand this pane (again: side by side)");
        grow.getStyleClass().add("tile-expand");
        grow.setOnAction(event -> expand.accept(tile.questId()));
        Button shut = iconButton(Feather.X, "Close this pane");
        shut.getStyleClass().add("tile-close");
        shut.setOnAction(event -> close.accept(tile.questId()));
        HBox header = new HBox(8, name, pill, gap, grow, shut);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("quest-tile-header");
        setTop(header);
        setCenter(new ConversationView(tile.conversation(), tile.actions()));
        setBottom(new ComposerView(tile.composer()));
    }

    private static Button iconButton(Feather icon, String tip) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        button.setTooltip(new Tooltip(tip));
        return button;
    }
}
