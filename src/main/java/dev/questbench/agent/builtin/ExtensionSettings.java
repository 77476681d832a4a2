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
 */
public record ExtensionSettings(List<String> disabledSkills, JsonNode mcpServers, JsonNode experts,
                                McpTokens mcpTokens) {
    public static final ExtensionSettings NONE = new ExtensionSettings(List.of(), null, null, null);

    public ExtensionSettings {
        disabledSkills = disabledSkills == null ? List.of() : List.copyOf(disabledSkills);
    }

    static ExtensionSettings read(Settings settings, SecretStore secrets) {
        return new ExtensionSettings(List.of(settings.get(AgentSettings.DISABLED_SKILLS)),
                settings.get(AgentSettings.MCP_SERVERS), settings.get(AgentSettings.EXPERTS), new McpTokens(secrets));
    }
}
