package dev.questbench.agent.builtin.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.ToolOutput;
import java.util.List;

/** The {@code Skill} tool: loads one skill's instructions into the conversation when the model decides it applies. */
public final class SkillTool implements Tool {
    public static final String NAME = "Skill";
    private final List<Skill> skills;

    public SkillTool(List<Skill> skills) {
        this.skills = List.copyOf(skills);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Load a skill's instructions (the skills are listed in the system prompt under # Skills). Call it as "
                + "soon as a task matches a skill's description, before doing the work, then follow what it says.";
    }

    @Override
    public ObjectNode inputSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("skill").put("type", "string").put("description", "The skill's name");
        properties.putObject("args").put("type", "string").put("description", "Optional arguments for the skill");
        schema.putArray("required").add("skill");
        schema.put("additionalProperties", false);
        return schema;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolOutput run(JsonNode input, ToolContext context) throws ToolException {
        String name = input == null ? "" : input.path("skill").asText("");
        if (name.isBlank()) {
            throw new ToolException("Missing required parameter 'skill'.");
        }
        Skill skill = Skills.named(skills, name).orElseThrow(() -> new ToolException("There is no skill named '"
                + name + "'. Available skills: " + String.join(", ", skills.stream().map(Skill::name).toList())
                + "."));
        return ToolOutput.ok(skill.instructions(input.path("args").asText("")));
    }
}
