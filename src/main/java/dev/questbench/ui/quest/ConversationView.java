package dev.questbench.ui.quest;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.ui.common.Stylesheets;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.StackPane;

/**
 * The conversation of the selected quest: a virtualized list of journal entries, following new entries
 * only while the user is already at the bottom.
 */
public final class ConversationView extends StackPane {
    private final ListView<JournalEntry> list;

    public ConversationView(ConversationViewModel model) {
        getStyleClass().add("conversation");
        getStylesheets().add(Stylesheets.of(ConversationView.class, "conversation.css"));
        list = new ListView<>(model.entries());
        list.setId("conversation-list");
        list.getStyleClass().add("conversation-list");
        list.setCellFactory(view -> new JournalEntryCell());
        list.setFocusTraversable(false);
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.loadingProperty().map(busy -> busy ? "Loading…" : "No messages yet."));
        placeholder.getStyleClass().add("conversation-placeholder");
        list.setPlaceholder(placeholder);
        getChildren().add(list);
        model.entries().addListener((ListChangeListener<JournalEntry>) this::follow);
    }

    private void follow(ListChangeListener.Change<? extends JournalEntry> change) {
        boolean replaced = false;
        int added = 0;
        while (change.next()) {
            replaced |= change.wasRemoved();
            added += change.getAddedSize();
        }
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        if (replaced || wasAtBottom(size - added)) {
            list.scrollTo(size - 1);
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
