package dev.questbench.agent.acp;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON-RPC error: one the peer answered with, or one we answer the peer's request with. */
public final class RpcError extends Exception {
    private static final long serialVersionUID = 1L;
    public static final int INVALID_PARAMS = -32602;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INTERNAL = -32603;
    /** The connection closed before the answer came (the process exited or was stopped). */
    public static final int CLOSED = -32099;
    /** No answer within the allowed time. */
    public static final int TIMEOUT = -32098;

    private final int code;
    private final transient JsonNode data;

    public RpcError(int code, String message) {
        this(code, message, null);
    }

    public RpcError(int code, String message, JsonNode data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    public JsonNode data() {
        return data;
    }
}
