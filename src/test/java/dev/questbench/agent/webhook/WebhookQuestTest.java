package dev.questbench.agent.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quests on a Qodo-style webhook agent served by MockWebServer. */
class WebhookQuestTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path temp;
    private Store store;
    private QuestExecutor executor;

    @BeforeEach
    void setUp() {
        store = Store.open(temp.resolve("data"));
        store.settings().set(WebhookPreset.SETTING, new WebhookPreset.Presets(List.of(new WebhookPreset("review",
                server.url("/").toString(), "review", null, "pr"))));
        executor = new QuestExecutor(store, List.of(new WebhookBackend(store)), Notifier.NONE);
        executor.start();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        store.close();
    }

    @Test
    void aStructuredReviewBecomesAReportAndFindings() throws Exception {
        server.enqueue(json(200, "{'sessionId':'s1'}"));
        server.enqueue(sse("event: loading\ndata: {'isLoading':true}\n\n"
                + "event: message\ndata: " + content("{\"summary\":\"One risk.\",\"findings\":[{\"finding_title\":")
                + "\n\n"
                + "event: message\ndata: " + content("\"Null check\",\"severity_level\":\"breaking-issue\","
                + "\"file_path\":\"src/A.java\",\"reason\":\"may be null\",\"diff_pointer\":{\"start_line\":3,"
                + "\"end_line\":5},\"recommended_fix\":\"check it\"}]}") + "\n\n"
                + "event: loading\ndata: {'isLoading':false}\n\nevent: done\ndata: {}\n\n"));
        String id = executor.create(quest("https://github.com/o/r/pull/1")).id();
        awaitStatus(id, QuestStatus.READY);
        QuestEvent.ReviewFindings findings = events(id, QuestEvent.ReviewFindings.class).get(0);
        assertEquals(1, findings.findings().size());
        QuestEvent.ReviewFindings.Finding finding = findings.findings().get(0);
        assertEquals("critical", finding.severity());
        assertEquals("src/A.java", finding.path());
        assertEquals(3, finding.startLine());
        assertEquals(5, finding.endLine());
        String report = ContentBlock.plainText(events(id, QuestEvent.AgentMessage.class).get(0).content());
        assertTrue(report.contains("One risk.") && report.contains("Null check"), report);

        RecordedRequest post = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/webhook/review?sse=true", post.getTarget());
        assertEquals("{\"pr\":\"https://github.com/o/r/pull/1\"}", post.getBody().utf8());
        assertEquals("/webhook/review?sessionId=s1", server.takeRequest(5, TimeUnit.SECONDS).getTarget());
    }

    @Test
    void a400ShowsTheValidationDetails() {
        server.enqueue(json(400, "{'error':'Invalid payload','details':[{'message':'pr must be a string'}]}"));
        String id = executor.create(quest("{\"pr\": 5}")).id();
        awaitStatus(id, QuestStatus.ERROR);
        String message = last(id, QuestEvent.SessionError.class).error().message();
        assertTrue(message.contains("HTTP 400: Invalid payload") && message.contains("pr must be a string"), message);
    }

    @Test
    void anErrorEventFailsTheTurnAfterKeepingTheText() {
        server.enqueue(json(200, "{'sessionId':'s2'}"));
        server.enqueue(sse("event: message\ndata: " + content("Looking…") + "\n\n"
                + "event: error\ndata: {'error':'model quota exceeded'}\n\nevent: done\ndata: {}\n\n"));
        String id = executor.create(quest("review please")).id();
        awaitStatus(id, QuestStatus.ERROR);
        assertEquals("Looking…", ContentBlock.plainText(events(id, QuestEvent.AgentMessage.class).get(0).content()));
        assertTrue(last(id, QuestEvent.SessionError.class).error().message().contains("model quota exceeded"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String content(String text) {
        return "{\"content\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(text) + "}";
    }

    private static Quest quest(String prompt) {
        Instant now = Instant.now();
        return Quest.create(null, prompt, null, QuestMode.AGENT, QuestEnvironment.LOCAL, now)
                .withBackend(WebhookBackend.backendId("review"), null, now);
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .body(body.replace("{'isLoading':true}", "{\"isLoading\":true}")
                        .replace("{'isLoading':false}", "{\"isLoading\":false}")
                        .replace("{'error':'model quota exceeded'}", "{\"error\":\"model quota exceeded\"}")).build();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(body.replace('\'', '"')).build();
    }

    private <T extends QuestEvent> List<T> events(String id, Class<T> type) {
        return store.journal().readAfter(id, null, 10_000).stream().map(JournalEntry::event).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private <T extends QuestEvent> T last(String id, Class<T> type) {
        List<T> all = events(id, type);
        return all.get(all.size() - 1);
    }

    private void awaitStatus(String id, QuestStatus expected) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (store.quests().summary(id).orElseThrow().status() != expected) {
            if (System.nanoTime() > deadline) {
                fail("status " + store.quests().summary(id).orElseThrow().status() + ", expected " + expected + "; "
                        + store.journal().readAfter(id, null, 1000).stream().map(JournalEntry::type).toList());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
