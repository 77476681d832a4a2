package dev.questbench.ui.markdown;

import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.markdown.MarkdownDoc.Block;
import dev.questbench.ui.markdown.MarkdownDoc.Run;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A {@link MarkdownDoc} as native nodes: headings, paragraphs of styled runs with links, bullet, numbered and task
 * lists, quotes, tables in a grid, rules and code blocks with a Copy button. Not a WebView: a transcript cell
 * shows one of these, rebuilt when the cell shows another message.
 */
public final class MarkdownView extends VBox {
    /**
     * Its look; the view that holds many of these (the conversation) adds it once, so each message's nodes share
     * one set of stylesheets.
     */
    public static final String STYLESHEET = Stylesheets.of(MarkdownView.class, "markdown.css");

    private final Consumer<String> openLink;
    private MarkdownDoc shown;

    /** @param openLink opens a link's target (the real one hands it to the system browser off the FX thread) */
    public MarkdownView(Consumer<String> openLink) {
        super(8);
        this.openLink = openLink;
        getStyleClass().add("markdown");
        setMinHeight(Region.USE_PREF_SIZE);
    }

    /** Shows a document; the same document again changes nothing. */
    public void show(MarkdownDoc doc) {
        if (doc.equals(shown)) {
            return;
        }
        shown = doc;
        getChildren().setAll(blocks(doc.blocks()));
    }

    public MarkdownDoc shown() {
        return shown;
    }

    private List<Node> blocks(List<Block> blocks) {
        return blocks.stream().map(this::block).toList();
    }

    private Node block(Block block) {
        if (block instanceof MarkdownDoc.Heading heading) {
            return InlineRuns.flow(heading.runs(), openLink, "md-heading", "md-h" + Math.min(heading.level(), 4));
        }
        if (block instanceof MarkdownDoc.Paragraph paragraph) {
            return InlineRuns.flow(paragraph.runs(), openLink, "md-paragraph");
        }
        if (block instanceof MarkdownDoc.CodeBlock code) {
            return new CodeBlockView(code);
        }
        if (block instanceof MarkdownDoc.Quote quote) {
            VBox box = new VBox(6);
            box.getStyleClass().add("md-quote");
            box.getChildren().setAll(blocks(quote.blocks()));
            return box;
        }
        if (block instanceof MarkdownDoc.ListBlock list) {
            return list(list);
        }
        if (block instanceof MarkdownDoc.Table table) {
            return table(table);
        }
        Separator rule = new Separator();
        rule.getStyleClass().add("md-rule");
        return rule;
    }

    private Node list(MarkdownDoc.ListBlock list) {
        VBox box = new VBox(3);
        box.getStyleClass().add("md-list");
        int number = list.start();
        for (MarkdownDoc.Item item : list.items()) {
            Node marker;
            if (item.checked() != null) {
                marker = new FontIcon(item.checked() ? Feather.CHECK_SQUARE : Feather.SQUARE);
                marker.getStyleClass().add(item.checked() ? "md-task-done" : "md-task-open");
            } else {
                marker = new Text(list.ordered() ? number++ + "." : "•");
            }
            marker.getStyleClass().add("md-marker");
            VBox content = new VBox(4);
            content.getChildren().setAll(blocks(item.blocks()));
            HBox.setHgrow(content, Priority.ALWAYS);
            HBox row = new HBox(6, marker, content);
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().add("md-item");
            box.getChildren().add(row);
        }
        return box;
    }

    private Node table(MarkdownDoc.Table table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        int columns = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            List<List<Run>> cells = table.rows().get(r);
            columns = Math.max(columns, cells.size());
            for (int c = 0; c < cells.size(); c++) {
                boolean header = table.header() && r == 0;
                TextFlow cell = InlineRuns.flow(cells.get(c), openLink, "md-cell", header ? "md-header-cell" : "md-body-cell");
                grid.add(cell, c, r);
            }
        }
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHgrow(Priority.SOMETIMES);
            grid.getColumnConstraints().add(column);
        }
        return grid;
    }
}
