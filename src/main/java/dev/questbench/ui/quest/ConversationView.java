package dev.questbench.ui.quest;

import dev.questbench.ui.common.Stylesheets;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.StackPane;

/**
 * The conversation of the selected quest: a virtualized list of messages, notes and cards, following new rows
 * only while the user is already at the bottom.
 */
public final class ConversationView extends StackPane {
    private final ListView<TranscriptRow> list;

    /** Without message actions: the user's messages offer no Revert or Edit. */
    public ConversationView(ConversationViewModel model, CardActions actions) {
        this(model, actions, null);
    }

    /** @param messages Revert and Edit and resend on the user's messages (null: none) */
    public ConversationView(ConversationViewModel model, CardActions actions, MessageActions messages) {
        getStyleClass().add("conversation");
        getStylesheets().add(Stylesheets.of(ConversationView.class, "conversation.css"));
        list = new ListView<>(model.rows());
        list.setId("conversation-list");
        list.getStyleClass().add("conversation-list");
        list.setCellFactory(view -> new TranscriptCell(actions, messages, model));
        list.setFocusTraversable(false);
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.loadingProperty().map(busy -> busy ? "Loading…" : "No messages yet."));
        placeholder.getStyleClass().add("conversation-placeholder");
        list.setPlaceholder(placeholder);
        getChildren().add(list);
        model.rows().addListener((ListChangeListener<TranscriptRow>) this::follow);
    }

    private void follow(ListChangeListener.Change<? extends TranscriptRow> change) {
        boolean replaced = false;
        boolean lastGrew = false;
        int added = 0;
        while (change.next()) {
            // A new quest's page replaces everything; a card that changes state replaces one row in place.
            replaced |= change.getFrom() == 0 && change.getAddedSize() == change.getList().size();
            added += change.wasReplaced() ? 0 : change.getAddedSize();
            // The streaming bubble or a running step at the end grows in place.
            lastGrew |= change.wasReplaced() && change.getTo() == change.getList().size();
        }
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        if (lastGrew && added == 0 && wasAtBottom(size)) {
            Platform.runLater(this::showEnd); // once the grown cell is measured, show its end
        } else if (replaced) {
            list.scrollTo(size - 1);
            // Cells of different heights are measured in the next layout, which can leave a fresh page short of
            // its end: scroll once more after it.
            Platform.runLater(() -> {
                if (!list.getItems().isEmpty()) {
                    list.scrollTo(list.getItems().size() - 1);
                }
            });
        } else if (wasAtBottom(size - added)) {
            list.scrollTo(size - 1);
        }
    }

    /** Scrolls to the very end, so a tall last row shows its newest lines. */
    private void showEnd() {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && !list.getItems().isEmpty()) {
            flow.setPosition(1.0);
        }
    }

    /** Whether the last of the first {@code oldSize} entries was on screen. */
    private boolean wasAtBottom(int oldSize) {
        if (oldSize <= 0) {
            return true;
        }
        VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        if (flow == null) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last == null || last.getIndex() >= oldSize - 1;
    }
}
