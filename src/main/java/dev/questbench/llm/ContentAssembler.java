package dev.questbench.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the assistant message from stream deltas in arrival order and forwards every delta to the listener.
 * Remembers whether anything reached the listener, because a stream that delivered content is never retried.
 */
final class ContentAssembler {
    private enum Kind { TEXT, THINKING, TOOL_CALL }

    private static final class Block {
        final Kind kind;
        final StringBuilder text = new StringBuilder();
        String signature;
        String id;
        String name;

        Block(Kind kind) {
            this.kind = kind;
        }
    }

    private final StreamListener listener;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<Integer, Block> toolCalls = new HashMap<>();
    private boolean blockClosed;
    private boolean delivered;

    ContentAssembler(StreamListener listener) {
        this.listener = listener;
    }

    void text(String delta) {
        if (delta != null && !delta.isEmpty()) {
            open(Kind.TEXT).text.append(delta);
            delivered = true;
            listener.onTextDelta(delta);
        }
    }

    void thinking(String delta) {
        if (delta != null && !delta.isEmpty()) {
            open(Kind.THINKING).text.append(delta);
            delivered = true;
            listener.onThinkingDelta(delta);
        }
    }

    /** Anthropic's signature for the thinking block being streamed. */
    void thinkingSignature(String signature) {
        if (signature != null && !signature.isEmpty()) {
            Block thinking = open(Kind.THINKING);
            thinking.signature = thinking.signature == null ? signature : thinking.signature + signature;
        }
    }

    /** The next text or thinking delta starts a new part (Anthropic content blocks stay apart). */
    void closeBlock() {
        blockClosed = true;
    }

    /** A piece of tool call {@code index}; id and name reach the listener only the first time they are known. */
    void toolCall(int index, String id, String name, String argumentsDelta) {
        Block call = toolCalls.get(index);
        if (call == null) {
            call = new Block(Kind.TOOL_CALL);
            toolCalls.put(index, call);
            blocks.add(call);
        }
        String newId = null;
        String newName = null;
        if (id != null && !id.isEmpty() && call.id == null) {
            call.id = id;
            newId = id;
        }
        if (name != null && !name.isEmpty() && call.name == null) {
            call.name = name;
            newName = name;
        }
        String arguments = argumentsDelta == null ? "" : argumentsDelta;
        call.text.append(arguments);
        delivered = true;
        listener.onToolCallDelta(index, newId, newName, arguments);
    }

    /** The id tool call {@code index} has so far, or null. */
    String toolCallId(int index) {
        Block call = toolCalls.get(index);
        return call == null ? null : call.id;
    }

    int toolCallCount() {
        return toolCalls.size();
    }

    boolean delivered() {
        return delivered;
    }

    /**
     * The message so far. Tool calls without arguments get {@code {}} and ones without an id (some local servers)
     * get a generated id, so tool results can refer to them.
     */
    List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        for (Block block : blocks) {
            String text = block.text.toString();
            switch (block.kind) {
                case TEXT -> parts.add(new Part.Text(text));
                case THINKING -> parts.add(new Part.Thinking(text, block.signature));
                case TOOL_CALL -> {
                    if (block.id == null) {
                        block.id = "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
                    }
                    parts.add(new Part.ToolCall(block.id, block.name == null ? "" : block.name,
                            text.isBlank() ? "{}" : text));
                }
            }
        }
        return parts;
    }

    private Block open(Kind kind) {
        Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        if (last == null || last.kind != kind || blockClosed) {
            last = new Block(kind);
            blocks.add(last);
            blockClosed = false;
        }
        return last;
    }
}
