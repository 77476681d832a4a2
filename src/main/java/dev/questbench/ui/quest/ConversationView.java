package dev.questbench.ui.quest;

import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.markdown.MarkdownView;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The conversation of the selected quest: a virtualized list of messages, notes and cards, following new rows
 * only while the user is already at the bottom; otherwise a "Jump to latest" pill counts what came since. Beside
 * it, a rail with a tick per user message; Alt+Up / Alt+Down jump between the user's messages.
 */
public final class ConversationView extends StackPane {
    private static final java.util.List<String> SHEETS = java.util.List.of(
            Stylesheets.of(ConversationView.class, "conversation.css"), MarkdownView.STYLESHEET);

    private final ListView<TranscriptRow> list;
    private final ConversationViewModel model;
    private final TurnRail rail;
    private final Button latest = new Button();
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper(this, "unseen");
    private final EventHandler<KeyEvent> keys = this::jumpKeys;
    private VirtualFlow<?> watchedFlow;

    /** Without message actions: the user's messages offer no Revert or Edit. */
    public ConversationView(ConversationViewModel model, CardActions actions) {
        this(model, actions, null);
    }

    /** @param messages Revert and Edit and resend on the user's messages (null: none) */
    public ConversationView(ConversationViewModel model, CardActions actions, MessageActions messages) {
        this.model = model;
        getStyleClass().add("conversation");
        list = new ListView<>(model.rows());
        list.setId("conversation-list");
        list.getStyleClass().add("conversation-list");
        RowHeights heights = new RowHeights();
        list.setCellFactory(view -> new TranscriptCell(actions, messages, model, heights));
        list.setFocusTraversable(false);
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.loadingProperty().map(busy -> busy ? "Loading…" : "No messages yet."));
        placeholder.getStyleClass().add("conversation-placeholder");
        list.setPlaceholder(placeholder);
        rail = new TurnRail(list::scrollTo);
        HBox.setHgrow(list, Priority.ALWAYS);
        // A fixed preferred width: the box beside the rail would otherwise ask the list's skin for one on every
        // layout, and it measures cells to answer (each one a message built again).
        list.setPrefWidth(640);
        list.setMinWidth(0);
        latest.setId("jump-to-latest");
        latest.getStyleClass().add("jump-to-latest");
        latest.setGraphic(new FontIcon(Feather.ARROW_DOWN));
        latest.setFocusTraversable(false);
        latest.textProperty().bind(unseen.map(count -> count.intValue() == 0 ? "Jump to latest"
                : count.intValue() == 1 ? "1 new · Jump to latest" : count + " new · Jump to latest"));
        latest.setOnAction(event -> jumpToLatest());
        latest.setVisible(false);
        StackPane.setAlignment(latest, Pos.BOTTOM_CENTER);
        StackPane.setMargin(latest, new Insets(0, 0, 14, 0));
        getChildren().addAll(new HBox(list, rail), latest);
        model.rows().addListener((ListChangeListener<TranscriptRow>) this::changed);
        list.skinProperty().addListener((o, was, skin) -> Platform.runLater(this::watchScrolling));
        sceneProperty().addListener((o, was, scene) -> {
            moveKeys(was, scene);
            addStylesheets(scene);
        });
    }

    /** How many rows arrived while the user was reading further up (shown on the pill). */
    public ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    /** Scrolls to the newest row and forgets what was unseen. */
    public void jumpToLatest() {
        unseen.set(0);
        latest.setVisible(false);
        if (!list.getItems().isEmpty()) {
            list.scrollTo(list.getItems().size() - 1);
            Platform.runLater(this::showEnd);
        }
    }

    /**
     * Finds the next ({@code +1}) or previous ({@code -1}) message or line containing {@code query} (ignoring case)
     * after or before the selected match, or the top row, selects it and scrolls to it; -1 when there is none.
     */
    public int find(String query, int direction) {
        String wanted = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        int size = list.getItems().size();
        if (wanted.isEmpty() || size == 0) {
            return -1;
        }
        int selected = list.getSelectionModel().getSelectedIndex();
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        int from = selected >= 0 ? selected : first == null ? 0 : first.getIndex() - (direction > 0 ? 1 : 0);
        for (int step = 1; step <= size; step++) {
            int at = Math.floorMod(from + step * direction, size);
            if (FindText.of(list.getItems().get(at)).toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                list.getSelectionModel().clearAndSelect(at);
                list.scrollTo(at);
                return at;
            }
        }
        return -1;
    }

    /** How many rows contain {@code query} (ignoring case), for the find bar's count. */
    public int countMatches(String query) {
        String wanted = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        return wanted.isEmpty() ? 0 : (int) list.getItems().stream()
                .filter(row -> FindText.of(row).toLowerCase(java.util.Locale.ROOT).contains(wanted)).count();
    }

    /** Scrolls to the user's message before ({@code -1}) or after ({@code +1}) the top row; false when none. */
    public boolean jumpToTurn(int direction) {
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        int top = first == null ? 0 : first.getIndex();
        int target = direction < 0 ? rail.turns().previous(top) : rail.turns().next(top);
        if (target >= 0) {
            list.scrollTo(target);
        }
        return target >= 0;
    }

    private void changed(ListChangeListener.Change<? extends TranscriptRow> change) {
        boolean structural = false;
        boolean replaced = false;
        boolean lastGrew = false;
        int added = 0;
        int fresh = 0;
        while (change.next()) {
            if (!change.wasReplaced()) {
                // The provisional bubble is not news: its message counts once it lands.
                fresh += (int) change.getAddedSubList().stream()
                        .filter(row -> !(row instanceof TranscriptRow.Streaming)).count();
            }
            // A new quest's page replaces everything; a card that changes state replaces one row in place.
            replaced |= change.getFrom() == 0 && change.getAddedSize() == change.getList().size();
            added += change.wasReplaced() ? 0 : change.getAddedSize();
            structural |= !change.wasReplaced() || replaced || change.getAddedSize() != change.getRemovedSize();
            // The streaming bubble or a running step at the end grows in place.
            lastGrew |= change.wasReplaced() && change.getTo() == change.getList().size();
        }
        if (structural) {
            rail.show(UserTurns.of(model.rows()));
        }
        follow(replaced, lastGrew, added, fresh);
    }

    private void follow(boolean replaced, boolean lastGrew, int added, int fresh) {
        int size = list.getItems().size();
        if (replaced || size == 0) {
            unseen.set(0);
            latest.setVisible(false);
        }
        if (size == 0) {
            return;
        }
        if (replaced) {
            list.scrollTo(size - 1);
            // Cells of different heights are measured in the next layout, which can leave a fresh page short of
            // its end: scroll once more after it.
            Platform.runLater(() -> {
                if (!list.getItems().isEmpty()) {
                    list.scrollTo(list.getItems().size() - 1);
                }
            });
        } else if (lastGrew && added == 0 && wasAtBottom(size)) {
            Platform.runLater(this::showEnd); // once the grown cell is measured, show its end
        } else if (added > 0 && wasAtBottom(size - added)) {
            list.scrollTo(size - 1);
        } else if (fresh > 0) {
            unseen.set(unseen.get() + fresh);
            latest.setVisible(true);
        }
    }

    /** Scrolls to the very end, so a tall last row shows its newest lines. */
    private void showEnd() {
        showEnd(5);
    }

    /**
     * Puts the last row at the bottom; rows measured only as they show can leave the flow short of the end after
     * one pass, so it checks again on the next pulses (a few times at most).
     */
    private void showEnd(int tries) {
        VirtualFlow<?> flow = flow();
        if (flow == null || list.getItems().isEmpty()) {
            return;
        }
        flow.setPosition(1.0);
        flow.layout();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (tries > 1 && (last == null || last.getIndex() < list.getItems().size() - 1)) {
            flow.scrollTo(list.getItems().size() - 1);
            Platform.runLater(() -> showEnd(tries - 1));
        }
    }

    /** Whether the last of the first {@code oldSize} entries was on screen. */
    private boolean wasAtBottom(int oldSize) {
        if (oldSize <= 0) {
            return true;
        }
        VirtualFlow<?> flow = flow();
        if (flow == null) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last == null || last.getIndex() >= oldSize - 1;
    }

    /** Scrolling back down to the newest row hides the pill. */
    private void watchScrolling() {
        VirtualFlow<?> flow = flow();
        if (flow == null || flow == watchedFlow) {
            return;
        }
        watchedFlow = flow;
        flow.positionProperty().addListener((o, was, now) -> {
            if (latest.isVisible() && wasAtBottom(list.getItems().size())) {
                unseen.set(0);
                latest.setVisible(false);
            }
        });
    }

    private VirtualFlow<?> flow() {
        return list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    private void moveKeys(Scene was, Scene scene) {
        if (was != null) {
            was.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
        }
        if (scene != null) {
            scene.addEventHandler(KeyEvent.KEY_PRESSED, keys); // a handler: a focused diff's own Alt+Up comes first
        }
    }

    /**
     * On the scene, not on this view: JavaFX keeps, per stylesheet of a parent, a list of every parent below it
     * that was styled and scans it for each styled node, so thousands of message nodes made scrolling quadratic.
     * A window that shows conversations adds them before its first CSS pass ({@code MainWindow} does): added
     * later, while that pass reaches this view, they reset the scene's styles mid-pass and every looked-up colour
     * below fails to resolve once (176 warnings and about 200 ms at start-up).
     */
    public static void addStylesheets(Scene scene) {
        if (scene == null) {
            return;
        }
        for (String sheet : SHEETS) {
            if (!scene.getStylesheets().contains(sheet)) {
                scene.getStylesheets().add(sheet);
            }
        }
    }

    private void jumpKeys(KeyEvent event) {
        boolean alt = event.isAltDown() && !event.isControlDown() && !event.isShiftDown() && !event.isMetaDown();
        if (alt && (event.getCode() == KeyCode.UP || event.getCode() == KeyCode.DOWN) && shown()) {
            jumpToTurn(event.getCode() == KeyCode.UP ? -1 : 1);
            event.consume();
        }
    }

    /** Whether this conversation is on screen (not behind the board or a hidden pane). */
    private boolean shown() {
        for (Node node = this; node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
