package dev.questbench.ui.composer;

import java.util.Locale;

/**
 * What the composer's text asks for: a plain message, {@code /goal <outcome>}, {@code /schedule <when> <what>} or
 * {@code /review} (the AI review of the quest's changes).
 */
sealed interface ComposerCommand {

    record Message(String text) implements ComposerCommand {
    }

    record Goal(String outcome) implements ComposerCommand {
    }

    /** The whole {@code /schedule …} text, for the scheduler's parser. */
    record ScheduleRun(String text) implements ComposerCommand {
    }

    /** {@code /review}: run the AI review on the last turn's changes. */
    record Review() implements ComposerCommand {
    }

    /** A command that cannot be sent as typed, with what to write instead. */
    record Invalid(String problem) implements ComposerCommand {
    }

    static ComposerCommand parse(String text) {
        String stripped = text.strip();
        String lower = stripped.toLowerCase(Locale.ROOT);
        if (isCommand(lower, "/goal")) {
            String outcome = stripped.substring("/goal".length()).strip();
            return outcome.isEmpty()
                    ? new Invalid("Say what the goal is, for example “/goal raise test coverage above 80%”.")
                    : new Goal(outcome);
        }
        if (lower.equals("/review")) {
            return new Review();
        }
        if (isCommand(lower, "/schedule")) {
            return new ScheduleRun(stripped);
        }
        return new Message(stripped);
    }

    private static boolean isCommand(String lower, String name) {
        return lower.startsWith(name) && (lower.length() == name.length()
                || Character.isWhitespace(lower.charAt(name.length())));
    }
}
