package dev.questbench.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which providers the environment configures, and how OLLAMA_HOST is read. */
class ProvidersTest {

    @Test
    void nothingSetMeansNoProvidersAndOllamaOnLocalhostAsTheDefault() {
        assertTrue(Providers.fromEnvironment(Map.of("OPENAI_API_KEY", " ", "PATH", "/usr/bin")).isEmpty());
        assertEquals(new ProviderConfig("ollama", ProviderKind.OPENAI, "http://localhost:11434/v1", null, "llama3.1", 0,
                Map.of()), Providers.ollamaDefault(Map.of()));
    }

    @Test
    void everyKeyMakesItsProviderInAFixedOrder() {
        List<ProviderConfig> providers = Providers.fromEnvironment(Map.of(
                "OPENAI_API_KEY", "sk-openai", "ANTHROPIC_API_KEY", "sk-ant", "OLLAMA_HOST", "gpu-box:11434"));

        assertEquals(List.of(
                new ProviderConfig("openai", ProviderKind.OPENAI, "https://api.openai.com/v1", "sk-openai",
                        "gpt-4o-mini", 128_000, Map.of()),
                new ProviderConfig("anthropic", ProviderKind.ANTHROPIC, "https://api.anthropic.com/v1", "sk-ant",
                        "claude-sonnet-4-5", 200_000, Map.of()),
                new ProviderConfig("ollama", ProviderKind.OPENAI, "http://gpu-box:11434/v1", null, "llama3.1", 0,
                        Map.of())), providers);
    }

    @Test
    void anOpenAiBaseUrlAloneConfiguresAKeylessLocalServer() {
        ProviderConfig openai = Providers.fromEnvironment(Map.of("OPENAI_BASE_URL", "http://localhost:1234/v1/"))
                .get(0);

        assertEquals("openai", openai.name());
        assertEquals("http://localhost:1234/v1", openai.baseUrl());
        assertNull(openai.apiKey());
        assertEquals(0, openai.contextWindow(), "an unknown server's window is not guessed");
    }

    @ParameterizedTest
    @CsvSource({
        "localhost:11434, http://localhost:11434/v1",
        "http://gpu-box:11434, http://gpu-box:11434/v1",
        "http://gpu-box:11434/v1, http://gpu-box:11434/v1",
        "http://gpu-box:11434/v1/, http://gpu-box:11434/v1",
        "https://ollama.example.com:443/, https://ollama.example.com:443/v1",
        "0.0.0.0, http://localhost:11434/v1",
        "0.0.0.0:8080, http://localhost:8080/v1",
        "gpu-box, http://gpu-box:11434/v1",
    })
    void readsOllamaHostInEverySpelling(String host, String baseUrl) {
        assertEquals(baseUrl, Providers.ollamaDefault(Map.of("OLLAMA_HOST", host)).baseUrl());
    }
}
