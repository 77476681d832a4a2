package dev.questbench.llm;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;

/** Makes clients for provider configs; all share one HTTP connection pool. */
public final class ModelClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Created on first use; clients derive their own read timeouts from it and share its pool. */
    private static final class Shared {
        static final OkHttpClient HTTP = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(RetryPolicy.DEFAULT.idleTimeout())
                .writeTimeout(Duration.ofSeconds(60))
                .build();
    }

    private ModelClients() {
    }

    public static ModelClient create(ProviderConfig config) {
        return create(config, RetryPolicy.DEFAULT);
    }

    public static ModelClient create(ProviderConfig config, RetryPolicy retry) {
        return create(config, retry, Sleeper.REAL, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** For tests: a sleeper that need not sleep, a fixed clock and a fixed jitter. */
    static ModelClient create(ProviderConfig config, RetryPolicy retry, Sleeper sleeper, Clock clock,
                              DoubleSupplier random) {
        Objects.requireNonNull(config, "config");
        RetryPolicy policy = retry == null ? RetryPolicy.DEFAULT : retry;
        return switch (config.kind()) {
            case OPENAI -> new OpenAiClient(config, policy, Shared.HTTP, sleeper, clock, random);
            case ANTHROPIC -> new AnthropicClient(config, policy, Shared.HTTP, sleeper, clock, random);
        };
    }
}
