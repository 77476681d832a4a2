package dev.questbench.ui.shell;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.questbench.domain.QuestSummary;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.CommandControls;
import dev.questbench.ui.common.StatusPill;
import dev.questbench.ui.common.TokenCount;
import dev.questbench.ui.quest.QuestAction;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Above the conversation: the quest's title, status and tokens, the run actions its status allows (Pause,
 * Resume, Stop, Retry), a menu with Move to local (Worktree quests), Archive and Delete, and the function-area
 * toggle, and Review changes (the last turn's changes in the Review tab).
 */
final class ConversationHeader extends HBox {
    private final Label title = new Label();
    private final StatusPill pill = new StatusPill();
    private final Label tokens = new Label();
    private final Tooltip tokensSplit = new Tooltip();

    ConversationHeader(ShellViewModel model, ShellCommands commands, Runnable reviewChanges) {
        super(10);
        getStyleClass().add("conversation-header");
        setAlignment(Pos.CENTER_LEFT);
        title.getStyleClass().addAll(Styles.TITLE_4, "quest-title");
        title.setId("quest-title");
        title.setMinWidth(0);
        pill.setVisible(false);
        tokens.getStyleClass().add("header-tokens");
        tokens.setMinWidth(Region.USE_PREF_SIZE);
        tokens.setTooltip(tokensSplit);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(title, pill, tokens, gap);
        for (Command command : commands.quest.run()) {
            getChildren().add(runButton(command));
        }
        MenuButton more = new MenuButton(null, new FontIcon(Feather.MORE_HORIZONTAL));
        more.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Tweaks.NO_ARROW);
        more.setId("quest-more");
        more.setTooltip(new Tooltip("More actions"));
        MenuItem moveToLocal = CommandControls.contextItem(commands.quest.moveToLocal());
        moveToLocal.setId("move-to-local");
        // Listed for Worktree quests only; disabled while the quest runs.
        moveToLocal.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> QuestAction.MOVE_TO_LOCAL.offeredFor(model.questInViewProperty().get()),
                model.questInViewProperty()));
        more.getItems().addAll(moveToLocal, CommandControls.contextItem(commands.quest.archive()),
                CommandControls.contextItem(commands.quest.unarchive()),
                CommandControls.contextItem(commands.quest.delete()));
        Button review = CommandControls.button(Command.named("Review changes").icon(Feather.GIT_PULL_REQUEST)
                .executableWhen(model.selectedQuestIdProperty().isNotNull()).does(reviewChanges));
        review.getStyleClass().add(Styles.SMALL);
        review.setId("review-changes");
        review.setMinWidth(Region.USE_PREF_SIZE);
        Button toggle = CommandControls.iconButton(commands.toggleFunctionArea);
        toggle.setId("toggle-function-area");
        getChildren().addAll(review, more, toggle);
        model.summary().summaryProperty().addListener((observable, before, summary) -> show(summary));
        show(model.summary().summaryProperty().get());
    }

    private void show(QuestSummary summary) {
        title.setText(summary == null ? "" : summary.quest().title());
        pill.setStatus(summary == null ? null : summary.status());
        pill.setVisible(summary != null);
        tokens.setText(summary == null ? "" : TokenCount.total(summary.inputTokens(), summary.outputTokens()));
        tokensSplit.setText(summary == null ? "" : TokenCount.split(summary.inputTokens(), summary.outputTokens()));
    }

    /** A labelled small button shown only while its action is possible. */
    private static Button runButton(Command command) {
        Button button = CommandControls.button(command);
        button.getStyleClass().addAll(Styles.SMALL);
        button.setId("header-" + command.name().toLowerCase(Locale.ROOT));
        button.visibleProperty().bind(command.executableProperty());
        button.managedProperty().bind(button.visibleProperty());
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
