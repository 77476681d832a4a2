package dev.questbench.llm;

import java.util.List;

/**
 * A rough token count (about four characters a token) for deciding when to compact a conversation. Known limit:
 * it undercounts code and non-Latin text; the provider's reported usage is the truth once a call returns.
 */
public final class TokenEstimate {
    /** Role markers and framing the providers add around each message. */
    static final int PER_MESSAGE = 4;

    private TokenEstimate() {
    }

    /** About {@code length / 4}, rounded up; 0 for null or empty text. */
    public static int estimate(String text) {
        return text == null ? 0 : (int) ((text.length() + 3L) / 4);
    }

    /** The system prompt plus every part of every message, with a little framing per message. */
    public static int estimate(List<ChatMessage> messages, String system) {
        long total = estimate(system);
        for (ChatMessage message : messages) {
            total += PER_MESSAGE;
            for (Part part : message.parts()) {
                total += estimate(part);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private static int estimate(Part part) {
        if (part instanceof Part.Text text) {
            return estimate(text.text());
        }
        if (part instanceof Part.Thinking thinking) {
            return estimate(thinking.text());
        }
        if (part instanceof Part.ToolCall call) {
            return estimate(call.name()) + estimate(call.argumentsJson());
        }
        Part.ToolResult result = (Part.ToolResult) part;
        return estimate(result.content());
    }
}
