package dev.questbench.review.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.store.SecretStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Qodo Merge key lives in the secrets file, never in Settings. */
class ExternalReviewSettingsTest {
    @TempDir
    Path dataDir;

    @Test
    void savesReadsAndRemovesTheKey() {
        SecretStore secrets = new SecretStore(dataDir);

        ExternalReviewSettings.saveApiKey(secrets, "  qodo-123 ");
        assertEquals(Optional.of("qodo-123"), ExternalReviewSettings.apiKey(new SecretStore(dataDir)));
        assertEquals(Optional.of("qodo-123"), secrets.get("qodo.apiKey"));

        ExternalReviewSettings.saveApiKey(secrets, " ");
        assertTrue(ExternalReviewSettings.apiKey(secrets).isEmpty());
    }
}
