package dev.questbench.ui.shell;

import dev.questbench.store.Setting;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.composer.ComposerViewModel;
import dev.questbench.ui.quest.CardActions;
import dev.questbench.ui.quest.ConversationViewModel;
import dev.questbench.ui.quest.QuestActions;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Quests opened in panes beside the main conversation (up to three, four in all), each with its own conversation
 * and composer; one pane can be expanded to fill the quest area. The open panes and the expanded one are
 * remembered across restarts.
 */
public final class QuestTilesViewModel implements AutoCloseable {
    /** At most this many extra panes: with the main conversation, four quests side by side. */
    public static final int MAX_TILES = 3;
    /** The expanded pane: a quest id, {@link #MAIN} for the main conversation, or "" for none. */
    public static final String MAIN = "main";
    static final Setting<String[]> OPEN = Setting.of("ui.tiles.open", String[].class, new String[0]);
    static final Setting<String> EXPANDED = Setting.of("ui.tiles.expanded", String.class, "");

    private final Store store;
    private final QuestEngine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Executor fxExecutor;
    private final QuestActions questActions;
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ObservableList<Tile> tilesView = FXCollections.unmodifiableObservableList(tiles);
    private final ReadOnlyObjectWrapper<String> expanded = new ReadOnlyObjectWrapper<>(this, "expanded", "");

    /** One open pane: its quest and the ViewModels its conversation and composer use. */
    public record Tile(String questId, ConversationViewModel conversation, ComposerViewModel composer,
                       CardActions actions) {
    }

    QuestTilesViewModel(Store store, QuestEngine engine, TaskRunner tasks, DialogService dialogs, Executor fxExecutor,
                        QuestActions questActions) {
        this.store = store;
        this.engine = engine;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.fxExecutor = fxExecutor;
        this.questActions = questActions;
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The open panes, left to right (read-only for the View). */
    public ObservableList<Tile> tiles() {
        return tilesView;
    }

    /** Which pane fills the quest area: a quest id, {@link #MAIN}, or "" when all show side by side. */
    public ReadOnlyObjectProperty<String> expandedProperty() {
        return expanded.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Opens a quest in a new pane; a quest already open is not opened twice; with three open, says so. */
    public void open(String questId) {
        if (questId == null || tiles.stream().anyMatch(tile -> tile.questId().equals(questId))) {
            return;
        }
        if (tiles.size() >= MAX_TILES) {
            dialogs.showError("Four quests are open", "Close a pane (its ✕) before opening another quest beside "
                    + "the conversation.");
            return;
        }
        tiles.add(tile(questId));
        save();
    }

    public void close(String questId) {
        tiles.stream().filter(tile -> tile.questId().equals(questId)).findFirst().ifPresent(tile -> {
            tiles.remove(tile);
            dispose(tile);
            if (questId.equals(expanded.get())) {
                expanded.set("");
            }
            save();
        });
    }

    /** Expands a pane to fill the quest area, or puts all back side by side when it already is. */
    public void toggleExpanded(String paneId) {
        expanded.set(paneId.equals(expanded.get()) ? "" : paneId);
        save();
    }

    /** Opens the panes that were open when the window last closed (quests deleted since are skipped). */
    public void restore() {
        tasks.run(() -> new Saved(store.settings().get(OPEN), store.settings().get(EXPANDED)), saved -> {
            for (String id : saved.open() == null ? new String[0] : saved.open()) {
                if (tiles.size() < MAX_TILES && store.quests().get(id).isPresent()) {
                    tiles.add(tile(id));
                }
            }
            String wanted = saved.expanded() == null ? "" : saved.expanded();
            boolean known = wanted.equals(MAIN) || tiles.stream().anyMatch(tile -> tile.questId().equals(wanted));
            expanded.set(known ? wanted : "");
        }, failure -> { }); // no remembered panes: the plain conversation
    }

    @Override
    public void close() {
        tiles.forEach(this::dispose);
        tiles.clear();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Saved(String[] open, String expanded) {
    }

    private Tile tile(String questId) {
        ConversationViewModel conversation = new ConversationViewModel(store, engine.executor(), tasks, fxExecutor);
        ComposerViewModel composer = new ComposerViewModel(store, engine, tasks, fxExecutor);
        CardActions actions = new CardActions(store, engine, tasks, dialogs, () -> questId, questActions);
        conversation.show(questId);
        composer.show(questId);
        return new Tile(questId, conversation, composer, actions);
    }

    private void dispose(Tile tile) {
        tile.conversation().close();
        tile.composer().close();
    }

    private void save() {
        String[] open = tiles.stream().map(Tile::questId).toArray(String[]::new);
        String focus = expanded.get();
        tasks.run(() -> {
            store.settings().set(OPEN, open);
            store.settings().set(EXPANDED, focus);
            return null;
        }, ignored -> { }, failure -> { }); // the layout is a convenience: not worth an error dialog
    }

    /** The open quest ids, for tests and the window title. */
    List<String> openIds() {
        return tiles.stream().map(Tile::questId).toList();
    }
}
