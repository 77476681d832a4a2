package dev.questbench.ui.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestSummary;
import dev.questbench.store.Store;
import dev.questbench.store.QuestQuery;
import dev.questbench.ui.common.Command;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The palette's search over commands and quests from a real store, and what running a result does. */
class CommandPaletteViewModelTest {
    @TempDir
    Path dir;

    @Test
    void findsCommandsByInitialsAndQuestsByTitleAndRunsTheChosenOne() {
        List<String> ran = new ArrayList<>();
        SimpleBooleanProperty stoppable = new SimpleBooleanProperty(false);
        List<Command> commands = List.of(
                Command.named("New Quest").shortcut("Shortcut+N").does(() -> ran.add("new")),
                Command.named("My Quests Board").does(() -> ran.add("board")),
                Command.named("Stop").executableWhen(stoppable).does(() -> ran.add("stop")));
        try (Store store = Store.open(dir.resolve("data"))) {
            store.quests().create(Quest.create("Fix the login page", "p", null, QuestMode.AGENT,
                    QuestEnvironment.LOCAL, Instant.now()));
            store.quests().create(Quest.create("Quarterly report", "p", null, QuestMode.AGENT,
                    QuestEnvironment.LOCAL, Instant.now()));
            List<QuestSummary> quests = store.quests().list(QuestQuery.ALL);
            List<String> opened = new ArrayList<>();
            CommandPaletteViewModel palette = new CommandPaletteViewModel(commands, () -> quests, opened::add);

            palette.open();
            assertTrue(palette.showingProperty().get());
            assertEquals(4, palette.results().size(), "every runnable command and quest; Stop cannot run now");
            assertFalse(titles(palette).contains("Stop"));

            palette.queryProperty().set("nq");
            assertEquals("New Quest", titles(palette).get(0), "initials rank first");
            assertTrue(palette.results().get(0).detail().contains("N"), "its shortcut shows");
            palette.run(palette.results().get(0));
            assertEquals(List.of("new"), ran);
            assertFalse(palette.showingProperty().get(), "running closes the palette");

            palette.open();
            palette.queryProperty().set("login");
            assertEquals(List.of("Fix the login page"), titles(palette));
            palette.run(palette.results().get(0));
            assertEquals(1, opened.size());

            stoppable.set(true);
            palette.open();
            palette.queryProperty().set("stop");
            assertEquals("Stop", titles(palette).get(0), "offered once it can run");
            palette.queryProperty().set("zzz");
            assertTrue(palette.results().isEmpty());
        }
    }

    @Test
    void scoresPreferWordStartsAndRejectMissingLetters() {
        assertTrue(PaletteMatch.score("qb", "My Quests Board") > PaletteMatch.score("qb", "Aqua bar"));
        assertEquals(PaletteMatch.NONE, PaletteMatch.score("xq", "New Quest"));
        assertTrue(PaletteMatch.score("sett", "Settings…") > PaletteMatch.score("sett", "Reset tab"));
    }

    private static List<String> titles(CommandPaletteViewModel palette) {
        return palette.results().stream().map(CommandPaletteViewModel.Item::title).toList();
    }
}
