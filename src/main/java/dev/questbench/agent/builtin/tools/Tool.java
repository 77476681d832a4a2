package dev.questbench.agent.builtin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One tool the built-in agent offers the model, with the Cloud toolset name and parameter names. */
public interface Tool {

    /** The runtime name, e.g. {@code Read}. */
    String name();

    /** What the model reads to decide when to use it. */
    String description();

    /** JSON Schema of the input object. */
    ObjectNode inputSchema();

    /** True when it never changes anything (reads may run without asking in the default mode). */
    boolean readOnly();

    /**
     * Runs the tool. Problems the model should see and can fix (missing file, non-unique {@code old_string},
     * path outside the workspace) are thrown as {@link ToolException}; the message goes to the model as an error
     * result.
     */
    ToolOutput run(JsonNode input, ToolContext context) throws ToolException;
}
