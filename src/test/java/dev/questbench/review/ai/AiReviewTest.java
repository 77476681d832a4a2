package dev.questbench.review.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import dev.questbench.llm.Cancellation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The three-pass AI review against an OpenAI-compatible server on loopback, answering each pass by its focus. */
@Timeout(20)
class AiReviewTest {
    private static final String GOAL = "Give App a name field that is never null";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final ExecutorService executor = Executors.newFixedThreadPool(3);
    private final Map<ReviewPass, String> bodies = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    @Test
    void mergesTheOtherPassesWhenOnePassFails() {
        answer(pass -> switch (pass) {
            case COMPLETENESS -> ReviewServer.answer("""
                    ```json
                    {"findings":[{"severity":"warning","file":"src/main/java/App.java","start_line":3,"end_line":3,
                      "title":"Name field is null","evidence":"String name = null;","suggestion":"Initialise it"},
                     {"severity":"critical","file":"src/main/java/Other.java","start_line":1,"end_line":1,
                      "title":"Not in the diff","evidence":"","suggestion":""}]}
                    ```""");
            case CORRECTNESS -> ReviewServer.answer("""
                    Here is my review:
                    {"findings":[{"severity":"critical","file":"src/main/java/App.java","start_line":3,"end_line":3,
                      "title":"name field null","evidence":"String name = null; // NPE later",
                      "suggestion":"Use \\"\\""},
                     {"severity":"blocker","file":"b/src/main/java/Util.java","start_line":1,"end_line":2,
                      "title":"Empty class","evidence":"class Util {","suggestion":"Remove it"}]}
                    Hope this helps.""");
            case IMPACT -> ReviewServer.error(400, "model m does not exist");
        });

        ReviewReport report = review(new Cancellation());

        assertEquals(2, report.findings().size(), report.toString());
        Finding merged = report.findings().get(0);
        assertEquals("critical", merged.severity());
        assertEquals("src/main/java/App.java", merged.path());
        assertEquals(3, merged.startLine());
        assertEquals("correctness, completeness", merged.pass());
        assertEquals("String name = null; // NPE later", merged.evidence(), "the longer evidence is kept");
        Finding unknownSeverity = report.findings().get(1);
        assertEquals("suggestion", unknownSeverity.severity());
        assertEquals("src/main/java/Util.java", unknownSeverity.path());
        assertEquals(List.of("ai-1", "ai-2"), report.findings().stream().map(Finding::id).toList());
        assertEquals(1, report.failures().size());
        assertTrue(report.failures().get(0).startsWith("impact: "), report.failures().get(0));
        assertTrue(report.failures().get(0).contains("does not exist"), report.failures().get(0));

        QuestEvent.ReviewFindings event = report.toEvent();
        assertEquals("ai", event.source());
        assertEquals(report.findings(), event.findings());
    }

    @Test
    void eachPassIsAskedForItsFocusWithTheGoalAndTheNumberedDiff() throws Exception {
        answer(pass -> ReviewServer.answer("{\"findings\":[]}"));

        ReviewReport report = review(new Cancellation());

        assertEquals(List.of(), report.findings());
        assertEquals(List.of(), report.failures());
        assertEquals(3, server.getRequestCount());
        for (ReviewPass pass : ReviewPass.values()) {
            JsonNode body = ReviewServer.MAPPER.readTree(bodies.get(pass));
            String system = body.path("messages").get(0).path("content").asText();
            String user = body.path("messages").get(1).path("content").asText();
            assertTrue(system.startsWith("You are a meticulous code reviewer"), system);
            assertTrue(system.contains(pass.focus()), pass + " asks for its own focus");
            assertTrue(system.contains("\"start_line\""), "asks for the JSON shape");
            assertTrue(user.contains(GOAL), "the goal is in the prompt");
            assertTrue(user.contains("     3 |+    String name = null;"), user);
            assertTrue(user.contains("       |-    int x;"), "removed lines carry no new-side number");
            assertTrue(user.contains("+++ b/src/main/java/Util.java"), user);
            assertEquals("m", body.path("model").asText());
        }
    }

    @Test
    void anUnreadableAnswerIsReportedAsThatPassFailing() {
        answer(pass -> pass == ReviewPass.CORRECTNESS ? ReviewServer.answer("I found no problems, the code is great!")
                : ReviewServer.answer("{\"findings\":[{\"severity\":\"warning\",\"file\":\"src/main/java/Util.java\","
                + "\"start_line\":1,\"title\":\"Empty class " + pass.label() + "\"}]}"));

        ReviewReport report = review(new Cancellation());

        assertEquals(1, report.failures().size());
        assertTrue(report.failures().get(0).startsWith("correctness: the model's answer could not be read"),
                report.failures().get(0));
        assertEquals(1, report.findings().size(), "same lines in the same file merge: " + report.findings());
        assertEquals("completeness, impact", report.findings().get(0).pass());
        assertEquals(1, report.findings().get(0).endLine(), "a missing end line is the start line");
    }

    @Test
    void aDiffTooLargeForTheContextWindowIsCut() throws Exception {
        answer(pass -> ReviewServer.answer("{\"findings\":[{\"severity\":\"critical\","
                + "\"file\":\"src/main/java/Util.java\",\"start_line\":1,\"title\":\"Seen?\"}]}"));
        // 60 % of 100 tokens is 240 characters: App.java fits, Util.java does not
        ReviewReport report = new AiReview(ReviewServer.client(server, 100), "m", executor)
                .review(GOAL, ReviewServer.files(), new Cancellation());

        String user = ReviewServer.MAPPER.readTree(bodies.get(ReviewPass.IMPACT)).path("messages").get(1)
                .path("content").asText();
        assertTrue(user.contains("Left out to fit the model's context: src/main/java/Util.java"), user);
        assertTrue(!user.contains("+++ b/src/main/java/Util.java"), user);
        assertEquals(List.of(), report.findings(), "findings on files the model never saw are dropped");
    }

    @Test
    void cancellingStopsEveryPass() throws Exception {
        CountDownLatch arrived = new CountDownLatch(3);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                release.await(10, TimeUnit.SECONDS);
                return ReviewServer.answer("{\"findings\":[]}");
            }
        });
        Cancellation cancel = new Cancellation();
        AiReview review = new AiReview(ReviewServer.client(server, 100_000), "m", executor);
        Thread canceller = new Thread(() -> {
            try {
                arrived.await(10, TimeUnit.SECONDS);
                cancel.cancel();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();

        long start = System.nanoTime();
        assertThrows(CancellationException.class, () -> review.review(GOAL, ReviewServer.files(), cancel));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8), "returned without waiting for answers");
        assertThrows(CancellationException.class, () -> review.review(GOAL, ReviewServer.files(), cancel),
                "an already cancelled review does not start");
    }

    @Test
    void aPassThatTakesTooLongTimesOut() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getBody().utf8().contains("Impact: side effects")) {
                    release.await(10, TimeUnit.SECONDS);
                }
                return ReviewServer.answer("{\"findings\":[]}");
            }
        });
        ReviewReport report = new AiReview(ReviewServer.client(server, 100_000), "m", executor,
                Duration.ofSeconds(3)).review(GOAL, ReviewServer.files(), new Cancellation());

        assertEquals(List.of("impact: no answer within 3 seconds; try again, or pick a faster model."),
                report.failures());
    }

    @Test
    void fixMessageNamesTheFileLinesEvidenceAndSuggestion() {
        String message = AiReview.fixMessage(new Finding("ai-1", "correctness", "critical", "src/App.java", 3, 5,
                "Name field is null", "String name = null;", "Initialise it to \"\""));

        assertTrue(message.contains("src/App.java, lines 3–5"), message);
        assertTrue(message.contains("Name field is null"), message);
        assertTrue(message.contains("```\nString name = null;\n```"), message);
        assertTrue(message.contains("Suggested fix: Initialise it to \"\""), message);
        assertTrue(message.contains("(critical)"), message);
    }

    private ReviewReport review(Cancellation cancel) {
        return new AiReview(ReviewServer.client(server, 100_000), "m", executor)
                .review(GOAL, ReviewServer.files(), cancel);
    }

    private void answer(Function<ReviewPass, MockResponse> byPass) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().utf8();
                for (ReviewPass pass : ReviewPass.values()) {
                    if (body.contains(pass.focus().substring(0, 20))) {
                        bodies.put(pass, body);
                        return byPass.apply(pass);
                    }
                }
                return ReviewServer.error(404, "unknown pass");
            }
        });
    }
}
