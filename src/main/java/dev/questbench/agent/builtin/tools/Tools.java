package dev.questbench.agent.builtin.tools;

import java.util.List;

/** The file, search, shell and web tools. STUB. */
public final class Tools {
    private Tools() {
    }

    /** Read, Write, Edit, Glob, Grep, Bash, WebFetch. */
    public static List<Tool> standard() {
        throw new UnsupportedOperationException("not yet");
    }
}
