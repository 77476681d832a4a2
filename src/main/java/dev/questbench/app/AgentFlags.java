package dev.questbench.app;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.domain.PermissionMode;
import java.util.Set;

/** The agent options {@code run} and {@code serve} share: --provider, --base-url, --model, --permission-mode. */
final class AgentFlags {
    private static final Set<String> NAMES = Set.of("--provider", "--base-url", "--model", "--permission-mode");

    String provider;
    String baseUrl;
    String model;
    PermissionMode mode = PermissionMode.DEFAULT;

    static boolean takes(String option) {
        return NAMES.contains(option);
    }

    /** Records one option's value; throws {@link CommandLine.UsageException} for a bad permission mode. */
    void accept(String option, String value) {
        switch (option) {
            case "--provider" -> provider = value;
            case "--base-url" -> baseUrl = value;
            case "--model" -> model = value;
            case "--permission-mode" -> {
                try {
                    mode = PermissionMode.fromWire(value);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.UsageException("--permission-mode must be default, acceptEdits, plan "
                            + "or bypassPermissions, not '" + value + "'.");
                }
            }
            default -> throw new IllegalArgumentException(option);
        }
    }

    /** Checks the combination once all options are read. */
    void check() {
        if (provider != null && baseUrl != null) {
            throw new CommandLine.UsageException("Give --provider or --base-url, not both.");
        }
        if (baseUrl != null && model == null) {
            throw new CommandLine.UsageException("--base-url needs --model too, e.g. --model llama3.1.");
        }
    }

    BuiltinAgent.Overrides overrides() {
        return new BuiltinAgent.Overrides(provider, baseUrl, model);
    }
}
