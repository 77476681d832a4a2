package dev.questbench.workspace.commands;

import java.util.Objects;

/**
 * A slash command the user wrote as a Markdown file in {@code .qoder/commands} or {@code .claude/commands}: its
 * name ({@code group:name} for a file in a sub-folder), the frontmatter {@code description}, and the body sent to
 * the agent with {@code $ARGUMENTS} replaced by what follows the command.
 *
 * @param file the workspace-relative file it was read from
 */
public record CustomCommand(String name, String description, String body, String file) {
    public static final String ARGUMENTS = "$ARGUMENTS";

    public CustomCommand {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description.strip();
        body = body == null ? "" : body.strip();
    }

    /** The body to send, with {@code $ARGUMENTS} replaced; arguments a body does not ask for are appended. */
    public String expand(String arguments) {
        String given = arguments == null ? "" : arguments.strip();
        if (body.contains(ARGUMENTS)) {
            return body.replace(ARGUMENTS, given).strip();
        }
        return given.isEmpty() ? body : body + "\n\n" + given;
    }
}
