package dev.questbench.engine.builtin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.EventJson;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;

/**
 * Builds OpenAI Chat Completions SSE streams the way servers send them: role first, text in small pieces, tool
 * call arguments split across many chunks, finish reason, then usage and {@code [DONE]}.
 */
public final class OpenAiScript {
    private final List<String> chunks = new ArrayList<>();
    private int toolIndex;
    private boolean cut;

    public static OpenAiScript reply() {
        OpenAiScript script = new OpenAiScript();
        ObjectNode delta = EventJson.mapper().createObjectNode().put("role", "assistant").put("content", "");
        script.chunks.add(chunk(delta, null).toString());
        return script;
    }

    /** Text in pieces of a few characters. */
    public OpenAiScript text(String text) {
        for (int i = 0; i < text.length(); i += 4) {
            ObjectNode delta = EventJson.mapper().createObjectNode().put("content",
                    text.substring(i, Math.min(text.length(), i + 4)));
            chunks.add(chunk(delta, null).toString());
        }
        return this;
    }

    /** A tool call whose arguments arrive in pieces of {@code pieceSize} characters. */
    public OpenAiScript tool(String id, String name, String arguments, int pieceSize) {
        int index = toolIndex++;
        ObjectNode first = EventJson.mapper().createObjectNode();
        ObjectNode call = first.putArray("tool_calls").addObject().put("index", index).put("id", id)
                .put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        chunks.add(chunk(first, null).toString());
        for (int i = 0; i < arguments.length(); i += pieceSize) {
            ObjectNode delta = EventJson.mapper().createObjectNode();
            delta.putArray("tool_calls").addObject().put("index", index).putObject("function")
                    .put("arguments", arguments.substring(i, Math.min(arguments.length(), i + pieceSize)));
            chunks.add(chunk(delta, null).toString());
        }
        return this;
    }

    public OpenAiScript tool(String id, String name, String arguments) {
        return tool(id, name, arguments, 7);
    }

    /** Ends the stream here without a finish reason or [DONE], as when a connection drops. */
    public OpenAiScript cutHere() {
        cut = true;
        return this;
    }

    public String body() {
        StringBuilder out = new StringBuilder();
        for (String chunk : chunks) {
            out.append("data: ").append(chunk).append("\n\n");
        }
        if (!cut) {
            String finish = toolIndex > 0 ? "tool_calls" : "stop";
            out.append("data: ").append(chunk(EventJson.mapper().createObjectNode(), finish)).append("\n\n");
            ObjectNode usage = EventJson.mapper().createObjectNode();
            usage.put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("model", "test-model");
            usage.putArray("choices");
            usage.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20)
                    .put("total_tokens", 120);
            out.append("data: ").append(usage).append("\n\n");
            out.append("data: [DONE]\n\n");
        }
        return out.toString();
    }

    public MockResponse response() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body())
                .build();
    }

    private static ObjectNode chunk(ObjectNode delta, String finish) {
        ObjectNode chunk = EventJson.mapper().createObjectNode();
        chunk.put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("model", "test-model");
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return chunk;
    }

    public static String json(Object... keyValues) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value instanceof Boolean b) {
                node.put((String) keyValues[i], b);
            } else if (value instanceof Integer n) {
                node.put((String) keyValues[i], n);
            } else {
                node.put((String) keyValues[i], String.valueOf(value));
            }
        }
        return node.toString();
    }
}
