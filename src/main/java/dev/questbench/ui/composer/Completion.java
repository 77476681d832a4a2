package dev.questbench.ui.composer;

import dev.questbench.ui.common.TaskRunner;
import dev.questbench.workspace.files.FileIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The composer's suggestion list: {@code @} then text lists matching files and folders of the workspace (fuzzy),
 * {@code /} at the start lists commands. Up/Down move, Enter or Tab choose, Escape closes. Searches run in the
 * background; a result for older text is dropped.
 */
public final class Completion {
    static final int MAX_FILES = 50;

    /** What the list offers. */
    public enum Mode { NONE, MENTION, COMMAND }

    /** One suggestion: what the list shows, and the text that replaces the typed token. */
    public record Item(String label, String detail, String insert, boolean folder) {
    }

    /** The input after choosing: its new text and caret, and the chosen suggestion. */
    public record Accepted(String text, int caret, Item item, Mode mode) {
    }

    private final TaskRunner tasks;
    private final MentionIndex index;
    private final Supplier<List<SlashCommand>> commands;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObservableList<Item> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Mode mode = Mode.NONE;
    private String text = "";
    private int tokenStart;
    private int tokenEnd;
    private String query = "";
    private long generation;

    Completion(TaskRunner tasks, MentionIndex index, Supplier<List<SlashCommand>> commands) {
        this.tasks = tasks;
        this.index = index;
        this.commands = commands;
        index.setOnBuilt(() -> {
            if (mode == Mode.MENTION) {
                searchFiles();
            }
        });
    }

    // ---- properties ----------------------------------------------------------------------------

    public ObservableList<Item> items() {
        return itemsView;
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** A line under the list: "Indexing files…", no matches, or why the folder could not be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Mode mode() {
        return mode;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Follows the input: shows, narrows or hides the list for the token at the caret. */
    public void update(String newText, int caret) {
        text = newText == null ? "" : newText;
        int at = Math.max(0, Math.min(caret, text.length()));
        int start = at;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        tokenStart = start;
        tokenEnd = end;
        String token = text.substring(start, at);
        if (token.startsWith("@")) {
            mode = Mode.MENTION;
            query = token.substring(1);
            searchFiles();
        } else if (token.startsWith("/") && text.substring(0, start).isBlank()) {
            mode = Mode.COMMAND;
            query = token.substring(1);
            listCommands();
        } else {
            dismiss();
        }
    }

    public void move(int delta) {
        if (!items.isEmpty()) {
            selected.set(Math.floorMod(selected.get() + delta, items.size()));
        }
    }

    /** Chooses the selected suggestion; null when the list is closed or empty. */
    public Accepted accept() {
        if (!showing.get() || selected.get() < 0 || selected.get() >= items.size()) {
            return null;
        }
        Item item = items.get(selected.get());
        String rest = text.substring(tokenEnd);
        String inserted = item.insert() + (rest.startsWith(" ") ? "" : " ");
        Mode chosen = mode;
        String newText = text.substring(0, tokenStart) + inserted + rest;
        dismiss();
        return new Accepted(newText, tokenStart + inserted.length() + (rest.startsWith(" ") ? 1 : 0), item, chosen);
    }

    public void dismiss() {
        generation++;
        mode = Mode.NONE;
        items.clear();
        selected.set(-1);
        showing.set(false);
        status.set("");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void searchFiles() {
        long mine = ++generation;
        FileIndex files = index.current();
        if (files == null) {
            show(List.of(), index.root() == null ? "This quest has no folder to pick files from."
                    : index.problem().isEmpty() ? "Indexing files…" : index.problem());
            return;
        }
        String wanted = query;
        tasks.run(() -> files.search(wanted, MAX_FILES), found -> {
            if (mine == generation && mode == Mode.MENTION) {
                List<Item> list = new ArrayList<>();
                for (FileIndex.Entry entry : found) {
                    list.add(new Item(entry.path(), entry.folder() ? "folder" : "", "@" + entry.path(),
                            entry.folder()));
                }
                show(list, list.isEmpty() ? "No file matches “" + wanted + "”." : "");
            }
        }, failure -> show(List.of(), "The search failed: " + failure.getMessage()));
    }

    private void listCommands() {
        generation++;
        String wanted = query.toLowerCase(Locale.ROOT);
        List<Item> starts = new ArrayList<>();
        List<Item> contains = new ArrayList<>();
        for (SlashCommand command : commands.get()) {
            String name = command.name().toLowerCase(Locale.ROOT);
            Item item = new Item("/" + command.name(), command.description(), "/" + command.name(), false);
            if (name.startsWith(wanted)) {
                starts.add(item);
            } else if (name.contains(wanted)) {
                contains.add(item);
            }
        }
        starts.addAll(contains);
        if (starts.isEmpty()) {
            dismiss(); // a path such as /usr/bin typed as text: no list in the way
            return;
        }
        show(starts, "");
    }

    private void show(List<Item> list, String line) {
        items.setAll(list);
        selected.set(list.isEmpty() ? -1 : 0);
        status.set(line);
        showing.set(true);
    }
}
