package dev.questbench.agent;

/**
 * One kind of agent (built-in, ACP, Cloud Agents, webhook). The executor opens one session per quest and
 * keeps it while the quest lives in memory.
 */
public interface AgentBackend {

    /** The backend id quests name in {@code Quest.backend()}, e.g. {@code builtin} or {@code acp}. */
    String kind();

    /** Opens a session for a quest; history in the context lets it resume after a restart or a fork. */
    AgentSession open(QuestContext context);
}
