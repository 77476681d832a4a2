package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.store.Setting;
import java.util.List;

/** The built-in agent's settings (Settings → Agent), stored in the database. */
public final class AgentSettings {
    /** Model calls one turn may make before it stops with a note. */
    public static final Setting<Integer> STEP_LIMIT = Setting.of("agent.stepLimit", Integer.class, 100);
    /** WebFetch may reach the network. */
    public static final Setting<Boolean> NETWORK = Setting.of("agent.network", Boolean.class, Boolean.TRUE);
    /** Run Bash commands in a bubblewrap sandbox when bwrap is installed (Linux). */
    public static final Setting<Boolean> SANDBOX = Setting.of("agent.sandbox", Boolean.class, Boolean.FALSE);
    /** Permission rules that apply to every quest, in {@code Tool(pattern)} syntax. */
    public static final Setting<Rules> RULES = Setting.of("agent.permissions", Rules.class, Rules.NONE);
    /** Hooks for every quest, in the {@code hooks} format of {@code .qoder/settings.json}. */
    public static final Setting<JsonNode> HOOKS = Setting.of("agent.hooks", JsonNode.class, null);
    /** Seconds a hook may run when its entry names no timeout. */
    public static final Setting<Integer> HOOK_TIMEOUT = Setting.of("agent.hookTimeoutSeconds", Integer.class, 60);

    /** Names of skills switched off in Settings → Skills (not listed to the model, no {@code /name}). */
    public static final Setting<String[]> DISABLED_SKILLS = Setting.of("agent.skills.disabled", String[].class,
            new String[0]);

    /** MCP servers for every quest, in the {@code mcpServers} format of {@code .mcp.json}. */
    public static final Setting<JsonNode> MCP_SERVERS = Setting.of("agent.mcpServers", JsonNode.class, null);

    /** Experts mode: per-role model and extra instructions, {@code {"QA": {"model": "…", "prompt": "…"}}}. */
    public static final Setting<JsonNode> EXPERTS = Setting.of("agent.experts", JsonNode.class, null);

    /**
     * The bubblewrap program Experts mode runs experts' commands in, or blank for {@code bwrap} on the PATH.
     */
    public static final Setting<String> SANDBOX_PROGRAM = Setting.of("agent.sandboxProgram", String.class, "");

    /**
     * The global concurrency limit (Settings → General): quests running at once, and subagents one quest runs at
     * once. Defined here because the engine, which admits quests, may read the agent's settings but not the reverse.
     */
    public static final Setting<Integer> CONCURRENCY = Setting.of("executor.concurrency", Integer.class, 4);

    private AgentSettings() {
    }

    /** Rule lists as in {@code permissions.allow|ask|deny}. */
    public record Rules(List<String> allow, List<String> ask, List<String> deny) {
        public static final Rules NONE = new Rules(List.of(), List.of(), List.of());

        public Rules {
            allow = allow == null ? List.of() : List.copyOf(allow);
            ask = ask == null ? List.of() : List.copyOf(ask);
            deny = deny == null ? List.of() : List.copyOf(deny);
        }
    }
}
