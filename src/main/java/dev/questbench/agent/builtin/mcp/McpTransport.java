package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Carries JSON-RPC messages to one MCP server and back. */
interface McpTransport extends AutoCloseable {

    /** Sends a request and returns the response object with the same id (result or error). */
    JsonNode request(ObjectNode message) throws IOException;

    /** Sends a notification (no answer). */
    void notify(ObjectNode message) throws IOException;

    /** False once the server went away (its process ended). */
    boolean alive();

    @Override
    void close();
}
