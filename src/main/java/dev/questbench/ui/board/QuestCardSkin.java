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
 * Lays out a {@link QuestCard}: pill and pin on top, title, a line of the prompt, the work line (todo progress, the
 * latest step, how long the turn runs), then workspace, tokens used and time.
 */
final class QuestCardSkin extends SkinBase<QuestCard> {
    private final StatusPill pill = new StatusPill();
    private final FontIcon pin = new FontIcon(Feather.BOOKMARK);
    private final Label title = new Label();
    private final Label description = new Label();
    private final Label workspace = new Label();
    private final Label activity = new Label();
    private final Label tokens = new Label();
    private final Label todos = new Label();
    private final Label step = new Label();
    private final Label elapsed = new Label();
    private final HBox work;
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
        todos.getStyleClass().add("todos");
        todos.setGraphic(new FontIcon(Feather.CHECK_SQUARE));
        todos.setMinWidth(Region.USE_PREF_SIZE);
        step.getStyleClass().add("step");
        step.setMinWidth(0);
        step.setTextOverrun(OverrunStyle.ELLIPSIS);
        HBox.setHgrow(step, Priority.ALWAYS);
        elapsed.getStyleClass().add("elapsed");
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        work = new HBox(8, todos, step, elapsed);
        work.setAlignment(Pos.CENTER_LEFT);
        work.getStyleClass().add("work");
        HBox footer = new HBox(8, workspace, gap2, tokens, activity);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("footer");
        VBox box = new VBox(top, title, description, work, footer);
        box.getStyleClass().add("box");
        box.setFillWidth(true);
        getChildren().add(box);

        registerChangeListener(card.summaryProperty(), observable -> update());
        registerChangeListener(card.workspaceNameProperty(), observable -> update());
        registerChangeListener(card.nowProperty(), observable -> updateActivity());
        registerChangeListener(card.progressProperty(), observable -> updateWork());
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
        updateWork();
    }

    /** The work line; hidden when there is nothing to say. */
    private void updateWork() {
        CardProgress progress = getSkinnable().progressProperty().get();
        QuestSummary summary = getSkinnable().getSummary();
        boolean active = summary != null && summary.status().isActive();
        todos.setText(progress.total() == 0 ? "" : progress.done() + "/" + progress.total());
        todos.setVisible(progress.total() > 0);
        todos.setManaged(progress.total() > 0);
        String latest = active && progress.latestStep() != null ? progress.latestStep() : "";
        step.setText(latest);
        step.setVisible(!latest.isEmpty());
        step.setManaged(!latest.isEmpty());
        updateElapsed();
        boolean any = todos.isVisible() || step.isVisible() || elapsed.isVisible();
        work.setVisible(any);
        work.setManaged(any);
    }

    private void updateElapsed() {
        CardProgress progress = getSkinnable().progressProperty().get();
        QuestSummary summary = getSkinnable().getSummary();
        boolean running = summary != null && summary.status().isActive() && progress.runningSince() != null;
        elapsed.setText(running ? Elapsed.format(progress.runningSince(), getSkinnable().nowProperty().get()) : "");
        elapsed.setVisible(running);
        elapsed.setManaged(running);
    }

    private void updateActivity() {
        QuestSummary summary = getSkinnable().getSummary();
        if (summary != null) {
            activity.setText(TimeAgo.format(summary.lastActivityAt(), getSkinnable().nowProperty().get()));
            if (work != null) {
                updateElapsed();
            }
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
