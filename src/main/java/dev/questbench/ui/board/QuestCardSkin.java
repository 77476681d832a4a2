package dev.questbench.ui.board;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestSummary;
import dev.questbench.ui.common.StatusPill;
import dev.questbench.ui.common.TimeAgo;
import dev.questbench.ui.common.TokenCount;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Lays out a {@link QuestCard}: pill and pin on top, title, a line of the prompt, then workspace, tokens used and
 * time.
 */
final class QuestCardSkin extends SkinBase<QuestCard> {
    private final StatusPill pill = new StatusPill();
    private final FontIcon pin = new FontIcon(Feather.BOOKMARK);
    private final Label title = new Label();
    private final Label description = new Label();
    private final Label workspace = new Label();
    private final Label activity = new Label();
    private final Label tokens = new Label();
    private String describedPrompt;
    private String describedTitle;

    QuestCardSkin(QuestCard card) {
        super(card);
        consumeMouseEvents(false); // clicks reach the list cell, which opens the quest
        pin.getStyleClass().add("pin");
        title.getStyleClass().add("title");
        title.setMinWidth(0); // one line, cut with an ellipsis: every card has the same height
        description.getStyleClass().add("description");
        description.setMinWidth(0);
        description.setTextOverrun(OverrunStyle.ELLIPSIS);
        workspace.getStyleClass().add("workspace");
        workspace.setGraphic(new FontIcon(Feather.FOLDER));
        workspace.setMinWidth(0);
        activity.getStyleClass().add("activity");
        activity.setMinWidth(Region.USE_PREF_SIZE);
        tokens.getStyleClass().add("tokens");
        tokens.setMinWidth(Region.USE_PREF_SIZE);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(6, pill, gap, pin);
        top.setAlignment(Pos.CENTER_LEFT);
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox footer = new HBox(8, workspace, gap2, tokens, activity);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("footer");
        VBox box = new VBox(top, title, description, footer);
        box.getStyleClass().add("box");
        box.setFillWidth(true);
        getChildren().add(box);

        registerChangeListener(card.summaryProperty(), observable -> update());
        registerChangeListener(card.workspaceNameProperty(), observable -> update());
        registerChangeListener(card.nowProperty(), observable -> updateActivity());
        update();
    }

    private void update() {
        QuestCard card = getSkinnable();
        QuestSummary summary = card.getSummary();
        if (summary == null) {
            return;
        }
        Quest quest = summary.quest();
        pill.setStatus(summary.status());
        pin.setVisible(quest.pinned());
        pin.setManaged(quest.pinned());
        title.setText(quest.title());
        if (!quest.prompt().equals(describedPrompt) || !quest.title().equals(describedTitle)) {
            // Flattening the prompt is a regex over it: only when the quest's words change, not on every event.
            describedPrompt = quest.prompt();
            describedTitle = quest.title();
            String text = descriptionOf(quest);
            description.setText(text);
            description.setVisible(!text.isEmpty()); // still managed, so every card keeps the same height
        }
        workspace.setText(card.workspaceNameProperty().get());
        String used = TokenCount.total(summary.inputTokens(), summary.outputTokens());
        tokens.setText(used);
        tokens.setVisible(!used.isEmpty());
        tokens.setManaged(!used.isEmpty());
        updateActivity();
    }

    private void updateActivity() {
        QuestSummary summary = getSkinnable().getSummary();
        if (summary != null) {
            activity.setText(TimeAgo.format(summary.lastActivityAt(), getSkinnable().nowProperty().get()));
        }
    }

    /** The prompt, flattened to one paragraph, unless it only repeats the title. */
    static String descriptionOf(Quest quest) {
        String prompt = quest.prompt().strip().replaceAll("\\s+", " ");
        if (prompt.equals(quest.title()) || prompt.isEmpty()) {
            return "";
        }
        return prompt.length() > 160 ? prompt.substring(0, 159).strip() + "…" : prompt;
    }

    @Override
    public void dispose() {
        unregisterChangeListeners(getSkinnable().summaryProperty());
        unregisterChangeListeners(getSkinnable().workspaceNameProperty());
        unregisterChangeListeners(getSkinnable().nowProperty());
        super.dispose();
    }
}
