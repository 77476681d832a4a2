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

/**
 * Lays out an {@link ApprovalCard}: heading, the command in a code box, the change preview, details, then the answers
 * or the outcome.
 */
final class ApprovalCardSkin extends SkinBase<ApprovalCard> {
    private final Label heading = new Label();
    private final Label reason = new Label();
    private final Label subject = new Label();
    private final Label details = new Label();
    private final OutputLines preview = new OutputLines();
    private final VBox previewBox = new VBox(preview);
    private final Label outcome = new Label();
    private final TextField message = new TextField();
    private final HBox actions;

    ApprovalCardSkin(ApprovalCard card) {
        super(card);
        FontIcon shield = new FontIcon(Feather.SHIELD);
        shield.getStyleClass().add("card-icon");
        heading.setGraphic(shield);
        heading.getStyleClass().add("card-title");
        reason.getStyleClass().add("card-detail");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.setId("approval-reason");
        subject.getStyleClass().add("code");
        subject.setWrapText(true);
        subject.setMaxWidth(Double.MAX_VALUE);
        subject.setMinHeight(Region.USE_PREF_SIZE);
        previewBox.getStyleClass().addAll("code", "approval-preview");
        details.getStyleClass().add("card-detail");
        details.setWrapText(true);
        details.setMinHeight(Region.USE_PREF_SIZE);
        outcome.getStyleClass().add("card-outcome");
        message.setPromptText("Message for the agent if you deny (optional)");
        message.getStyleClass().add(Styles.SMALL);
        message.textProperty().bindBidirectional(card.denyMessageProperty());
        message.setId("deny-message");
        HBox.setHgrow(message, Priority.ALWAYS);
        Button deny = button("Deny", "deny", () -> run(card.onDenyProperty().get(), message.getText()));
        deny.getStyleClass().add(Styles.DANGER);
        Button always = button("Allow always for this quest", "allow-always",
                () -> run(card.onAllowAlwaysProperty().get()));
        Button once = button("Allow once", "allow-once", () -> run(card.onAllowOnceProperty().get()));
        once.getStyleClass().add(Styles.ACCENT);
        message.setOnAction(event -> deny.fire());
        actions = new HBox(8, message, deny, always, once);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("card-actions");
        VBox box = new VBox(8, heading, reason, subject, previewBox, details, actions, outcome);
        box.getStyleClass().add("card-box");
        getChildren().add(box);

        registerChangeListener(card.toolProperty(), o -> update());
        registerChangeListener(card.requesterProperty(), o -> update());
        registerChangeListener(card.reasonProperty(), o -> update());
        registerChangeListener(card.subjectProperty(), o -> update());
        registerChangeListener(card.detailsProperty(), o -> update());
        registerChangeListener(card.previewProperty(), o -> update());
        registerChangeListener(card.diffPreviewProperty(), o -> update());
        registerChangeListener(card.openProperty(), o -> update());
        registerChangeListener(card.outcomeProperty(), o -> update());
        update();
    }

    private void update() {
        ApprovalCard card = getSkinnable();
        boolean open = card.openProperty().get();
        heading.setText(heading(card.toolProperty().get(), card.requesterProperty().get(),
                card.subjectProperty().get(), open));
        reason.setText(card.reasonProperty().get());
        show(reason, open && !card.reasonProperty().get().isEmpty());
        subject.setText(card.subjectProperty().get());
        show(subject, !card.subjectProperty().get().isEmpty());
        preview.show(card.previewProperty().get(), card.diffPreviewProperty().get());
        show(previewBox, !card.previewProperty().get().isEmpty());
        details.setText(card.detailsProperty().get());
        show(details, !card.detailsProperty().get().isEmpty());
        show(actions, open);
        outcome.setText(card.outcomeProperty().get());
        show(outcome, !open);
    }

    /** "Allow Bash?", or for a subagent "Code Reviewer wants to run `rm -rf build`". */
    static String heading(String tool, String requester, String subject, boolean open) {
        if (requester == null || requester.isEmpty()) {
            return open ? "Allow " + tool + "?" : tool;
        }
        if (!open) {
            return requester + " · " + tool;
        }
        String line = subject == null ? "" : subject.strip().replace('\n', ' ');
        if ("Bash".equals(tool) && !line.isEmpty()) {
            return requester + " wants to run `" + (line.length() <= 60 ? line : line.substring(0, 59) + "…") + "`";
        }
        return requester + " wants to use " + tool;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add(Styles.SMALL);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static void run(Runnable action) {
        if (action != null) {
            action.run();
        }
    }

    private static void run(Consumer<String> action, String value) {
        if (action != null) {
            action.accept(value == null ? "" : value);
        }
    }

    static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    @Override
    public void dispose() {
        message.textProperty().unbindBidirectional(getSkinnable().denyMessageProperty());
        super.dispose();
    }
}
