package dev.questbench.agent.builtin.tools;

import java.util.List;

/** The built-in agent's file, search, shell and web tools. */
public final class Tools {
    private Tools() {
    }

    /** Read, Write, Edit, Glob, Grep, Bash, WebFetch. */
    public static List<Tool> standard() {
        return List.of(new ReadTool(), new WriteTool(), new EditTool(), new GlobTool(), new GrepTool(), new BashTool(),
                new WebFetchTool());
    }
}
