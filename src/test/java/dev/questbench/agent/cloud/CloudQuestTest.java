package dev.questbench.agent.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.questbench.agent.ToolConfirmation;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quests on the Cloud Agents backend against a MockWebServer replaying a recorded session. */
class CloudQuestTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path temp;
    private Store store;
    private QuestExecutor executor;
    private final List<QuestEvent> live = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        store = Store.open(temp.resolve("data"));
        store.settings().set(CloudSettings.BASE_URL, server.url("/api/v1/cloud").toString());
        store.secrets().put(CloudSettings.TOKEN_SECRET, "pt-test");
        CloudBackend backend = new CloudBackend(store, Map.of(), new CloudBackend.Timing(Duration.ofSeconds(2),
                Duration.ofMillis(1), Duration.ofMillis(10)));
        executor = new QuestExecutor(store, List.of(backend), Notifier.NONE);
        executor.subscribeLive((quest, event) -> live.add(event));
        executor.start();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        store.close();
    }

    @Test
    void recordedSessionWithApprovalResumeAndABusySession() throws Exception {
        server.enqueue(json(200, "{'data':[]}"));
        server.enqueue(json(200, "{'id':'env_1','type':'environment'}"));
        server.enqueue(json(200, "{'data':[{'id':'lite','type':'model','is_enabled':true}],'has_more':false}"));
        server.enqueue(json(200, "{'id':'agent_1','type':'agent','version':1}"));
        server.enqueue(json(200, "{'id':'sess_1','type':'session','status':'idle'}"));
        server.enqueue(json(200, "{'data':[{'id':'evt_u1','type':'user.message'}]}"));
        server.enqueue(sse(": heartbeat\n\n"
                + event("evt_r1", "{'type':'session.status_running'}")
                + event("evt_d1", "{'type':'agent.content_block_delta','message_id':'msg_1','index':0,"
                + "'delta':{'type':'text_delta','text':'Hel'}}")
                + event("evt_d2", "{'type':'agent.content_block_delta','message_id':'msg_1','index':0,"
                + "'delta':{'type':'text_delta','text':'lo'}}")
                + event("evt_m1", "{'type':'agent.message','content':[{'type':'text','text':'Hello'}]}")
                + event("evt_t1", "{'type':'agent.tool_use','name':'Bash','input':{'command':'ls'},"
                + "'evaluated_permission':'ask'}"))); // then the connection drops
        server.enqueue(sse("event: heartbeat\ndata: {}\n\n"
                + event("evt_t1", "{'type':'agent.tool_use','name':'Bash','input':{'command':'ls'},"
                + "'evaluated_permission':'ask'}")
                + event("evt_i1", "{'type':'session.status_idle','stop_reason':{'type':'requires_action',"
                + "'event_ids':['evt_t1']}}")));
        server.enqueue(json(200, "{'data':[{'id':'evt_c1','type':'user.tool_confirmation'}]}"));
        server.enqueue(sse(event("evt_tr1", "{'type':'agent.tool_result','tool_use_id':'evt_t1',"
                + "'content':[{'type':'text','text':'README.md'}],'is_error':false}")
                + event("evt_m2", "{'type':'agent.message','content':[{'type':'text','text':'Done'}]}")
                + event("evt_s1", "{'type':'span.model_request_end','model':'lite',"
                + "'usage':{'input_tokens':10,'output_tokens':5}}")
                + event("evt_i2", "{'type':'session.status_idle','stop_reason':{'type':'end_turn'}}")));

        String id = executor.create(quest("list the files")).id();
        awaitStatus(id, QuestStatus.ACTION_REQUIRED);
        assertEquals(List.of("Hello"), messages(id));
        assertEquals(1, events(id, QuestEvent.AgentToolUse.class).size(), "the replayed tool use is not doubled");
        assertTrue(live.stream().anyMatch(e -> e instanceof QuestEvent.AgentContentBlockDelta d
                && "lo".equals(d.delta().text())));
        assertEquals("sess_1", events(id, QuestEvent.ExternalSession.class).get(0).sessionId());
        assertEquals("env_1", store.settings().get(CloudSettings.ENVIRONMENT_ID));
        assertEquals("agent_1", store.settings().get(CloudSettings.AGENT_ID));

        String pending = last(id, QuestEvent.SessionStatusIdle.class).stopReason().eventIds().get(0);
        executor.confirm(id, new ToolConfirmation(pending, Decision.ALLOW, null, false));
        awaitStatus(id, QuestStatus.READY);
        assertEquals(List.of("Hello", "Done"), messages(id));
        QuestEvent.AgentToolResult result = events(id, QuestEvent.AgentToolResult.class).get(0);
        assertEquals(pending, result.toolUseId());
        assertEquals(10, events(id, QuestEvent.ModelRequestEnd.class).get(0).usage().inputTokens());

        RecordedRequest envs = server.takeRequest();
        assertEquals("Bearer pt-test", envs.getHeaders().get("Authorization"));
        server.takeRequest(5, TimeUnit.SECONDS); // POST environments
        server.takeRequest(5, TimeUnit.SECONDS); // GET models
        RecordedRequest agent = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(agent.getBody().utf8().contains("'model':'lite'".replace('\'', '"')));
        RecordedRequest session = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(session.getBody().utf8().contains("\"incremental_streaming_enabled\":true"));
        RecordedRequest message = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(message.getBody().utf8().contains("\"type\":\"user.message\""));
        assertEquals("evt_u1", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Last-Event-ID"));
        assertEquals("evt_t1", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Last-Event-ID"),
                "the dropped stream resumes after the last event");
        String confirmation = server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
        assertTrue(confirmation.contains("\"tool_use_id\":\"evt_t1\"") && confirmation.contains("\"allow\""),
                confirmation);
        server.takeRequest(5, TimeUnit.SECONDS);

        // A second message while the service still runs a turn: 409, wait for its idle, send again.
        server.enqueue(json(409, "{'type':'error','request_id':'req_409','error':{'type':'invalid_request_error',"
                + "'message':'Session is currently processing a turn.'}}"));
        server.enqueue(json(200, "{'data':[{'id':'evt_x9','type':'agent.message'}]}"));
        server.enqueue(sse(event("evt_i3", "{'type':'session.status_idle','stop_reason':{'type':'end_turn'}}")));
        server.enqueue(json(200, "{'data':[{'id':'evt_u2','type':'user.message'}]}"));
        server.enqueue(sse(event("evt_m3", "{'type':'agent.message','content':[{'type':'text','text':'Second'}]}")
                + event("evt_i4", "{'type':'session.status_idle','stop_reason':{'type':'end_turn'}}")));
        executor.send(id, "and again");
        await(() -> messages(id).contains("Second"), () -> "no second answer: " + types(id));
        awaitStatus(id, QuestStatus.READY);
        assertEquals(2, countPosts("/events"));
    }

    @Test
    void aSilentStreamIsResumedByTheIdleWatchdog() throws Exception {
        store.settings().set(CloudSettings.AGENT_ID, "agent_1");
        store.settings().set(CloudSettings.ENVIRONMENT_ID, "env_1");
        server.enqueue(json(200, "{'id':'sess_3','type':'session','status':'idle'}"));
        server.enqueue(json(200, "{'data':[{'id':'evt_u1','type':'user.message'}]}"));
        server.enqueue(sse(event("evt_m1", "{'type':'agent.message','content':[{'type':'text','text':'late'}]}"))
                .newBuilder().bodyDelay(6, TimeUnit.SECONDS).build()); // silent for longer than the idle timeout
        server.enqueue(sse(event("evt_m1", "{'type':'agent.message','content':[{'type':'text','text':'late'}]}")
                + event("evt_i1", "{'type':'session.status_idle','stop_reason':{'type':'end_turn'}}")));
        String id = executor.create(quest("hello")).id();
        awaitStatus(id, QuestStatus.READY);
        assertEquals(List.of("late"), messages(id));
        server.takeRequest(5, TimeUnit.SECONDS);
        server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("evt_u1", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Last-Event-ID"));
        assertEquals("evt_u1", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Last-Event-ID"),
                "reconnected from the same place after the silence");
    }

    @Test
    void errorEnvelopeShowsTheMessageAndRequestId() {
        store.settings().set(CloudSettings.AGENT_ID, "agent_1");
        store.settings().set(CloudSettings.ENVIRONMENT_ID, "env_1");
        server.enqueue(json(400, "{'type':'error','request_id':'req_abc','error':{'type':'invalid_request_error',"
                + "'message':'Missing required field: name','param':'name'}}"));
        String id = executor.create(quest("hello")).id();
        awaitStatus(id, QuestStatus.ERROR);
        String message = last(id, QuestEvent.SessionError.class).error().message();
        assertTrue(message.contains("Missing required field: name") && message.contains("req_abc")
                && message.contains("HTTP 400"), message);
    }

    @Test
    void whenStreamingIsRefusedTheEventsArePolled() {
        store.settings().set(CloudSettings.AGENT_ID, "agent_1");
        store.settings().set(CloudSettings.ENVIRONMENT_ID, "env_1");
        server.enqueue(json(200, "{'id':'sess_2','type':'session','status':'idle'}"));
        server.enqueue(json(200, "{'data':[{'id':'evt_u1','type':'user.message'}]}"));
        server.enqueue(json(404, "{'type':'error','error':{'type':'not_found_error','message':'no stream'}}"));
        server.enqueue(json(200, "{'data':[{'id':'evt_m1','type':'agent.message','content':[{'type':'text',"
                + "'text':'Polled'}]},{'id':'evt_i1','type':'session.status_idle','stop_reason':{'type':"
                + "'end_turn'}}]}"));
        String id = executor.create(quest("hello")).id();
        awaitStatus(id, QuestStatus.READY);
        assertEquals(List.of("Polled"), messages(id));
    }

    @Test
    void aRefusedLastEventIdFallsBackToAfterId() throws Exception {
        store.settings().set(CloudSettings.AGENT_ID, "agent_1");
        store.settings().set(CloudSettings.ENVIRONMENT_ID, "env_1");
        server.enqueue(json(200, "{'id':'sess_4','type':'session','status':'idle'}"));
        server.enqueue(json(200, "{'data':[{'id':'evt_u1','type':'user.message'}]}"));
        server.enqueue(json(400, "{'type':'error','error':{'type':'invalid_request_error','message':'bad anchor'}}"));
        server.enqueue(sse(event("evt_m1", "{'type':'agent.message','content':[{'type':'text','text':'ok'}]}")
                + event("evt_i1", "{'type':'session.status_idle','stop_reason':{'type':'end_turn'}}")));
        String id = executor.create(quest("hello")).id();
        awaitStatus(id, QuestStatus.READY);
        assertEquals(List.of("ok"), messages(id));
        server.takeRequest(5, TimeUnit.SECONDS);
        server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("evt_u1", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Last-Event-ID"));
        assertTrue(server.takeRequest(5, TimeUnit.SECONDS).getTarget().endsWith("/events/stream?after_id=evt_u1"));
    }

    @Test
    void withoutATokenTheQuestSaysWhereToAddIt() {
        store.secrets().put(CloudSettings.TOKEN_SECRET, "");
        String id = executor.create(quest("hello")).id();
        awaitStatus(id, QuestStatus.ERROR);
        assertTrue(last(id, QuestEvent.SessionError.class).error().message().contains("personal access token"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private int countPosts(String suffix) throws InterruptedException {
        int posts = 0;
        RecordedRequest request;
        while ((request = server.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
            if ("POST".equals(request.getMethod()) && request.getUrl().encodedPath().endsWith(suffix)) {
                posts++;
            }
        }
        return posts;
    }

    private static Quest quest(String prompt) {
        Instant now = Instant.now();
        return Quest.create(null, prompt, null, QuestMode.AGENT, QuestEnvironment.LOCAL, now)
                .withBackend(CloudBackend.KIND, null, now);
    }

    private static String event(String id, String json) {
        String data = json.replace('\'', '"');
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("\"type\":\"([^\"]+)\"").matcher(data);
        String type = first.find() ? first.group(1) : "message";
        return "id: " + id + "\nevent: " + type + "\ndata: " + data + "\n\n";
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(body.replace('\'', '"')).build();
    }

    private List<JournalEntry> entries(String id) {
        return store.journal().readAfter(id, null, 10_000);
    }

    private List<String> types(String id) {
        return entries(id).stream().map(JournalEntry::type).toList();
    }

    private <T extends QuestEvent> List<T> events(String id, Class<T> type) {
        return entries(id).stream().map(JournalEntry::event).filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends QuestEvent> T last(String id, Class<T> type) {
        List<T> all = events(id, type);
        return all.get(all.size() - 1);
    }

    private List<String> messages(String id) {
        return events(id, QuestEvent.AgentMessage.class).stream().map(m -> ContentBlock.plainText(m.content()))
                .toList();
    }

    private void awaitStatus(String id, QuestStatus expected) {
        await(() -> store.quests().summary(id).orElseThrow().status() == expected,
                () -> "status " + store.quests().summary(id).orElseThrow().status() + ", expected " + expected
                        + "; events " + types(id));
    }

    private static void await(BooleanSupplier condition, Supplier<String> message) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message.get());
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
