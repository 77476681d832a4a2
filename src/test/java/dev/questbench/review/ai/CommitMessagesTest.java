package dev.questbench.review.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ModelException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Generate in the commit dialog: the prompt carries the staged diff, and the answer comes back clean. */
@Timeout(10)
class CommitMessagesTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void stripsFencesAndSendsTheStagedDiff() throws Exception {
        server.enqueue(ReviewServer.answer("```text\nfeat: give App a name field.\n\nIt starts null for now.\n```"));

        String message = CommitMessages.generate(ReviewServer.client(server, 0), "quest-model", ReviewServer.DIFF,
                new Cancellation());

        assertEquals("feat: give App a name field\n\nIt starts null for now.", message);
        RecordedRequest request = server.takeRequest();
        JsonNode body = ReviewServer.MAPPER.readTree(request.getBody().utf8());
        assertEquals("quest-model", body.path("model").asText());
        String prompt = body.path("messages").get(0).path("content").asText();
        assertTrue(prompt.startsWith("Write a git commit message"), prompt);
        assertTrue(prompt.contains("+    String name = null;"), prompt);
    }

    @Test
    void cleansQuotesLeadInsAndLongSubjects() {
        assertEquals("fix: handle a null name", CommitMessages.clean("\"fix: handle a null name\""));
        assertEquals("docs: explain the review panel",
                CommitMessages.clean("Commit message: docs: explain the review panel"));
        String cut = CommitMessages.clean(
                "refactor: " + "split the very long review report into smaller pieces ".repeat(3));
        assertEquals("refactor: split the very long review report into smaller pieces split", cut,
                "cut at the last word break within 72 characters");
    }

    @Test
    void anEmptyAnswerIsAClearError() {
        server.enqueue(ReviewServer.answer("```\n```"));

        ModelException e = assertThrows(ModelException.class, () -> CommitMessages.generate(
                ReviewServer.client(server, 0), "m", ReviewServer.DIFF, new Cancellation()));
        assertTrue(e.getMessage().contains("empty commit message"), e.getMessage());
    }
}
