package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.agent.builtin.permission.PermissionRule.Behavior;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Agent against a real store. */
class AgentViewModelTest {
    private static final String HOOKS = "{\"PostToolUse\": [{\"matcher\": \"Edit|Write\", \"hooks\": "
            + "[{\"type\": \"command\", \"command\": \"npm run lint\"}]}]}";

    @TempDir
    Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = Store.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AgentViewModel model() {
        AgentViewModel model = new AgentViewModel(store.settings(), new DirectTaskRunner(),
                () -> "bubblewrap found at /usr/bin/bwrap: commands can run sandboxed");
        model.load();
        return model;
    }

    @Test
    void aFreshStoreShowsTheDefaults() {
        AgentViewModel model = model();
        assertTrue(model.loadedProperty().get());
        assertEquals(100, model.stepLimitProperty().get());
        assertTrue(model.networkProperty().get());
        assertFalse(model.sandboxProperty().get());
        assertEquals(60, model.hookTimeoutProperty().get());
        assertEquals("", model.rulesProperty(Behavior.ALLOW).get());
        assertEquals("", model.hooksProperty().get());
        assertEquals("bubblewrap found at /usr/bin/bwrap: commands can run sandboxed",
                model.sandboxStatusProperty().get());
    }

    @Test
    void everySettingSurvivesSaveAndReload() {
        AgentViewModel model = model();
        model.stepLimitProperty().set(40);
        model.networkProperty().set(false);
        model.sandboxProperty().set(true);
        model.rulesProperty(Behavior.ALLOW).set("Bash(npm run test:*)\n\n  Read  \n");
        model.rulesProperty(Behavior.ASK).set("Bash(git push:*)");
        model.rulesProperty(Behavior.DENY).set("Read(./.env)");
        model.hooksProperty().set(HOOKS);
        model.hookTimeoutProperty().set(15);
        boolean[] saved = {false};
        model.save(() -> saved[0] = true);

        assertTrue(saved[0]);
        assertEquals(40, store.settings().get(AgentSettings.STEP_LIMIT));
        assertFalse(store.settings().get(AgentSettings.NETWORK));
        assertTrue(store.settings().get(AgentSettings.SANDBOX));
        assertEquals(new AgentSettings.Rules(List.of("Bash(npm run test:*)", "Read"), List.of("Bash(git push:*)"),
                List.of("Read(./.env)")), store.settings().get(AgentSettings.RULES), "one rule per non-blank line");
        JsonNode hooks = store.settings().get(AgentSettings.HOOKS);
        assertEquals("npm run lint", hooks.at("/PostToolUse/0/hooks/0/command").asText());
        assertEquals(15, store.settings().get(AgentSettings.HOOK_TIMEOUT));

        AgentViewModel reopened = model();
        assertEquals(40, reopened.stepLimitProperty().get());
        assertFalse(reopened.networkProperty().get());
        assertTrue(reopened.sandboxProperty().get());
        assertEquals("Bash(npm run test:*)\nRead", reopened.rulesProperty(Behavior.ALLOW).get());
        assertTrue(reopened.hooksProperty().get().contains("\"command\" : \"npm run lint\""),
                "hooks are shown indented");
        assertEquals(15, reopened.hookTimeoutProperty().get());

        reopened.hooksProperty().set("  ");
        reopened.save(() -> { });
        assertNull(store.settings().get(AgentSettings.HOOKS), "blank hooks remove them");
    }

    @Test
    void aBadRuleIsShownWithItsLineAndNothingIsSaved() {
        AgentViewModel model = model();
        model.rulesProperty(Behavior.ASK).set("Bash(git push:*)\nBash(git commit\n\nEdit()");
        String error = model.rulesErrorProperty(Behavior.ASK).get();
        assertTrue(error.startsWith("Line 2: permission rule 'Bash(git commit' must end with ')'"), error);
        assertTrue(error.contains("\nLine 4: permission rule 'Edit()' has empty parentheses"), error);
        assertNull(model.rulesErrorProperty(Behavior.ALLOW).get());

        model.stepLimitProperty().set(7);
        model.save(() -> { throw new AssertionError("must not save"); });
        assertEquals("Fix the marked lines in Ask rules before saving.", model.problemProperty().get());
        assertEquals(AgentSettings.Rules.NONE, store.settings().get(AgentSettings.RULES));
        assertEquals(100, store.settings().get(AgentSettings.STEP_LIMIT), "nothing is stored while a rule is bad");

        model.rulesProperty(Behavior.ASK).set("Bash(git push:*)");
        assertTrue(model.validate());
        assertNull(model.problemProperty().get());
    }

    @Test
    void hooksMustBeAJsonObjectInTheHooksFormat() {
        AgentViewModel model = model();
        model.hooksProperty().set("{\"PreToolUse\": [");
        assertTrue(model.hooksErrorProperty().get().startsWith("The hooks are not valid JSON (line 1, column"),
                model.hooksErrorProperty().get());
        model.hooksProperty().set("[1, 2]");
        assertTrue(model.hooksErrorProperty().get().startsWith("The hooks must be a JSON object"));
        model.hooksProperty().set("{\"PreToolUse\": {\"matcher\": \"Bash\"}}");
        assertEquals("Hooks: hooks.PreToolUse must be a list of matcher groups; it was skipped",
                model.hooksErrorProperty().get());
        assertFalse(model.validate());
        assertEquals("Fix the marked lines in the hooks before saving.", model.problemProperty().get());
        model.hooksProperty().set(HOOKS);
        assertNull(model.hooksErrorProperty().get());
    }

    @Test
    void theRealSandboxCheckSaysWhetherBubblewrapIsThere() {
        AgentViewModel model = new AgentViewModel(store.settings(), new DirectTaskRunner());
        model.load();
        assertTrue(model.sandboxStatusProperty().get().contains("bubblewrap"), model.sandboxStatusProperty().get());
    }
}
