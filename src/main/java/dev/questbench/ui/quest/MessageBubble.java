package dev.questbench.ui.quest;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A message bubble: author and time over the text, right-aligned for the user. The user's messages carry a
 * checkpoint mark when their turn can be reverted, and the message toolbar when there is one. The message the
 * model is still writing shows the same way, marked provisional ({@code :streaming}; {@code :thinking} on the text
 * while only reasoning came).
 */
final class MessageBubble extends HBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    private static final PseudoClass STREAMING = PseudoClass.getPseudoClass("streaming");
    private static final PseudoClass THINKING = PseudoClass.getPseudoClass("thinking");

    private final Label author = new Label();
    private final Label time = new Label();
    private final Label body = new Label();
    private final Label checkpoint = new Label(null, new FontIcon(Feather.FLAG));
    private final MessageTools tools;

    MessageBubble() {
        this(null);
    }

    /** @param tools the toolbar shown on the user's messages, or null for none */
    MessageBubble(MessageTools tools) {
        this.tools = tools;
        author.getStyleClass().add("author");
        time.getStyleClass().add("time");
        body.getStyleClass().add("body");
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        checkpoint.getStyleClass().add("checkpoint-mark");
        checkpoint.setTooltip(new Tooltip("Checkpoint: the files as they were before this message are saved, so "
                + "this turn can be reverted."));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox meta = new HBox(8, author, time, checkpoint, gap);
        if (tools != null) {
            meta.getChildren().add(tools);
        }
        meta.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, meta, body);
        box.getStyleClass().add("bubble");
        box.setMaxWidth(760); // fits short messages, wraps long ones; the row shrinks it to the cell
        getChildren().add(box);
        getStyleClass().add("bubble-row");
    }

    MessageBubble show(TranscriptRow.Message message) {
        author.setText(message.fromUser() ? "You" : "Agent");
        time.setText(TIME.format(message.entry().processedAt()));
        body.setText(message.text());
        showExtras(message.fromUser() && message.checkpoint(), message.fromUser());
        if (tools != null && message.fromUser()) {
            tools.show(message);
        }
        body.pseudoClassStateChanged(THINKING, false);
        pseudoClassStateChanged(STREAMING, false);
        setAlignment(message.fromUser() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        return this;
    }

    /** The message the model is writing: provisional, replaced by the journaled one. */
    MessageBubble show(TranscriptRow.Streaming streaming) {
        author.setText("Agent");
        time.setText(streaming.thinking() ? "thinking" : "writing…");
        body.setText(streaming.thinking() ? "Thinking…" : streaming.text());
        body.pseudoClassStateChanged(THINKING, streaming.thinking());
        showExtras(false, false);
        pseudoClassStateChanged(STREAMING, true);
        setAlignment(Pos.CENTER_LEFT);
        return this;
    }

    private void showExtras(boolean checkpointed, boolean withTools) {
        ApprovalCardSkin.show(checkpoint, checkpointed);
        if (tools != null) {
            ApprovalCardSkin.show(tools, withTools);
        }
    }
}
