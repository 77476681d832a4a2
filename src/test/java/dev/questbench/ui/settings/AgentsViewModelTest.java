package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.acp.AcpPreset;
import dev.questbench.agent.acp.AcpSettings;
import dev.questbench.agent.acp.AgentPresets;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentsViewModelTest {
    @TempDir
    Path dir;
    private Store store;
    private AgentsViewModel model;

    @BeforeEach
    void setUp() {
        store = Store.open(dir);
        model = new AgentsViewModel(store.settings(), new DirectTaskRunner());
        model.load();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aFreshStoreListsTheReadyAgents() {
        assertEquals(List.of("qoder", "gemini", "claude-code", "codex", "goose", "opencode", "custom"), model.names());
        assertEquals(0, model.selectedProperty().get());
        assertEquals("qodercli --acp", model.commandProperty().get());
    }

    @Test
    void editsOfSeveralPresetsAreAllSaved() {
        model.selectedProperty().set(1);
        model.commandProperty().set("gemini --experimental-acp --yolo");
        model.environmentProperty().set("GEMINI_API_KEY=k1\nnot a pair");
        model.add();
        model.nameProperty().set("mine");
        model.commandProperty().set("'/opt/my agent/bin/agent' --acp");
        model.folderProperty().set("/tmp");
        model.idleTimeoutProperty().set(60);
        model.save(() -> { });

        AgentPresets saved = store.settings().get(AgentPresets.SETTING);
        AcpPreset gemini = saved.find("gemini").orElseThrow();
        assertEquals(List.of("--experimental-acp", "--yolo"), gemini.args());
        assertEquals(Map.of("GEMINI_API_KEY", "k1"), gemini.env());
        AcpPreset mine = saved.find("mine").orElseThrow();
        assertEquals("/opt/my agent/bin/agent", mine.command());
        assertEquals("/tmp", mine.workingDirectory());
        assertEquals(60, store.settings().get(AcpSettings.IDLE_TIMEOUT));
        assertTrue(model.names().contains("mine"));
    }

    @Test
    void duplicateNamesAreRefused() {
        model.selectedProperty().set(1);
        model.nameProperty().set("qoder");
        assertFalse(model.validate());
        assertTrue(model.problemProperty().get().contains("qoder"));
    }

    @Test
    void removeAndResetToDefaults() {
        model.remove();
        assertFalse(model.names().contains("qoder"));
        assertEquals("gemini", model.nameProperty().get());
        model.resetToDefaults();
        assertEquals("qoder", model.names().get(0));
    }
}
