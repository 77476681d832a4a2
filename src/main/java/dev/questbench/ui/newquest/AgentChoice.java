package dev.questbench.ui.newquest;

import dev.questbench.agent.acp.AcpBackend;
import dev.questbench.agent.cloud.CloudBackend;
import dev.questbench.agent.webhook.WebhookBackend;
import dev.questbench.domain.Quest;

/** An entry of the agent picker: the built-in agent, an ACP or webhook agent from Settings → Agents, or Cloud. */
public record AgentChoice(String label, String backend) {
    static final AgentChoice BUILTIN = new AgentChoice("Built-in agent", Quest.BUILTIN_BACKEND);

    static final AgentChoice CLOUD = new AgentChoice("Cloud Agents (remote)", CloudBackend.KIND);

    static AgentChoice webhook(String presetName) {
        return new AgentChoice(presetName + " (webhook)", WebhookBackend.backendId(presetName));
    }

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
