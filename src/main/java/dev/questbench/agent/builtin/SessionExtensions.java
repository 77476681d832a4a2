package dev.questbench.agent.builtin;

import dev.questbench.agent.builtin.mcp.ListMcpResourcesTool;
import dev.questbench.agent.builtin.mcp.McpClient;
import dev.questbench.agent.builtin.mcp.McpServers;
import dev.questbench.agent.builtin.mcp.McpTool;
import dev.questbench.agent.builtin.mcp.SharedMcpServers;
import dev.questbench.agent.builtin.skills.Skill;
import dev.questbench.agent.builtin.skills.SkillTool;
import dev.questbench.agent.builtin.skills.Skills;
import dev.questbench.agent.builtin.subagents.AgentTool;
import dev.questbench.agent.builtin.subagents.Experts;
import dev.questbench.agent.builtin.subagents.Subagent;
import dev.questbench.agent.builtin.subagents.Subagents;
import dev.questbench.agent.builtin.tools.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a session adds to its setup's tools from the workspace and the user's folders: the enabled skills (and
 * the {@code Skill} tool when there are any), the subagents (the {@code Agent} tool) and the MCP servers' tools
 * (with the resource tools when a server offers resources).
 *
 * @param skills    the enabled skills, listed in the system prompt
 * @param subagents the subagents the {@code Agent} tool can start
 * @param tools     the setup's tools plus {@code Skill}, {@code Agent} and the MCP servers' tools
 * @param mcp       the quest's MCP servers, started with the session and stopped (shared ones: let go) when it
 *                  closes
 */
record SessionExtensions(List<Skill> skills, List<Subagent> subagents, List<Tool> tools, List<McpClient> mcp)
        implements AutoCloseable {

    /**
     * @param workspace the quest's folder, or null when it has none
     * @param experts   Experts mode: the expert roles join the subagents
     */
    static SessionExtensions load(SessionSetup setup, Path workspace, boolean experts) {
        List<Skill> skills = Skills.enabled(Skills.discover(workspace, setup.home()),
                setup.extensions().disabledSkills());
        List<Subagent> discovered = Subagents.discover(workspace, setup.home());
        List<Subagent> subagents = experts ? Experts.team(discovered, setup.extensions().experts())
                : discovered;
        List<Tool> tools = new ArrayList<>(setup.tools());
        if (!skills.isEmpty()) {
            tools.add(new SkillTool(skills));
        }
        tools.add(new AgentTool(subagents));
        List<McpClient> mcp = McpServers.connect(McpServers.configured(workspace,
                setup.extensions().mcpServers()), workspace, setup.home(), setup.extensions().mcpTokens(),
                SharedMcpServers.app());
        tools.addAll(McpTool.of(mcp));
        tools.addAll(ListMcpResourcesTool.of(mcp));
        return new SessionExtensions(List.copyOf(skills), List.copyOf(subagents), List.copyOf(tools), mcp);
    }

    /** One line per MCP server that did not start, for the quest's context warnings. */
    List<String> mcpProblems() {
        return mcp.stream().filter(client -> !"connected".equals(client.status()))
                .map(client -> "MCP server '" + client.config().name() + "' (" + client.config().source() + ") "
                        + client.status()).toList();
    }

    @Override
    public void close() {
        McpServers.release(mcp, SharedMcpServers.app());
    }
}
