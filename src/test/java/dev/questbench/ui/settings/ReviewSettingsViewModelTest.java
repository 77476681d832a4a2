package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.review.external.ExternalReviewSettings;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Review on a real store: the URL in settings, the key in the secrets file only. */
class ReviewSettingsViewModelTest {
    @TempDir
    Path dir;
    private Store store;
    private ReviewSettingsViewModel model;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
        model = new ReviewSettingsViewModel(store, new DirectTaskRunner());
        model.load();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void savesTheUrlAndKeyApartAndABlankKeyKeepsTheSavedOne() throws Exception {
        assertTrue(model.loadedProperty().get());
        assertFalse(model.keySavedProperty().get());
        model.baseUrlProperty().set(" https://merge.example.com ");
        model.apiKeyProperty().set("k-123");
        assertTrue(model.validate());
        boolean[] saved = new boolean[1];
        model.save(() -> saved[0] = true);
        assertTrue(saved[0]);
        assertEquals("https://merge.example.com", ExternalReviewSettings.baseUrl(store.settings()));
        assertEquals(Optional.of("k-123"), ExternalReviewSettings.apiKey(store.secrets()));
        assertEquals("", model.apiKeyProperty().get(), "the key is never shown again");
        assertTrue(model.keySavedProperty().get());
        try (var files = Files.walk(dir.resolve("data"))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString()
                    .equals("secrets.json")).toList()) {
                assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("k-123"), "the key leaked into " + file);
            }
        }

        ReviewSettingsViewModel again = new ReviewSettingsViewModel(store, new DirectTaskRunner());
        again.load();
        assertEquals("https://merge.example.com", again.baseUrlProperty().get());
        again.save(() -> { });
        assertEquals(Optional.of("k-123"), ExternalReviewSettings.apiKey(store.secrets()), "blank keeps it");

        again.removeKey();
        again.save(() -> { });
        assertEquals(Optional.empty(), ExternalReviewSettings.apiKey(store.secrets()));
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedWithWhatToWrite() {
        model.baseUrlProperty().set("merge.example.com");
        assertFalse(model.validate());
        assertTrue(model.problemProperty().get().contains("http://"), model.problemProperty().get());
        model.baseUrlProperty().set("");
        assertTrue(model.validate(), "blank turns the external reviewer off");
    }
}
