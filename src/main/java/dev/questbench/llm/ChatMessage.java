package dev.questbench.llm;

import java.util.List;

/** One message of a conversation sent to a model. Tool results travel in a USER message. */
public record ChatMessage(Role role, List<Part> parts) {
    public enum Role { USER, ASSISTANT }

    public ChatMessage {
        parts = List.copyOf(parts);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, List.of(new Part.Text(text)));
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, List.of(new Part.Text(text)));
    }
}
