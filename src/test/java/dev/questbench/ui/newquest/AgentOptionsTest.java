package dev.questbench.ui.newquest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.builtin.ProviderEntry;
import dev.questbench.agent.builtin.ProviderRegistry;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.llm.ProviderKind;
import dev.questbench.llm.Providers;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.ManualTaskRunner;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The New Quest form's Agent row: permission mode (remembered), provider and model, against a real store. */
@Timeout(30)
class AgentOptionsTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;
    private BuiltinAgent agent;

    @BeforeEach
    void openStore() {
        store = Store.open(dir.resolve("data"));
        // The agent works until stopped: the quest is still under way when the test looks, and no model is asked.
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(turn -> {
            turn.sleep(10_000);
            return new TurnResult.EndTurn();
        }), (goal, summary, round) -> new GoalVerdict(true, "", ""));
        agent = new BuiltinAgent(store, Map.of(), dir.resolve("home"), BuiltinAgent.Overrides.NONE);
    }

    @AfterEach
    void closeStore() {
        engine.close();
        store.close();
    }

    @Test
    void theQuestCarriesThePermissionModeProviderAndAnotherModel() {
        saveProviders(new ProviderEntry("work", ProviderKind.OPENAI, "http://localhost:9/v1", "qwen", 0, Map.of(),
                null));
        NewQuestViewModel form = loadedForm(new DirectTaskRunner());
        ModelChoice choice = form.modelChoice();

        form.promptProperty().set("Tidy the build");
        form.permissionModeProperty().set(PermissionMode.ACCEPT_EDITS);
        choice.providerProperty().set(named(choice, "work"));
        assertEquals("qwen", choice.modelProperty().get(), "pre-filled with the provider's default model");
        choice.modelProperty().set("  qwen-coder ");
        Quest quest = create(form);

        assertEquals(PermissionMode.ACCEPT_EDITS, quest.options().permissionMode());
        assertEquals("work", quest.options().provider());
        assertEquals("qwen-coder", quest.model());
        assertEquals(Quest.BUILTIN_BACKEND, quest.backend());
    }

    @Test
    void aModelLeftAtTheProvidersDefaultIsNotStored() {
        saveProviders(new ProviderEntry("work", ProviderKind.OPENAI, "http://localhost:9/v1", "qwen", 0, Map.of(),
                null));
        NewQuestViewModel form = loadedForm(new DirectTaskRunner());
        ModelChoice choice = form.modelChoice();
        choice.providerProperty().set(named(choice, "work"));
        form.promptProperty().set("Named provider, its default model");
        Quest named = create(form);

        NewQuestViewModel second = loadedForm(new DirectTaskRunner());
        assertNull(second.modelChoice().providerProperty().get().name(), "Default is chosen first");
        assertEquals("qwen", second.modelChoice().modelProperty().get());
        second.promptProperty().set("Default provider, its default model");
        Quest byDefault = create(second);

        assertEquals("work", named.options().provider());
        assertNull(named.model(), "equal to the provider's default, so later changes of the default apply");
        assertNull(byDefault.options().provider());
        assertNull(byDefault.model());
    }

    @Test
    void theLastPermissionModeIsRememberedForTheNextQuest() {
        NewQuestViewModel first = loadedForm(new DirectTaskRunner());
        assertEquals(PermissionMode.DEFAULT, first.permissionModeProperty().get());
        first.permissionModeProperty().set(PermissionMode.PLAN);
        first.promptProperty().set("Plan the migration");
        create(first);

        assertEquals("plan", store.settings().get(NewQuestViewModel.LAST_PERMISSION_MODE));
        NewQuestViewModel next = loadedForm(new DirectTaskRunner());
        assertEquals(PermissionMode.PLAN, next.permissionModeProperty().get());
    }

    @Test
    void aModeChosenBeforeTheRememberedOneArrivesIsKept() {
        store.settings().set(NewQuestViewModel.LAST_PERMISSION_MODE, PermissionMode.PLAN.wireName());
        ManualTaskRunner tasks = new ManualTaskRunner();
        NewQuestViewModel form = form(tasks);
        form.load();
        form.permissionModeProperty().set(PermissionMode.ACCEPT_EDITS);
        tasks.completeAll();

        assertEquals(PermissionMode.ACCEPT_EDITS, form.permissionModeProperty().get());
    }

    @Test
    void bypassPermissionsShowsAWarningOnlyWhileChosen() {
        NewQuestViewModel form = loadedForm(new DirectTaskRunner());
        assertEquals("", form.permissionWarningProperty().get());

        form.permissionModeProperty().set(PermissionMode.BYPASS_PERMISSIONS);
        assertEquals(NewQuestViewModel.BYPASS_WARNING, form.permissionWarningProperty().get());

        form.permissionModeProperty().set(PermissionMode.DEFAULT);
        assertEquals("", form.permissionWarningProperty().get());
    }

    @Test
    void withNothingConfiguredTheFormSaysOllamaOnLocalhostIsUsed() {
        NewQuestViewModel form = loadedForm(new DirectTaskRunner());
        ModelChoice choice = form.modelChoice();

        assertEquals(ModelChoice.OLLAMA_HINT, choice.hintProperty().get());
        assertEquals(List.of("Default (ollama · " + Providers.OLLAMA_DEFAULT_MODEL + ")"), labels(choice));
        assertEquals(Providers.OLLAMA_DEFAULT_MODEL, choice.modelProperty().get());
    }

    @Test
    void aSavedProviderBecomesSelectableAndTheHintGoes() {
        saveProviders(new ProviderEntry("work", ProviderKind.OPENAI, "http://localhost:9/v1", "qwen", 0, Map.of(),
                null));
        ModelChoice choice = loadedForm(new DirectTaskRunner()).modelChoice();

        assertEquals(List.of("Default (work · qwen)", "work · qwen"), labels(choice));
        assertEquals("", choice.hintProperty().get());
    }

    @Test
    void theProvidersAreReadInTheBackground() {
        saveProviders(new ProviderEntry("work", ProviderKind.OPENAI, "http://localhost:9/v1", "qwen", 0, Map.of(),
                null));
        ManualTaskRunner tasks = new ManualTaskRunner();
        NewQuestViewModel form = form(tasks);
        form.load();
        assertEquals(List.of(), labels(form.modelChoice()), "nothing is read on the calling (FX) thread");

        tasks.completeAll();
        assertEquals(2, form.modelChoice().providers().size());
    }

    @Test
    void withoutABuiltinAgentThereIsNothingToChooseAndTheQuestUsesTheDefaults() {
        NewQuestViewModel form = new NewQuestViewModel(store, engine.executor(), new DirectTaskRunner(),
                new AnsweringDialogs(), null);
        form.load();
        form.promptProperty().set("No agent to configure");
        Quest quest = create(form);

        assertFalse(form.modelChoice().available());
        assertEquals(List.of(), form.modelChoice().providers());
        assertNull(quest.model());
        assertNull(quest.options().provider());
    }

    @Test
    void listingModelsAsksTheProviderInTheBackgroundAndOffersWhatItSays() throws Exception {
        server.enqueue(json(200, "{\"data\":[{\"id\":\"qwen\"},{\"id\":\"qwen-coder\"},{\"id\":\"llama\"}]}"));
        saveProviders(new ProviderEntry("loopback", ProviderKind.OPENAI, baseUrl(), "qwen", 0, Map.of(), null));
        ManualTaskRunner tasks = new ManualTaskRunner();
        NewQuestViewModel form = form(tasks);
        form.load();
        tasks.completeAll();
        ModelChoice choice = form.modelChoice();
        choice.modelProperty().set("typed-by-hand");

        choice.listModels();
        assertTrue(choice.listingProperty().get());
        assertEquals(List.of("qwen"), choice.models(), "nothing is fetched until the background task runs");
        tasks.completeAll();

        assertFalse(choice.listingProperty().get());
        assertEquals(List.of("qwen", "qwen-coder", "llama"), choice.models());
        assertEquals("typed-by-hand", choice.modelProperty().get(), "listing does not overwrite what was typed");
        assertEquals("", choice.problemProperty().get());
        assertEquals("/v1/models", server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath());
    }

    @Test
    void aFailedListingIsExplainedInline() {
        server.enqueue(json(404, "{\"error\":{\"message\":\"no such route\"}}"));
        saveProviders(new ProviderEntry("loopback", ProviderKind.OPENAI, baseUrl(), "qwen", 0, Map.of(), null));
        ModelChoice choice = loadedForm(new DirectTaskRunner()).modelChoice();

        choice.listModels();

        assertTrue(choice.problemProperty().get().contains("/models was not found (404)"),
                choice.problemProperty().get());
        assertEquals(List.of("qwen"), choice.models());
        assertFalse(choice.listingProperty().get());
    }

    @Test
    void aListingForAProviderNoLongerChosenIsDropped() {
        server.enqueue(json(200, "{\"data\":[{\"id\":\"stale-model\"}]}"));
        saveProviders(new ProviderEntry("loopback", ProviderKind.OPENAI, baseUrl(), "qwen", 0, Map.of(), null),
                new ProviderEntry("other", ProviderKind.OPENAI, "http://localhost:9/v1", "mistral", 0, Map.of(),
                        null));
        ManualTaskRunner tasks = new ManualTaskRunner();
        NewQuestViewModel form = form(tasks);
        form.load();
        tasks.completeAll();
        ModelChoice choice = form.modelChoice();

        choice.listModels();
        choice.providerProperty().set(named(choice, "other"));
        tasks.completeAll();

        assertEquals(List.of("mistral"), choice.models());
        assertEquals("mistral", choice.modelProperty().get());
        assertFalse(choice.listingProperty().get());
    }

    private NewQuestViewModel form(TaskRunner tasks) {
        QuestEngine parts = engine.parts;
        QuestEngine withAgent = new QuestEngine(parts.executor(), parts.goals(), parts.specs(), parts.scheduler(),
                agent);
        return new NewQuestViewModel(store, withAgent, tasks, new AnsweringDialogs(), null);
    }

    @Test
    void anAcpAgentFromSettingsRunsTheQuestWithoutTheBuiltinModel() {
        NewQuestViewModel form = loadedForm(new DirectTaskRunner());
        assertEquals("Built-in agent", form.agents().get(0).label());
        assertTrue(form.agents().stream().anyMatch(choice -> choice.label().equals("gemini")));
        assertFalse(form.agents().stream().anyMatch(choice -> choice.label().equals("custom")),
                "a preset without a command is not offered");
        form.promptProperty().set("Review the README");
        form.agentProperty().set(form.agents().stream().filter(c -> c.label().equals("gemini")).findFirst()
                .orElseThrow());
        Quest quest = create(form);
        assertEquals("acp:gemini", quest.backend());
        assertNull(quest.model());
        assertNull(quest.options().provider());
    }

    private NewQuestViewModel loadedForm(DirectTaskRunner tasks) {
        NewQuestViewModel form = form(tasks);
        form.load();
        return form;
    }

    private Quest create(NewQuestViewModel form) {
        AtomicReference<String> created = new AtomicReference<>();
        form.create(created::set);
        assertNotNull(created.get(), () -> "not created: " + form.problemProperty().get());
        return store.quests().get(created.get()).orElseThrow();
    }

    private void saveProviders(ProviderEntry... entries) {
        new ProviderRegistry(store.settings(), store.secrets(), Map.of()).save(List.of(entries));
    }

    private static ProviderChoice named(ModelChoice choice, String name) {
        return choice.providers().stream().filter(entry -> name.equals(entry.name())).findFirst().orElseThrow();
    }

    private static List<String> labels(ModelChoice choice) {
        return choice.providers().stream().map(ProviderChoice::label).toList();
    }

    private String baseUrl() {
        return server.url("/v1").toString().replaceAll("/$", "");
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }
}
