package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The desktop start's background half: a real store and engine, and window work held until the toolkit runs. */
@ExtendWith(ApplicationExtension.class)
class BackgroundStartTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // the toolkit is what FxWhenReady hands work to
    }

    @Test
    void opensTheStoreAndStartsTheEngine() throws Exception {
        BackgroundStart start = new BackgroundStart(dir.resolve("data"));
        start.await();
        try {
            assertNotNull(start.notifier());
            assertTrue(start.store().quests().list(dev.questbench.store.QuestQuery.ALL).isEmpty());
            assertNotNull(start.engine().parts().executor());
        } finally {
            start.engine().close();
            start.store().close();
        }
    }

    @Test
    void aDataFolderThatCannotOpenIsReportedAsTheStoresFailure() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        BackgroundStart start = new BackgroundStart(file);
        assertThrows(StoreException.class, start::await);
        assertNull(start.engine());
    }

    @Test
    void windowWorkWaitsUntilTheToolkitRunsThenRunsOnTheFxThreadInOrder() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        BackgroundStart.FxWhenReady fx = new BackgroundStart.FxWhenReady();
        fx.execute(() -> ran.add("first " + Platform.isFxApplicationThread()));
        fx.execute(() -> ran.add("second " + Platform.isFxApplicationThread()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), ran, "held before the toolkit is declared started");

        fx.open();
        fx.execute(() -> ran.add("third " + Platform.isFxApplicationThread()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ran.size() == 3);
        assertEquals(List.of("first true", "second true", "third true"), ran);
    }
}
