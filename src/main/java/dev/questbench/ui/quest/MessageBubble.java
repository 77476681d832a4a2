package dev.questbench.ui.quest;

import atlantafx.base.theme.Styles;
import dev.questbench.ui.markdown.MarkdownCache;
import dev.questbench.ui.markdown.MarkdownView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A message bubble: author and time over the text, right-aligned for the user. The agent's final messages show
 * their Markdown as native nodes (parsed ahead of time into the cache); the user's text and the message the model
 * is still writing show plain, so a streaming pulse only sets one label's text ({@code :streaming}; {@code
 * :thinking} on the text while only reasoning came). Every message has Copy and Fork from here; the user's also
 * carry a checkpoint mark when their turn can be reverted, and the message toolbar when there is one.
 */
final class MessageBubble extends HBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    private static final PseudoClass STREAMING = PseudoClass.getPseudoClass("streaming");
    private static final PseudoClass THINKING = PseudoClass.getPseudoClass("thinking");

    private final Label author = new Label();
    private final Label time = new Label();
    private final Label body = new Label();
    private final VBox box;
    private final Label checkpoint = new Label(null, new FontIcon(Feather.FLAG));
    private final HBox common;
    private final MessageTools tools;
    private final MarkdownCache markdown;
    private final Consumer<String> openLink;
    private MarkdownView rendered;
    private TranscriptRow.Message message;

    /**
     * @param tools    the toolbar shown on the user's messages, or null for none
     * @param copy     copies a message's text (null: no Copy button)
     * @param fork     forks the quest at a message (null: no Fork button)
     * @param markdown parsed agent messages
     * @param openLink opens a link in a message
     */
    MessageBubble(MessageTools tools, Consumer<TranscriptRow.Message> copy, Consumer<TranscriptRow.Message> fork,
                  MarkdownCache markdown, Consumer<String> openLink) {
        this.tools = tools;
        this.markdown = markdown;
        this.openLink = openLink;
        author.getStyleClass().add("author");
        time.getStyleClass().add("time");
        body.getStyleClass().add("body");
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        checkpoint.getStyleClass().add("checkpoint-mark");
        checkpoint.setTooltip(new Tooltip("Checkpoint: the files as they were before this message are saved, so "
                + "this turn can be reverted."));
        common = new HBox(2);
        common.getStyleClass().add("message-tools");
        if (copy != null) {
            common.getChildren().add(button(Feather.COPY, "copy-message", "Copy text", () -> copy.accept(message)));
        }
        if (fork != null) {
            common.getChildren().add(button(Feather.GIT_BRANCH, "fork-message", "Fork from here: a new quest with "
                    + "the conversation up to this message", () -> fork.accept(message)));
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox meta = new HBox(8, author, time, checkpoint, gap, common);
        if (tools != null) {
            meta.getChildren().add(tools);
        }
        meta.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(4, meta, body);
        box.getStyleClass().add("bubble");
        box.setMaxWidth(760); // fits short messages, wraps long ones; the row shrinks it to the cell
        getChildren().add(box);
        getStyleClass().add("bubble-row");
    }

    MessageBubble show(TranscriptRow.Message shown) {
        message = shown;
        author.setText(shown.fromUser() ? "You" : "Agent");
        time.setText(TIME.format(shown.entry().processedAt()));
        if (shown.fromUser()) {
            showPlain(shown.text());
        } else {
            showMarkdown(shown);
        }
        showExtras(shown.fromUser() && shown.checkpoint(), shown.fromUser(), true);
        if (tools != null && shown.fromUser()) {
            tools.show(shown);
        }
        body.pseudoClassStateChanged(THINKING, false);
        pseudoClassStateChanged(STREAMING, false);
        setAlignment(shown.fromUser() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        return this;
    }

    /** The message the model is writing: provisional and plain, replaced by the journaled one. */
    MessageBubble show(TranscriptRow.Streaming streaming) {
        message = null;
        author.setText("Agent");
        time.setText(streaming.thinking() ? "thinking" : "writing…");
        showPlain(streaming.thinking() ? "Thinking…" : streaming.text());
        body.pseudoClassStateChanged(THINKING, streaming.thinking());
        showExtras(false, false, false);
        pseudoClassStateChanged(STREAMING, true);
        setAlignment(Pos.CENTER_LEFT);
        return this;
    }

    private void showPlain(String text) {
        body.setText(text);
        if (box.getChildren().get(1) != body) {
            box.getChildren().set(1, body);
        }
    }

    private void showMarkdown(TranscriptRow.Message shown) {
        if (rendered == null) {
            rendered = new MarkdownView(openLink);
            rendered.getStyleClass().add("body-markdown");
        }
        rendered.show(markdown.get(shown.entry().id(), shown.text()));
        body.setText(null);
        if (box.getChildren().get(1) != rendered) {
            box.getChildren().set(1, rendered);
        }
    }

    private void showExtras(boolean checkpointed, boolean withTools, boolean withCommon) {
        ApprovalCardSkin.show(checkpoint, checkpointed);
        ApprovalCardSkin.show(common, withCommon && !common.getChildren().isEmpty());
        if (tools != null) {
            ApprovalCardSkin.show(tools, withTools);
        }
    }

    private Button button(Feather icon, String id, String name, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        button.setId(id);
        button.setAccessibleText(name);
        button.setTooltip(new Tooltip(name));
        button.setFocusTraversable(false);
        button.setOnAction(event -> {
            if (message != null) {
                action.run();
            }
        });
        return button;
    }
}
