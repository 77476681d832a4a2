package dev.questbench.ui.composer;

import java.util.List;
import java.util.Locale;

/**
 * What the composer's text asks for: a plain message, {@code /goal <outcome>}, {@code /schedule <when> <what>},
 * {@code /spec <request>}, {@code /review}, {@code /compact}, {@code /clear}, or a custom command of the workspace
 * (sent as its expanded Markdown body).
 */
sealed interface ComposerCommand {

    record Message(String text) implements ComposerCommand {
    }

    record Goal(String outcome) implements ComposerCommand {
    }

    /** The whole {@code /schedule …} text, for the scheduler's parser. */
    record ScheduleRun(String text) implements ComposerCommand {
    }

    /** {@code /spec <request>}: the agent writes a spec for the request and waits for Build. */
    record Spec(String request) implements ComposerCommand {
    }

    /** {@code /review}: run the AI review on the last turn's changes. */
    record Review() implements ComposerCommand {
    }

    /** {@code /compact}: summarise the conversation before the next model call. */
    record Compact() implements ComposerCommand {
    }

    /** {@code /clear}: the agent starts from a fresh context. */
    record Clear() implements ComposerCommand {
    }

    /** A command the user wrote as Markdown: what the agent receives. */
    record Custom(String name, String body) implements ComposerCommand {
    }

    /** A command that cannot be sent as typed, with what to write instead. */
    record Invalid(String problem) implements ComposerCommand {
    }

    static ComposerCommand parse(String text) {
        return parse(text, List.of());
    }

    /** @param commands the commands on offer; custom ones among them are expanded */
    static ComposerCommand parse(String text, List<SlashCommand> commands) {
        String stripped = text.strip();
        String lower = stripped.toLowerCase(Locale.ROOT);
        if (isCommand(lower, "/goal")) {
            String outcome = stripped.substring("/goal".length()).strip();
            return outcome.isEmpty()
                    ? new Invalid("Say what the goal is, for example “/goal raise test coverage above 80%”.")
                    : new Goal(outcome);
        }
        if (isCommand(lower, "/spec")) {
            String request = stripped.substring("/spec".length()).strip();
            return request.isEmpty()
                    ? new Invalid("Say what the spec is for, for example “/spec add CSV export to the report”.")
                    : new Spec(request);
        }
        if (lower.equals("/review")) {
            return new Review();
        }
        if (lower.equals("/compact")) {
            return new Compact();
        }
        if (lower.equals("/clear")) {
            return new Clear();
        }
        if (isCommand(lower, "/schedule")) {
            return new ScheduleRun(stripped);
        }
        for (SlashCommand command : commands) {
            if (command.kind() == SlashCommand.Kind.CUSTOM && isCommand(lower, "/" + command.name().toLowerCase(
                    Locale.ROOT))) {
                String arguments = stripped.substring(command.name().length() + 1);
                return new Custom(command.name(), command.custom().expand(arguments));
            }
        }
        return new Message(stripped);
    }

    private static boolean isCommand(String lower, String name) {
        return lower.startsWith(name) && (lower.length() == name.length()
                || Character.isWhitespace(lower.charAt(name.length())));
    }
}
