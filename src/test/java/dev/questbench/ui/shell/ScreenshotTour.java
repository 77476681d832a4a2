package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.Snapshots;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: with {@code -Dqb.shots=DIR} it seeds a store and saves screenshots of the window in light and
 * dark, so people can look at the UI without a display. Skipped otherwise.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTour {
    @TempDir
    Path dir;

    @Test
    void saveScreenshots(FxRobot robot) throws Exception {
        String shots = System.getProperty("qb.shots");
        assumeTrue(shots != null, "set -Dqb.shots=DIR to save screenshots");
        Path out = Path.of(shots);
        try (Store store = Store.open(dir.resolve("data")); FxTaskRunner tasks = new FxTaskRunner(2);
             TestEngine engine = TestEngine.unstarted(store)) {
            String selected = seed(store);
            MainWindow[] window = new MainWindow[1];
            fx(() -> {
                Stage stage = new Stage();
                window[0] = new MainWindow(stage, store, engine.parts, tasks, new FxDialogService(() -> stage), false);
                stage.setWidth(1280); // the headless screen's size: a bigger window overflows its frame buffer
                stage.setHeight(800);
                stage.show();
            });
            for (ThemePreference theme : List.of(ThemePreference.LIGHT, ThemePreference.DARK)) {
                String suffix = "-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png";
                fx(() -> {
                    window[0].model().themeProperty().set(theme);
                    window[0].model().selectedQuestIdProperty().set(null);
                });
                settle();
                fx(() -> Snapshots.write(window[0].stage().getScene(), out.resolve("empty" + suffix)));
                fx(() -> window[0].model().openQuest(selected));
                settle();
                fx(() -> Snapshots.write(window[0].stage().getScene(), out.resolve("quest" + suffix)));
                fx(() -> window[0].model().showBoard());
                settle();
                fx(() -> Snapshots.write(window[0].stage().getScene(), out.resolve("board" + suffix)));
                robot.clickOn("#new-quest-button");
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#prompt").tryQuery().isPresent());
                robot.clickOn("#prompt").write("Add pagination to the orders table and test it");
                settle();
                fx(() -> {
                    Window dialog = robot.lookup("#prompt").query().getScene().getWindow();
                    Snapshots.write(dialog.getScene(), out.resolve("new-quest" + suffix));
                });
                robot.clickOn("Cancel");
                settle();
            }
            fx(() -> window[0].close());
        }
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void settle() throws Exception {
        Thread.sleep(400); // background loads and CSS; this is a picture, not an assertion
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A believable store: three workspaces, quests in every column, one with a conversation. */
    private String seed(Store store) {
        Workspace shop = store.workspaces().open(dir.resolve("shop-frontend").toString());
        Workspace api = store.workspaces().open(dir.resolve("orders-api").toString());
        Workspace docs = store.workspaces().open(dir.resolve("handbook").toString());
        String[][] quests = {
                {"Add pagination to the orders table", "shop", "done"},
                {"Fix flaky login test on CI", "shop", "running"},
                {"Upgrade React to 19 and fix deprecations", "shop", "queued"},
                {"Migrate orders to the new schema", "api", "action"},
                {"Add rate limiting to public endpoints", "api", "error"},
                {"Write an ADR for the event journal", "docs", "done"},
                {"Summarise last week's incidents", "none", "done"},
                {"Translate the onboarding guide to German", "docs", "running"},
        };
        String selected = null;
        for (String[] row : quests) {
            Workspace home = switch (row[1]) {
                case "shop" -> shop;
                case "api" -> api;
                case "docs" -> docs;
                default -> null;
            };
            Quest quest = Quest.create(row[0], row[0] + ". Keep the public API stable and add tests.",
                    home == null ? null : home.id(), QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
            store.quests().create(quest);
            store.journal().append(quest.id(), QuestEvent.UserMessage.text(quest.prompt()));
            switch (row[2]) {
                case "running" -> store.journal().append(quest.id(), new QuestEvent.SessionStatusRunning());
                case "action" -> store.journal().appendAll(quest.id(), List.of(new QuestEvent.SessionStatusRunning(),
                        QuestEvent.SessionStatusIdle.requiresAction(List.of("evt_x"))));
                case "error" -> store.journal().appendAll(quest.id(), List.of(new QuestEvent.SessionStatusRunning(),
                        QuestEvent.SessionError.of("model", "Ollama is not running at localhost:11434")));
                case "done" -> {
                    store.journal().appendAll(quest.id(), List.of(new QuestEvent.SessionStatusRunning(),
                            QuestEvent.AgentMessage.text("I'll start by reading the orders table component and "
                                    + "its tests to see how rows are fetched today."),
                            new QuestEvent.AgentToolUse("Read", null, null),
                            QuestEvent.AgentMessage.text("Done. The table now loads 50 rows per page with "
                                    + "Previous/Next buttons and a page-size picker; the API takes `page` and "
                                    + "`size`. I added 6 tests (all green) and kept the old endpoint working."),
                            QuestEvent.SessionStatusIdle.endTurn()));
                    if (selected == null) {
                        selected = quest.id();
                    }
                }
                default -> { }
            }
        }
        return selected;
    }
}
