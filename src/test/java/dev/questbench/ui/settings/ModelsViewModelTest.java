package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.builtin.ProviderEntry;
import dev.questbench.agent.builtin.ProviderRegistry;
import dev.questbench.llm.ProviderKind;
import dev.questbench.store.SecretStore;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Models against a real store: providers in the settings, keys only in the secrets file. */
class ModelsViewModelTest {
    private static final String KEY = "sk-test-7f3a9c1e";

    @TempDir
    Path dir;
    private Store store;
    private final AnsweringDialogs dialogs = new AnsweringDialogs();

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ModelsViewModel model(Map<String, String> env) {
        BuiltinAgent agent = new BuiltinAgent(store, env, dir.resolve("home"), BuiltinAgent.Overrides.NONE);
        ModelsViewModel model = new ModelsViewModel(agent, store.secrets(), new DirectTaskRunner(), dialogs,
                env::get);
        model.load();
        return model;
    }

    private ProviderRegistry registry() {
        return new ProviderRegistry(store.settings(), store.secrets(), Map.of());
    }

    @Test
    void withNothingConfiguredTheBannerSaysQuestsUseOllama() {
        ModelsViewModel model = model(Map.of());
        assertTrue(model.loadedProperty().get());
        assertTrue(model.providers().isEmpty());
        assertNull(model.usedByDefaultProperty().get());
        assertEquals("No provider is configured: quests use Ollama at http://localhost:11434/v1. Start Ollama "
                + "(`ollama serve`) or add a provider.", model.bannerProperty().get());

        model.add();
        assertEquals("", model.bannerProperty().get(), "a provider being added is used by default");
        assertSame(model.providers().get(0), model.usedByDefaultProperty().get());
    }

    @Test
    void providersFromTheEnvironmentAreShownReadOnlyAndNeverSaved() {
        ModelsViewModel model = model(Map.of("ANTHROPIC_API_KEY", "sk-ant-env"));
        assertEquals(1, model.providers().size());
        ProviderForm anthropic = model.providers().get(0);
        assertTrue(anthropic.fromEnvironment());
        assertEquals("anthropic", anthropic.nameProperty().get());
        assertEquals(ProviderKind.ANTHROPIC, anthropic.kindProperty().get());
        assertEquals("•••• from the environment", anthropic.keyStatusProperty().get());
        assertEquals("", model.bannerProperty().get());
        assertFalse(model.canEditProperty().get());

        model.remove();
        assertEquals(0, dialogs.confirmations, "an environment provider cannot be removed");
        model.add();
        assertEquals(0, model.providers().indexOf(model.selectedProperty().get()), "saved ones come first");
        model.save(() -> { });
        assertEquals(List.of("provider"), registry().saved().stream().map(ProviderEntry::name).toList());
    }

    @Test
    void aNewProviderIsSavedWithItsKeyInTheSecretsFileOnly() throws IOException {
        ModelsViewModel model = model(Map.of());
        model.add();
        ProviderForm form = model.selectedProperty().get();
        form.nameProperty().set("work-vllm");
        form.applyPreset(ProviderPreset.OPENROUTER);
        form.newKeyProperty().set("  " + KEY + "\n");
        form.modelProperty().set("qwen/qwen3-coder");
        form.contextWindowProperty().set("131072");
        form.headersProperty().set("HTTP-Referer: https://questbench.dev\n\nX-Title: Questbench");
        assertEquals("the key is saved on Save", form.keyStatusProperty().get());
        boolean[] saved = {false};
        model.save(() -> saved[0] = true);

        assertTrue(saved[0]);
        assertEquals(List.of(new ProviderEntry("work-vllm", ProviderKind.OPENAI, "https://openrouter.ai/api/v1",
                "qwen/qwen3-coder", 131072, Map.of("HTTP-Referer", "https://questbench.dev", "X-Title", "Questbench"),
                null)), registry().saved());
        assertEquals(KEY, store.secrets().get(ProviderRegistry.secretKey("work-vllm")).orElseThrow(),
                "the key is stripped of the paste's spaces");
        assertFalse(store.settings().raw("models.providers").orElseThrow().contains(KEY));
        assertKeyOnlyInSecretsFile(KEY);

        ModelsViewModel reopened = model(Map.of());
        ProviderForm shown = reopened.providers().get(0);
        assertEquals("•••• saved", shown.keyStatusProperty().get());
        assertEquals("", shown.newKeyProperty().get(), "the saved key is never shown");
        assertEquals("131072", shown.contextWindowProperty().get());
    }

    @Test
    void invalidFieldsAreExplainedAndNothingIsSaved() {
        ModelsViewModel model = model(Map.of());
        model.add();
        model.add();
        ProviderForm first = model.providers().get(0);
        ProviderForm second = model.providers().get(1);
        second.nameProperty().set("PROVIDER");
        assertEquals("Another provider is already called 'PROVIDER'. Pick a different name.",
                second.nameErrorProperty().get(), "names are checked as they are typed");
        second.nameProperty().set("second");
        assertNull(second.nameErrorProperty().get());

        first.baseUrlProperty().set("ftp://example.com/v1");
        first.contextWindowProperty().set("-5");
        first.headersProperty().set("Authorization Bearer x");
        first.apiKeyEnvProperty().set("MY-KEY");
        assertFalse(model.validate());
        assertEquals("The base URL must start with http:// or https://.", first.baseUrlErrorProperty().get());
        assertTrue(first.contextWindowErrorProperty().get().contains("whole number of tokens"));
        assertTrue(first.headersErrorProperty().get().startsWith("Header line 1 'Authorization Bearer x'"));
        assertTrue(first.apiKeyEnvErrorProperty().get().contains("not an environment variable name"));
        assertSame(first, model.selectedProperty().get(), "the provider with the problem is selected");
        assertEquals("Provider 'provider': The base URL must start with http:// or https://.",
                model.problemProperty().get());

        first.nameProperty().set(" ");
        model.save(() -> { throw new AssertionError("must not save"); });
        assertEquals("Enter a name, such as ollama or work-vllm.", first.nameErrorProperty().get());
        assertTrue(registry().saved().isEmpty());
    }

    @Test
    void aRenamedProviderKeepsItsKeyAndARemovedOneLosesIt() throws IOException {
        registry().save(List.of(entry("old")));
        registry().saveKey("old", KEY);
        ModelsViewModel model = model(Map.of());
        ProviderForm form = model.providers().get(0);
        assertEquals("•••• saved", form.keyStatusProperty().get());
        form.nameProperty().set("new");
        model.save(() -> { });
        assertEquals(KEY, store.secrets().get(ProviderRegistry.secretKey("new")).orElseThrow());
        assertTrue(store.secrets().get(ProviderRegistry.secretKey("old")).isEmpty());

        dialogs.confirmAnswer = false;
        model.remove();
        assertEquals(1, model.providers().size(), "declined");
        dialogs.confirmAnswer = true;
        model.remove();
        assertEquals(2, dialogs.confirmations);
        assertTrue(model.providers().isEmpty());
        model.save(() -> { });
        assertTrue(registry().saved().isEmpty());
        assertTrue(store.secrets().get(ProviderRegistry.secretKey("new")).isEmpty());
        assertFalse(Files.readString(store.secrets().file()).contains(KEY));
    }

    @Test
    void clearingTheKeyRemovesItOnSave() {
        registry().save(List.of(entry("local")));
        registry().saveKey("local", KEY);
        ModelsViewModel model = model(Map.of());
        ProviderForm form = model.providers().get(0);
        form.clearKey();
        assertEquals("the saved key is removed on Save", form.keyStatusProperty().get());
        model.save(() -> { });
        assertTrue(store.secrets().get(ProviderRegistry.secretKey("local")).isEmpty());
        assertEquals("no key saved", model.providers().get(0).keyStatusProperty().get());
    }

    @Test
    void makeDefaultChoosesTheProviderQuestsUseAndFollowsARename() {
        registry().save(List.of(entry("first"), entry("second")));
        ModelsViewModel model = model(Map.of("OPENAI_API_KEY", "sk-env"));
        assertEquals(3, model.providers().size());
        assertEquals("first", model.usedByDefaultProperty().get().nameProperty().get(), "the first by default");

        model.selectedProperty().set(model.providers().get(1));
        assertTrue(model.canMakeDefaultProperty().get());
        model.makeDefault();
        assertFalse(model.canMakeDefaultProperty().get());
        model.providers().get(1).nameProperty().set("chosen");
        model.save(() -> { });
        assertEquals("chosen", registry().defaultName().orElseThrow());
        assertEquals("chosen", registry().resolve(null).config().name());
        assertEquals("chosen", model.usedByDefaultProperty().get().nameProperty().get());

        ProviderForm environment = model.providers().get(2);
        model.selectedProperty().set(environment);
        model.makeDefault();
        model.save(() -> { });
        assertEquals("openai", registry().defaultName().orElseThrow(), "an environment provider can be the default");

        model.selectedProperty().set(model.providers().get(0));
        dialogs.confirmAnswer = true;
        model.makeDefault();
        model.remove();
        assertNull(model.defaultProviderProperty().get());
        model.save(() -> { });
        assertTrue(registry().defaultName().isEmpty(), "the removed default is forgotten");
    }

    @Test
    void withoutTheBuiltInAgentThePageSaysSo() {
        ModelsViewModel model = new ModelsViewModel(null, null, new DirectTaskRunner(), dialogs);
        model.load();
        assertFalse(model.available());
        assertTrue(model.loadedProperty().get());
        model.add();
        assertTrue(model.providers().isEmpty());
        boolean[] saved = {false};
        model.save(() -> saved[0] = true);
        assertTrue(saved[0], "Save goes on to the other pages");
    }

    private static ProviderEntry entry(String name) {
        return new ProviderEntry(name, ProviderKind.OPENAI, "http://localhost:11434/v1", "llama3.1", 0, Map.of(),
                null);
    }

    /** The key is nowhere in the data folder (database, WAL, journals) but the secrets file. */
    private void assertKeyOnlyInSecretsFile(String key) throws IOException {
        Path data = dir.resolve("data");
        byte[] needle = key.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                boolean secrets = file.getFileName().toString().equals(SecretStore.FILE_NAME);
                assertEquals(secrets, contains(Files.readAllBytes(file), needle), file.toString());
            }
        }
        assertNotNull(store.secrets().file());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
