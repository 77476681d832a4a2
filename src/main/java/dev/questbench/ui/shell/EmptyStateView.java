package dev.questbench.ui.shell;

import atlantafx.base.theme.Styles;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.CommandControls;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What the centre shows when no quest is selected: the motto, the three steps to a first quest (open a folder,
 * connect a model, describe the goal) and the Connect a model card.
 */
final class EmptyStateView extends VBox {

    EmptyStateView(Command newQuest, Command openWorkspace, Command toggleBoard, ConnectModelCard connect) {
        setId("empty-state");
        getStyleClass().add("qb-empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(14);
        FontIcon icon = new FontIcon(Feather.TARGET);
        icon.getStyleClass().add("qb-empty-icon");
        Label motto = new Label("Define the goal. Review the result.");
        motto.getStyleClass().add("qb-motto");
        motto.setId("motto");
        Label hint = new Label("Describe an outcome, pick a workspace, and let an agent work on it "
                + "while you do something else.");
        hint.getStyleClass().add("qb-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(440);
        Button create = CommandControls.button(newQuest);
        create.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        create.setId("empty-new-quest");
        Button open = CommandControls.button(openWorkspace);
        open.getStyleClass().add(Styles.LARGE);
        Button board = CommandControls.button(toggleBoard);
        board.getStyleClass().addAll(Styles.LARGE, Styles.FLAT);
        HBox actions = new HBox(10, create, open, board);
        actions.setAlignment(Pos.CENTER);
        VBox.setMargin(actions, new javafx.geometry.Insets(10, 0, 0, 0));
        Label steps = new Label("1  Open a folder    2  Connect a model    3  Describe the goal");
        steps.setId("first-run-steps");
        steps.getStyleClass().add("qb-hint");
        VBox.setMargin(connect, new javafx.geometry.Insets(18, 0, 0, 0));
        getChildren().addAll(icon, motto, hint, actions, steps, connect);
    }
}
