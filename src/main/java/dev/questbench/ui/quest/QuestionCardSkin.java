package dev.questbench.ui.quest;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Lays out a {@link QuestionCard}: heading, the question, option buttons, the answer field and Send, or the
 * outcome.
 */
final class QuestionCardSkin extends SkinBase<QuestionCard> {
    private final Label heading = new Label("The agent asks");
    private final Label question = new Label();
    private final FlowPane options = new FlowPane(8, 8);
    private final TextField answer = new TextField();
    private final Button send = new Button("Send", new FontIcon(Feather.SEND));
    private final HBox answerRow;
    private final Label outcome = new Label();
    private final ListChangeListener<String> optionsChanged = change -> update();

    QuestionCardSkin(QuestionCard card) {
        super(card);
        FontIcon icon = new FontIcon(Feather.HELP_CIRCLE);
        icon.getStyleClass().add("card-icon");
        heading.setGraphic(icon);
        heading.getStyleClass().add("card-title");
        question.getStyleClass().addAll("card-text", "question-text");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        options.getStyleClass().add("question-options");
        answer.setPromptText("Type an answer");
        answer.getStyleClass().add(Styles.SMALL);
        answer.setId("question-answer");
        answer.textProperty().bindBidirectional(card.draftProperty());
        HBox.setHgrow(answer, Priority.ALWAYS);
        send.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        send.setId("send-answer");
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.disableProperty().bind(answer.textProperty().map(text -> text == null || text.isBlank()));
        send.setOnAction(event -> answer(answer.getText()));
        answer.setOnAction(event -> send.fire());
        answerRow = new HBox(8, answer, send);
        answerRow.setAlignment(Pos.CENTER_LEFT);
        answerRow.getStyleClass().add("card-actions");
        outcome.getStyleClass().add("card-outcome");
        outcome.setWrapText(true);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        outcome.setId("question-outcome");
        VBox box = new VBox(8, heading, question, options, answerRow, outcome);
        box.getStyleClass().add("card-box");
        getChildren().add(box);

        card.getOptions().addListener(optionsChanged);
        registerChangeListener(card.questionProperty(), o -> update());
        registerChangeListener(card.defaultOptionProperty(), o -> update());
        registerChangeListener(card.openProperty(), o -> update());
        registerChangeListener(card.outcomeProperty(), o -> update());
        update();
    }

    private void update() {
        QuestionCard card = getSkinnable();
        boolean open = card.openProperty().get();
        question.setText(card.questionProperty().get());
        List<Button> buttons = new ArrayList<>();
        for (String option : card.getOptions()) {
            Button button = new Button(option);
            button.getStyleClass().addAll(Styles.SMALL, "question-option");
            boolean preferred = Objects.equals(option, card.defaultOptionProperty().get());
            button.getStyleClass().add(preferred ? Styles.ACCENT : Styles.BUTTON_OUTLINED);
            if (preferred) {
                button.getStyleClass().add("default-option");
            }
            button.setOnAction(event -> answer(option));
            buttons.add(button);
        }
        options.getChildren().setAll(buttons);
        ApprovalCardSkin.show(options, open && !buttons.isEmpty());
        ApprovalCardSkin.show(answerRow, open);
        outcome.setText(card.outcomeProperty().get());
        ApprovalCardSkin.show(outcome, !open);
    }

    private void answer(String text) {
        Consumer<String> action = getSkinnable().onAnswerProperty().get();
        if (action != null && text != null && !text.isBlank()) {
            action.accept(text.strip());
        }
    }

    @Override
    public void dispose() {
        getSkinnable().getOptions().removeListener(optionsChanged);
        answer.textProperty().unbindBidirectional(getSkinnable().draftProperty());
        send.disableProperty().unbind();
        super.dispose();
    }
}
