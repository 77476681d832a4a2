package dev.questbench.agent.builtin.subagents;

import java.util.List;
import java.util.Objects;

/**
 * A subagent the built-in agent can delegate to: its own system prompt, tool subset and optionally model.
 *
 * @param name        what the {@code Agent} tool's {@code subagent_type} names
 * @param description when to use it, shown to the main agent
 * @param tools       the tool names it may use, or null for all standard tools
 * @param model       a model id to use instead of the quest's, or null
 * @param prompt      its system prompt
 * @param source      {@code built-in}, {@code project} or {@code user}
 */
public record Subagent(String name, String description, List<String> tools, String model, String prompt,
                       String source) {
    public Subagent {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        tools = tools == null ? null : List.copyOf(tools);
        model = model == null || model.isBlank() || List.of("inherit", "sonnet", "opus", "haiku").contains(model)
                ? null : model;
        prompt = prompt == null ? "" : prompt;
    }

    /** True when it may use the tool named {@code tool}. */
    public boolean allows(String tool) {
        return tools == null || tools.contains(tool);
    }
}
