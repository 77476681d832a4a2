package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Experts on a real store: per-role fields are stored, empty ones left out, and read back. */
class ExpertsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void savesOnlyFilledRolesAndReadsThemBack() {
        try (Store store = Store.open(dir.resolve("data"))) {
            ExpertsViewModel model = new ExpertsViewModel(store.settings(), new DirectTaskRunner());
            model.load();
            assertEquals("", model.modelProperty("QA").get());
            model.modelProperty("QA").set(" qa-model ");
            model.promptProperty("Code Reviewer").set("Focus on security.");
            assertEquals(null, store.settings().get(AgentSettings.EXPERTS), "nothing stored before Save");
            AtomicBoolean saved = new AtomicBoolean();
            model.save(() -> saved.set(true));
            assertTrue(saved.get(), "the dialog goes on once stored");
            JsonNode stored = store.settings().get(AgentSettings.EXPERTS);
            assertEquals("qa-model", stored.get("QA").get("model").asText());
            assertFalse(stored.get("QA").has("prompt"));
            assertEquals("Focus on security.", stored.get("Code Reviewer").get("prompt").asText());
            assertFalse(stored.has("Researcher"));

            ExpertsViewModel again = new ExpertsViewModel(store.settings(), new DirectTaskRunner());
            again.load();
            assertEquals("qa-model", again.modelProperty("QA").get());
            assertEquals("Focus on security.", again.promptProperty("Code Reviewer").get());
        }
    }

    @Test
    void theSandboxProgramMustRunAndIsStoredWithTheRest() throws Exception {
        try (Store store = Store.open(dir.resolve("data"))) {
            ExpertsViewModel model = new ExpertsViewModel(store.settings(), new DirectTaskRunner());
            model.load();
            assertTrue(model.sandboxStatusProperty().get().startsWith("bubblewrap"), "says whether bwrap is there");
            model.sandboxProgramProperty().set(dir.resolve("missing-bwrap").toString());
            assertFalse(model.validate());
            assertTrue(model.problemProperty().get().startsWith("The sandbox program "), model.problemProperty().get());

            java.nio.file.Path program = java.nio.file.Files.writeString(dir.resolve("bwrap"), "#!/bin/sh\n");
            assertTrue(program.toFile().setExecutable(true));
            model.sandboxProgramProperty().set(program.toString());
            assertTrue(model.validate());
            model.save(() -> { });
            assertEquals(program.toString(), store.settings().get(AgentSettings.SANDBOX_PROGRAM));
        }
    }

    @Test
    void tooLongInstructionsAreNotSavedAndSayHowLongTheyMayBe() {
        try (Store store = Store.open(dir.resolve("data"))) {
            ExpertsViewModel model = new ExpertsViewModel(store.settings(), new DirectTaskRunner());
            model.load();
            model.promptProperty("QA").set("x".repeat(ExpertsViewModel.MAX_PROMPT_CHARS + 1));
            assertFalse(model.validate());
            assertEquals("The extra instructions for QA are 10001 characters; shorten them to 10000 at most.",
                    model.problemProperty().get());
            model.promptProperty("QA").set("x".repeat(ExpertsViewModel.MAX_PROMPT_CHARS));
            assertTrue(model.validate());
            assertEquals("", model.problemProperty().get());
        }
    }
}
