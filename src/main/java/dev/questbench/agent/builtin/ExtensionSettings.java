package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.store.Settings;
import java.util.List;

/**
 * The app settings the built-in agent's extensions read when a session opens.
 *
 * @param disabledSkills names of skills switched off in Settings → Skills
 * @param mcpServers     the {@code mcpServers} object of Settings → MCP, or null
 * @param experts        per-role overrides for Experts mode ({@code {"QA": {"model": …, "prompt": …}}}), or null
 * @param concurrency    the most subagents one quest runs at once: the global concurrency limit
 * @param sandboxProgram the bubblewrap program experts' commands run in, blank for {@code bwrap} on the PATH
 */
public record ExtensionSettings(List<String> disabledSkills, JsonNode mcpServers, JsonNode experts, int concurrency,
                                String sandboxProgram) {
    public static final ExtensionSettings NONE = new ExtensionSettings(List.of(), null, null);

    public ExtensionSettings {
        disabledSkills = disabledSkills == null ? List.of() : List.copyOf(disabledSkills);
        concurrency = Math.max(1, concurrency);
        sandboxProgram = sandboxProgram == null ? "" : sandboxProgram.strip();
    }

    public ExtensionSettings(List<String> disabledSkills, JsonNode mcpServers, JsonNode experts) {
        this(disabledSkills, mcpServers, experts, AgentSettings.CONCURRENCY.defaultValue(), "");
    }

    static ExtensionSettings read(Settings settings) {
        return new ExtensionSettings(List.of(settings.get(AgentSettings.DISABLED_SKILLS)),
                settings.get(AgentSettings.MCP_SERVERS), settings.get(AgentSettings.EXPERTS),
                settings.get(AgentSettings.CONCURRENCY), settings.get(AgentSettings.SANDBOX_PROGRAM));
    }
}
