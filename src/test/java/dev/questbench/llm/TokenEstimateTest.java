package dev.questbench.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rough token count used to decide when to compact. */
class TokenEstimateTest {

    @Test
    void countsAboutFourCharactersATokenRoundingUp() {
        assertEquals(0, TokenEstimate.estimate((String) null));
        assertEquals(0, TokenEstimate.estimate(""));
        assertEquals(1, TokenEstimate.estimate("abc"));
        assertEquals(1, TokenEstimate.estimate("abcd"));
        assertEquals(2, TokenEstimate.estimate("abcde"));
    }

    @Test
    void countsSystemPromptEveryPartAndFramingPerMessage() {
        List<ChatMessage> messages = List.of(
                ChatMessage.user("12345678"),
                new ChatMessage(ChatMessage.Role.ASSISTANT, List.of(new Part.Thinking("1234", "sig"),
                        new Part.ToolCall("id", "Read", "{\"a\":1}"))),
                new ChatMessage(ChatMessage.Role.USER, List.of(new Part.ToolResult("id", "x".repeat(40), false))));

        // system 2 + (4 + 2) + (4 + 1 + 1 + 2) + (4 + 10)
        assertEquals(30, TokenEstimate.estimate(messages, "12345678"));
        assertEquals(0, TokenEstimate.estimate(List.of(), null));
    }
}
