package dev.questbench.ui.composer;

import dev.questbench.workspace.commands.CustomCommand;
import java.util.Objects;

/**
 * One entry of the composer's {@code /} list: a built-in command, a custom command of the workspace (its Markdown
 * body is what gets sent), or a command the quest's agent offers (sent to it as typed).
 *
 * @param custom the workspace command for {@link Kind#CUSTOM}, null otherwise
 */
public record SlashCommand(String name, String description, Kind kind, CustomCommand custom) {
    /** Where a command comes from, which decides what choosing it does. */
    public enum Kind { BUILT_IN, CUSTOM, AGENT }

    public SlashCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
    }

    public static SlashCommand builtIn(String name, String description) {
        return new SlashCommand(name, description, Kind.BUILT_IN, null);
    }

    public static SlashCommand custom(CustomCommand command) {
        String description = command.description().isEmpty() ? "Custom command from " + command.file()
                : command.description();
        return new SlashCommand(command.name(), description, Kind.CUSTOM, command);
    }

    /** A command the agent itself understands (e.g. an ACP agent's), passed on as the typed text. */
    public static SlashCommand agent(String name, String description) {
        return new SlashCommand(name, description, Kind.AGENT, null);
    }
}
