package dev.questbench.ui.composer;

import dev.questbench.domain.Quest;
import dev.questbench.agent.builtin.skills.Skills;
import dev.questbench.workspace.commands.CustomCommands;
import java.nio.file.Path;
import java.util.List;

/**
 * Supplies commands for the composer's {@code /} list for one quest; called off the FX thread. The built-in
 * commands and the workspace's custom commands are sources; an agent backend (ACP) can add its own.
 */
@FunctionalInterface
public interface SlashCommandSource {
    /**
     * @param workspace the quest's folder, or null for a quest bound to no folder
     */
    List<SlashCommand> commands(Quest quest, Path workspace);

    /** The commands Questbench itself understands, with one line each on what they do. */
    SlashCommandSource BUILT_IN = (quest, workspace) -> List.of(
            SlashCommand.builtIn("goal", "Work until an outcome is met: /goal <outcome>"),
            SlashCommand.builtIn("schedule", "Run this quest later or repeatedly: /schedule <when> <what>"),
            SlashCommand.builtIn("spec", "Write a spec first and wait for Build: /spec <request>"),
            SlashCommand.builtIn("review", "Review the last turn's changes"),
            SlashCommand.builtIn("compact", "Summarise the conversation so far to free context"),
            SlashCommand.builtIn("clear", "Start a fresh context; the transcript stays"));

    /** Markdown commands in the workspace's {@code .qoder/commands} and {@code .claude/commands}. */
    SlashCommandSource WORKSPACE = (quest, workspace) -> workspace == null ? List.of()
            : CustomCommands.read(workspace).stream().map(SlashCommand::custom).toList();

    /** The enabled skills of the workspace and the user, as {@code /name}, for quests of the built-in agent. */
    static SlashCommandSource skills(dev.questbench.store.Settings settings, Path home) {
        return (quest, workspace) -> {
            if (!Quest.BUILTIN_BACKEND.equals(quest.backend())) {
                return List.of();
            }
            List<String> disabled = List.of(settings.get(dev.questbench.agent.builtin.AgentSettings.DISABLED_SKILLS));
            return Skills.enabled(Skills.discover(workspace, home), disabled).stream()
                    .map(skill -> SlashCommand.agent(skill.name(), skill.description().isBlank()
                            ? "Skill from " + skill.folder() : skill.description())).toList();
        };
    }
}
