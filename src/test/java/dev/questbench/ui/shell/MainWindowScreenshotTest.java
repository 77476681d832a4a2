package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.Snapshots;
import dev.questbench.ui.testing.TestEngine;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the main window with a finished quest open, in the light and the dark theme, to
 * {@code target/screenshots/main-light.png} and {@code main-dark.png} for reviewers to look at.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowScreenshotTest {
    private static final Path OUT = Path.of("target", "screenshots");

    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;
    private FxTaskRunner tasks;
    private MainWindow window;
    /** JavaFX's CSS logger (kept here: JUL holds loggers weakly), and what it warned about. */
    private final java.util.logging.Logger cssLogger = java.util.logging.Logger.getLogger("javafx.css");
    private final java.util.List<String> cssWarnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.logging.Handler cssHandler = new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord record) {
            cssWarnings.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Start
    void start(Stage stage) {
        cssLogger.addHandler(cssHandler);
        store = Store.open(dir.resolve("data"));
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(turn -> {
            turn.emit(QuestEvent.AgentMessage.text("I renamed the helper and updated its three callers."));
            return new TurnResult.EndTurn();
        }), (goal, summary, round) -> new GoalVerdict(true, "", ""));
        tasks = new FxTaskRunner(2);
        window = new MainWindow(stage, store, engine.parts, tasks, new FxDialogService(() -> stage), false);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        cssLogger.removeHandler(cssHandler);
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS);
        tasks.close();
        engine.close();
        store.close();
    }

    @Test
    void theWindowRendersInBothThemes() throws Exception {
        String id = WaitForAsyncUtils.asyncFx(() -> engine.executor().create(dev.questbench.domain.Quest.create(
                "Rename the helper", "Rename parseDate to parseIsoDate", null, dev.questbench.domain.QuestMode.AGENT,
                dev.questbench.domain.QuestEnvironment.LOCAL, Instant.now())).id()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> store.quests().summary(id).orElseThrow().status() == QuestStatus.READY);
        WaitForAsyncUtils.asyncFx(() -> window.model().openQuest(id)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        for (ThemePreference theme : new ThemePreference[] {ThemePreference.LIGHT, ThemePreference.DARK}) {
            WaitForAsyncUtils.asyncFx(() -> window.model().themeProperty().set(theme)).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            Path file = OUT.resolve("main-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png");
            WaitForAsyncUtils.asyncFx(() -> Snapshots.write(window.stage().getScene(), file))
                    .get(20, TimeUnit.SECONDS);
            BufferedImage image = ImageIO.read(file.toFile());
            assertEquals((int) window.stage().getScene().getWidth(), image.getWidth());
            assertTrue(image.getWidth() >= 900 && image.getHeight() >= 560, image.getWidth() + "x" + image.getHeight());
            assertTrue(distinctColours(image) > 20, "not blank: " + file);
        }
        int light = average(ImageIO.read(OUT.resolve("main-light.png").toFile()));
        int dark = average(ImageIO.read(OUT.resolve("main-dark.png").toFile()));
        assertTrue(light > dark + 60, "the dark theme is darker: " + light + " vs " + dark);
        // Every looked-up colour resolves, from the first CSS pass on (stylesheets added to the scene mid-pass
        // once made 176 of them fail at each start, and cost 200 ms).
        assertEquals(java.util.List.of(), cssWarnings.stream().limit(3).toList(), cssWarnings.size() + " CSS warnings");
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** Mean brightness 0–255 over a grid of pixels. */
    private static int average(BufferedImage image) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 5) {
            for (int x = 0; x < image.getWidth(); x += 5) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                n++;
            }
        }
        return (int) (sum / n);
    }
}
