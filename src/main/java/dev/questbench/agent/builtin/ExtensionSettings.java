package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.mcp.McpTokens;
import dev.questbench.store.SecretStore;
import dev.questbench.store.Settings;
import java.util.List;

/**
 * The app settings the built-in agent's extensions read when a session opens.
 *
 * @param disabledSkills names of skills switched off in Settings → Skills
 * @param mcpServers     the {@code mcpServers} object of Settings → MCP, or null
 * @param experts        per-role overrides for Experts mode ({@code {"QA": {"model": …, "prompt": …}}}), or null
 * @param mcpTokens      the OAuth tokens of HTTP MCP servers (in {@code secrets.json}), or null
 * @param concurrency    the most subagents one quest runs at once: the global concurrency limit
 * @param sandboxProgram the bubblewrap program experts' commands run in, blank for {@code bwrap} on the PATH
 */
public record ExtensionSettings(List<String> disabledSkills, JsonNode mcpServers, JsonNode experts,
                                McpTokens mcpTokens, int concurrency, String sandboxProgram) {
    public static final ExtensionSettings NONE = new ExtensionSettings(List.of(), null, null);

    public ExtensionSettings {
        disabledSkills = disabledSkills == null ? List.of() : List.copyOf(disabledSkills);
        concurrency = Math.max(1, concurrency);
        sandboxProgram = sandboxProgram == null ? "" : sandboxProgram.strip();
    }

    public ExtensionSettings(List<String> disabledSkills, JsonNode mcpServers, JsonNode experts) {
        this(disabledSkills, mcpServers, experts, null, AgentSettings.CONCURRENCY.defaultValue(), "");
    }

    static ExtensionSettings read(Settings settings, SecretStore secrets) {
        return new ExtensionSettings(List.of(settings.get(AgentSettings.DISABLED_SKILLS)),
                settings.get(AgentSettings.MCP_SERVERS), settings.get(AgentSettings.EXPERTS), new McpTokens(secrets),
                settings.get(AgentSettings.CONCURRENCY), settings.get(AgentSettings.SANDBOX_PROGRAM));
    }
}
