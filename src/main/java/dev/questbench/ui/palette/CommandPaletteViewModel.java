package dev.questbench.ui.palette;

import dev.questbench.domain.QuestSummary;
import dev.questbench.ui.common.Command;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * The command palette (Ctrl+K): one search over the window's commands and the quests; commands that cannot run now
 * are left out, quests open. Results are ranked by {@link PaletteMatch}, commands before quests on a tie.
 */
public final class CommandPaletteViewModel {
    static final int MAX_RESULTS = 40;

    private final List<Command> commands;
    private final Supplier<List<QuestSummary>> quests;
    private final Consumer<String> openQuest;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Item> results = FXCollections.observableArrayList();
    /** One read-only view for all callers: a fresh wrapper per call would drop its listeners when collected. */
    private final ObservableList<Item> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private List<QuestSummary> questSnapshot = List.of();

    /** One result: a command (with its shortcut) or a quest (with its status). */
    public record Item(String title, String detail, Ikon icon, Runnable action) {
    }

    /**
     * @param quests    the quests as the list knows them now (read when the palette opens, on the FX thread)
     * @param openQuest shows a quest's conversation
     */
    public CommandPaletteViewModel(List<Command> commands, Supplier<List<QuestSummary>> quests,
                                   Consumer<String> openQuest) {
        this.commands = List.copyOf(commands);
        this.quests = Objects.requireNonNull(quests, "quests");
        this.openQuest = Objects.requireNonNull(openQuest, "openQuest");
        query.addListener((observable, before, after) -> search());
    }

    // ---- properties ----------------------------------------------------------------------------

    public StringProperty queryProperty() {
        return query;
    }

    /** The matches for the query, best first (read-only for the View). */
    public ObservableList<Item> results() {
        return resultsView;
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Opens the palette with an empty query: every runnable command, then the latest quests. */
    public void open() {
        questSnapshot = List.copyOf(quests.get());
        query.set("");
        search();
        showing.set(true);
    }

    public void close() {
        showing.set(false);
    }

    /** Closes the palette, then runs the item. */
    public void run(Item item) {
        close();
        if (item != null) {
            item.action().run();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Scored(Item item, int score, int order) {
    }

    private void search() {
        String typed = query.get() == null ? "" : query.get();
        List<Scored> found = new ArrayList<>();
        int order = 0;
        for (Command command : commands) {
            int score = PaletteMatch.score(typed, command.name());
            if (score != PaletteMatch.NONE && command.executableProperty().get()) {
                String keys = command.shortcut() == null ? "" : command.shortcut().getDisplayText();
                found.add(new Scored(new Item(command.name(), keys, command.icon(), command::execute), score,
                        order++));
            }
        }
        for (QuestSummary quest : questSnapshot) {
            String title = quest.quest().title() == null ? quest.id() : quest.quest().title();
            int score = PaletteMatch.score(typed, title);
            if (score != PaletteMatch.NONE) {
                String id = quest.id();
                found.add(new Scored(new Item(title, quest.status().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '), Feather.MESSAGE_SQUARE, () -> openQuest.accept(id)), score - 1,
                        order++));
            }
        }
        found.sort(Comparator.comparingInt((Scored s) -> -s.score()).thenComparingInt(Scored::order));
        results.setAll(found.stream().limit(MAX_RESULTS).map(Scored::item).toList());
    }
}
