package dev.questbench.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.llm.ModelException.Kind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words a user reads when a provider fails, and the provider's own message pulled from its error body. */
class ProviderErrorsTest {
    private static final ProviderConfig OLLAMA = Providers.ollamaDefault(Map.of());
    private static final ProviderConfig VLLM = new ProviderConfig("work-vllm", ProviderKind.OPENAI,
            "http://gpu-box:8000/v1", null, "Qwen/Qwen3-Coder-30B", 0, Map.of());

    @Test
    void pullsTheProvidersMessageFromEachErrorShape() {
        assertEquals("Incorrect API key", ProviderErrors.providerMessage("{\"error\":{\"message\":\"Incorrect API key\"}}"));
        assertEquals("model 'x' not found", ProviderErrors.providerMessage("{\"error\":\"model 'x' not found\"}"));
        assertEquals("Not Found", ProviderErrors.providerMessage("{\"detail\":\"Not Found\"}"));
        assertEquals("[{\"x\":1}]", ProviderErrors.providerMessage("[{\"x\":1}]"));
        assertEquals("upstream timed out", ProviderErrors.providerMessage("  upstream timed out \n"));
        assertEquals("", ProviderErrors.providerMessage("<html><body>502 Bad Gateway</body></html>"));
        assertEquals("", ProviderErrors.providerMessage(null));
    }

    @Test
    void theOllamaHintSaysHowToStartItAndPullTheModel() {
        String advice = ProviderErrors.connectAdvice(OLLAMA);

        assertEquals("Is Ollama running? Start it with `ollama serve`, then `ollama pull llama3.1`, or configure"
                + " another provider in Settings → Models.", advice);
        assertTrue(ProviderErrors.looksLikeOllama(new ProviderConfig("local", ProviderKind.OPENAI,
                "http://10.0.0.5:11434/v1", null, "qwen3", 0, Map.of())), "Ollama's port");
        assertFalse(ProviderErrors.looksLikeOllama(VLLM));
        assertFalse(ProviderErrors.connectAdvice(VLLM).contains("ollama"));
    }

    @Test
    void statusesMapToKindsWithRetryableOnesMarked() {
        ProviderErrors errors = new ProviderErrors(VLLM, Duration.ofSeconds(120));

        assertEquals(Kind.AUTH, errors.fromStatus(403, "", "m").kind());
        assertEquals(Kind.BAD_REQUEST, errors.fromStatus(400, "{\"detail\":\"bad\"}", "m").kind());
        assertEquals(Kind.RATE_LIMITED, errors.fromStatus(429, "", "m").kind());
        assertEquals(Kind.SERVER, errors.fromStatus(529, "", "m").kind());
        assertTrue(errors.fromStatus(502, "", "m").retryable());
        assertFalse(errors.fromStatus(422, "", "m").retryable());
        assertEquals("http://gpu-box:8000/v1 rejected the request (400): bad.",
                errors.fromStatus(400, "{\"detail\":\"bad.\"}", "m").getMessage());
        assertTrue(errors.fromStatus(401, "", "m").getMessage().contains("No key is set."));
        assertTrue(errors.fromListingStatus(404, "").getMessage().contains("usually end in /v1"));
    }

    @Test
    void errorsReportedInTheStreamKeepTheirKind() {
        ProviderErrors errors = new ProviderErrors(VLLM, Duration.ofSeconds(120));

        assertEquals(Kind.RATE_LIMITED, errors.reported(Json.tryParse(
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")).kind());
        assertEquals(Kind.BAD_REQUEST, errors.reported(Json.tryParse(
                "{\"object\":\"error\",\"message\":\"too long\",\"type\":\"BadRequestError\",\"code\":400}")).kind());
        ModelException gateway = errors.reported(Json.tryParse("{\"error\":{\"code\":502,\"message\":\"Provider returned error\"}}"));
        assertEquals(Kind.SERVER, gateway.kind());
        assertEquals(502, gateway.status());
        assertEquals("http://gpu-box:8000/v1 reported an error: Provider returned error", gateway.getMessage());
    }
}
