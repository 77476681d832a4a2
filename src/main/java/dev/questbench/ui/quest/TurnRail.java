package dev.questbench.ui.quest;

import java.util.function.IntConsumer;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The side-rail locator beside the transcript: a thin strip with a tick per user message, placed by its position
 * in the conversation; hovering a tick shows the message's first line, clicking it scrolls there.
 */
final class TurnRail extends Pane {
    static final double WIDTH = 14;

    private final IntConsumer onJump;
    private UserTurns turns = new UserTurns(java.util.List.of(), 0);

    /** @param onJump scrolls the transcript to a row */
    TurnRail(IntConsumer onJump) {
        this.onJump = onJump;
        getStyleClass().add("turn-rail");
        setId("turn-rail");
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
    }

    UserTurns turns() {
        return turns;
    }

    /** Shows these turns; the same turns again change nothing. */
    void show(UserTurns next) {
        if (next.equals(turns)) {
            return;
        }
        turns = next;
        getChildren().setAll(next.turns().stream().map(this::tick).toList());
        requestLayout();
    }

    private Node tick(UserTurns.Turn turn) {
        Region tick = new Region();
        tick.getStyleClass().add("turn-tick");
        tick.setUserData(turn);
        tick.setCursor(Cursor.HAND);
        Tooltip tip = new Tooltip(turn.firstLine().isEmpty() ? "(empty message)" : turn.firstLine());
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(tick, tip);
        tick.setOnMouseClicked(event -> onJump.accept(turn.index()));
        return tick;
    }

    @Override
    protected void layoutChildren() {
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        double tickHeight = 4;
        for (Node child : getChildren()) {
            UserTurns.Turn turn = (UserTurns.Turn) child.getUserData();
            double y = snappedTopInset() + turns.fraction(turn) * Math.max(0, height - tickHeight);
            child.resizeRelocate(2, Math.round(y), WIDTH - 4, tickHeight);
        }
    }
}
