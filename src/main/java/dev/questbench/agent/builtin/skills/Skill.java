package dev.questbench.agent.builtin.skills;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One skill: a folder holding {@code SKILL.md}, whose frontmatter names and describes it and whose body the agent
 * reads when the skill applies.
 *
 * @param name        the {@code name} from the frontmatter (the folder's name when there is none)
 * @param description when to use it, shown to the model in the system prompt
 * @param body        the instructions after the frontmatter
 * @param folder      the skill's folder (its scripts and references live there)
 * @param source      where it was found: {@code project} or {@code user}
 */
public record Skill(String name, String description, String body, Path folder, String source) {
    public Skill {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        body = body == null ? "" : body;
    }

    /** What the agent reads when it loads the skill: where it lives, then the instructions. */
    public String instructions(String arguments) {
        StringBuilder out = new StringBuilder("# Skill: ").append(name).append('\n')
                .append("Base directory for this skill: ").append(folder).append("\n\n").append(body.strip());
        if (arguments != null && !arguments.isBlank()) {
            out.append("\n\nARGUMENTS: ").append(arguments.strip());
        }
        return out.toString();
    }
}
