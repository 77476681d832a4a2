package dev.questbench.agent.builtin.subagents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.ToolOutput;
import java.util.List;

/**
 * The {@code Agent} tool the model sees: which subagents exist and what to send them. The session runs the
 * subagents itself (several at once when the model starts several), so {@link #run} is never the way in.
 */
public final class AgentTool implements Tool {
    public static final String NAME = "Agent";
    private final List<Subagent> agents;

    public AgentTool(List<Subagent> agents) {
        this.agents = List.copyOf(agents);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        StringBuilder out = new StringBuilder("Start a subagent on a self-contained task; it works in its own "
                + "context with its own tools and returns its final report as the result. Start several in one "
                + "response to run them in parallel. Subagents cannot ask the user anything. Available subagents:");
        for (Subagent agent : agents) {
            out.append("\n- ").append(agent.name()).append(": ").append(agent.description().strip());
        }
        return out.toString();
    }

    @Override
    public ObjectNode inputSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("subagent_type").put("type", "string").put("description", "The subagent's name");
        properties.putObject("description").put("type", "string").put("description",
                "A short (3-5 word) label for the task");
        properties.putObject("prompt").put("type", "string").put("description",
                "The task, with all the context the subagent needs");
        schema.putArray("required").add("subagent_type").add("prompt");
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Delegating changes nothing itself; each of the subagent's tool uses is judged on its own. */
    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolOutput run(JsonNode input, ToolContext context) throws ToolException {
        throw new ToolException("The Agent tool runs in the session, not as a plain tool.");
    }

    public List<Subagent> agents() {
        return agents;
    }
}
