package dev.questbench.ui.quest;

import dev.questbench.domain.event.JournalEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Draws one journal entry: user and agent messages as bubbles, status changes as quiet centred lines. */
final class JournalEntryCell extends ListCell<JournalEntry> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final Label author = new Label();
    private final Label time = new Label();
    private final Label body = new Label();
    private final VBox bubble;
    private final HBox bubbleRow;
    private final Label status = new Label();
    private final HBox statusRow;

    JournalEntryCell() {
        getStyleClass().add("entry-cell");
        setPrefWidth(0);
        author.getStyleClass().add("author");
        time.getStyleClass().add("time");
        body.getStyleClass().add("body");
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        HBox meta = new HBox(8, author, time);
        meta.setAlignment(Pos.BASELINE_LEFT);
        bubble = new VBox(4, meta, body);
        bubble.getStyleClass().add("bubble");
        bubble.setMaxWidth(760); // fits short messages, wraps long ones; the row shrinks it to the cell
        bubbleRow = new HBox(bubble);
        status.getStyleClass().add("status-line");
        status.setWrapText(true);
        statusRow = new HBox(status);
        statusRow.setAlignment(Pos.CENTER);
    }

    @Override
    protected void updateItem(JournalEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        setText(null);
        for (EntryText.Kind kind : EntryText.Kind.values()) {
            pseudoClassStateChanged(pseudo(kind), !empty && entry != null && EntryText.kind(entry.event()) == kind);
        }
        if (empty || entry == null) {
            setGraphic(null);
            return;
        }
        EntryText.Kind kind = EntryText.kind(entry.event());
        String text = EntryText.text(entry.event());
        if (kind == EntryText.Kind.USER || kind == EntryText.Kind.AGENT) {
            author.setText(kind == EntryText.Kind.USER ? "You" : "Agent");
            time.setText(TIME.format(entry.processedAt()));
            body.setText(text);
            bubbleRow.setAlignment(kind == EntryText.Kind.USER ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            setGraphic(bubbleRow);
        } else {
            status.setText(text + "  ·  " + TIME.format(entry.processedAt()));
            setGraphic(statusRow);
        }
    }

    private static PseudoClass pseudo(EntryText.Kind kind) {
        return PseudoClass.getPseudoClass(kind.name().toLowerCase(Locale.ROOT));
    }
}
