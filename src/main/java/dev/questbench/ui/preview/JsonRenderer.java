package dev.questbench.ui.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** JSON as a collapsible tree (children made when opened) and as raw, highlighted text. */
final class JsonRenderer extends BaseRenderer {
    static final long TREE_LIMIT_BYTES = 32L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreeView<String> tree = new TreeView<>();
    private final TextRenderer raw;

    JsonRenderer(RenderContext context) {
        this(context, new TabPane(), new TextRenderer(context));
    }

    private JsonRenderer(RenderContext context, TabPane tabs, TextRenderer raw) {
        super(context, tabs);
        this.raw = raw;
        tree.setId("preview-json-tree");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(new Tab("Tree", tree), new Tab("Raw", raw.node()));
    }

    TreeView<String> tree() {
        return tree;
    }

    @Override
    public void show(Path file) {
        raw.show(file);
        load(() -> {
            if (Files.size(file) > TREE_LIMIT_BYTES) {
                throw new IllegalStateException("This JSON file is too big for the tree; see Raw.");
            }
            try {
                return JSON.readTree(file.toFile());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("This is not valid JSON (" + e.getOriginalMessage() + " at line "
                        + e.getLocation().getLineNr() + "); see Raw.", e);
            }
        }, node -> {
            TreeItem<String> root = item("root", node);
            root.setExpanded(true);
            tree.setRoot(root);
        });
    }

    @Override
    public void dispose() {
        super.dispose();
        raw.dispose();
    }

    /** A tree item whose children are made the first time it is opened. */
    static TreeItem<String> item(String name, JsonNode node) {
        String label = node.isObject() ? name + "  {" + node.size() + "}" : node.isArray()
                ? name + "  [" + node.size() + "]" : name + ": " + (node.isTextual() ? "\"" + node.asText() + "\""
                : node.toString());
        TreeItem<String> item = new TreeItem<>(label) {
            private boolean made;

            @Override
            public boolean isLeaf() {
                return !node.isContainerNode() || node.isEmpty();
            }

            @Override
            public javafx.collections.ObservableList<TreeItem<String>> getChildren() {
                if (!made) {
                    made = true;
                    if (node.isObject()) {
                        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                        while (fields.hasNext()) {
                            Map.Entry<String, JsonNode> field = fields.next();
                            super.getChildren().add(item(field.getKey(), field.getValue()));
                        }
                    } else if (node.isArray()) {
                        for (int i = 0; i < node.size(); i++) {
                            super.getChildren().add(item("[" + i + "]", node.get(i)));
                        }
                    }
                }
                return super.getChildren();
            }
        };
        return item;
    }
}
