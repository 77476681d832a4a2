package dev.questbench.ui.review;

import dev.questbench.ui.common.DialogService;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Commit form: a message (typed or generated from the staged diff), an optional new branch, push after. */
final class CommitDialog extends Dialog<ReviewViewModel.CommitRequest> {

    CommitDialog(ReviewViewModel model) {
        setTitle("Commit");
        setHeaderText("Commit the staged changes");
        TextArea message = new TextArea();
        message.setId("commit-message");
        message.setPromptText("What this commit does");
        message.setPrefRowCount(4);
        message.setWrapText(true);
        Button generate = new Button("Generate", new FontIcon(Feather.ZAP));
        generate.setId("commit-generate");
        generate.setOnAction(event -> model.generateMessage(message::setText));
        CheckBox branch = new CheckBox("Create new branch");
        TextField branchName = new TextField();
        branchName.setPromptText("branch name");
        branchName.disableProperty().bind(branch.selectedProperty().not());
        CheckBox push = new CheckBox("Push after commit");
        VBox form = new VBox(8, new Label("Message"), message, generate, new HBox(8, branch, branchName), push);
        getDialogPane().setContent(form);
        ButtonType commit = new ButtonType("Commit", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(commit, ButtonType.CANCEL);
        getDialogPane().lookupButton(commit).disableProperty().bind(message.textProperty().isEmpty());
        setResultConverter(button -> button == commit ? new ReviewViewModel.CommitRequest(message.getText().strip(),
                branch.isSelected() ? branchName.getText() : null, push.isSelected()) : null);
    }

    /** The form for {@link ReviewViewModel#setCommitForm}. */
    static Function<DialogService, Optional<ReviewViewModel.CommitRequest>> form(ReviewViewModel model) {
        return dialogs -> dialogs.showAndWait(new CommitDialog(model));
    }
}
