package dev.questbench.ui.review;

import atlantafx.base.theme.Styles;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.review.ReviewCommitModel.CommitRequest;
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

/**
 * The Commit form: who commits, a message (typed or generated from the staged diff), include unstaged changes, an
 * optional new branch, push after. {@code preset} picks the Commit button's dropdown entry (push, new branch).
 */
final class CommitDialog extends Dialog<CommitRequest> {

    CommitDialog(ReviewCommitModel model, boolean pushPreset, boolean branchPreset) {
        setTitle("Commit");
        setHeaderText("Commit the staged changes");
        Label author = new Label("Author: …");
        author.setId("commit-author");
        author.getStyleClass().add(Styles.TEXT_MUTED);
        model.author(text -> author.setText("Author: " + text));
        TextArea message = new TextArea();
        message.setId("commit-message");
        message.setPromptText("What this commit does");
        message.setPrefRowCount(4);
        message.setWrapText(true);
        Button generate = new Button("Generate", new FontIcon(Feather.ZAP));
        generate.setId("commit-generate");
        generate.setOnAction(event -> model.generateMessage(message::setText));
        CheckBox unstaged = new CheckBox("Include unstaged changes");
        unstaged.setId("commit-include-unstaged");
        CheckBox branch = new CheckBox("Create new branch");
        branch.setId("commit-new-branch");
        branch.setSelected(branchPreset);
        TextField branchName = new TextField();
        branchName.setId("commit-branch-name");
        branchName.setPromptText("branch name");
        branchName.disableProperty().bind(branch.selectedProperty().not());
        CheckBox push = new CheckBox("Push after commit");
        push.setId("commit-push");
        push.setSelected(pushPreset);
        VBox form = new VBox(8, author, new Label("Message"), message, generate, unstaged,
                new HBox(8, branch, branchName), push);
        getDialogPane().setContent(form);
        ButtonType commit = new ButtonType("Commit", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(commit, ButtonType.CANCEL);
        getDialogPane().lookupButton(commit).disableProperty().bind(message.textProperty().isEmpty()
                .or(branch.selectedProperty().and(branchName.textProperty().isEmpty())));
        setResultConverter(button -> button == commit ? new CommitRequest(message.getText().strip(),
                branch.isSelected() ? branchName.getText() : null, push.isSelected(), unstaged.isSelected()) : null);
    }

    /** The form for {@link ReviewCommitModel#setForm}, with the dropdown's presets. */
    static Function<DialogService, Optional<CommitRequest>> form(ReviewCommitModel model, boolean push,
                                                                 boolean branch) {
        return dialogs -> dialogs.showAndWait(new CommitDialog(model, push, branch));
    }
}
