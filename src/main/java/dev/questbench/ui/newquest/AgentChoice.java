package dev.questbench.ui.newquest;

import dev.questbench.agent.acp.AcpBackend;
import dev.questbench.domain.Quest;

/** An entry of the agent picker: the built-in agent, or an ACP agent from Settings → Agents by name. */
public record AgentChoice(String label, String backend) {
    static final AgentChoice BUILTIN = new AgentChoice("Built-in agent", Quest.BUILTIN_BACKEND);

    static AgentChoice acp(String presetName) {
        return new AgentChoice(presetName, AcpBackend.backendId(presetName));
    }

    /** The built-in agent: the only one whose model and provider the form chooses. */
    public boolean builtin() {
        return Quest.BUILTIN_BACKEND.equals(backend);
    }

    @Override
    public String toString() {
        return label;
    }
}
