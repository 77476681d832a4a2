package dev.questbench.agent.builtin.tools;

import dev.questbench.workspace.files.GlobRegex;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * File globs for Glob and Grep, compiled with {@link GlobRegex}; an invalid glob becomes a message for the model.
 */
final class GlobPattern {
    private GlobPattern() {
    }

    /** A file glob as used by Glob and Grep's {@code glob}; {@code src/**} also matches {@code src} itself. */
    static Pattern compile(String glob) throws ToolException {
        try {
            return Pattern.compile(GlobRegex.toRegex(glob, true));
        } catch (PatternSyntaxException e) {
            throw new ToolException("The glob '" + glob + "' is not valid: " + e.getDescription() + ".");
        }
    }
}
