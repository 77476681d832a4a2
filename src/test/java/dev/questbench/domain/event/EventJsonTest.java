package dev.questbench.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every event type writes the Cloud Agents wire shape and reads back equal; unknown types survive whole. */
class EventJsonTest {
    private static final ContentBlock HELLO = ContentBlock.text("Hello");
    private static final QuestEvent.TodoUpdated.TodoItem TODO =
            new QuestEvent.TodoUpdated.TodoItem("Write tests", "in_progress", "Writing tests");

    /** One fully populated sample of every known type, with its expected JSON (snake_case, type first). */
    static Map<QuestEvent, String> samples() {
        Map<QuestEvent, String> samples = new LinkedHashMap<>();
        samples.put(QuestEvent.UserMessage.text("Hello"),
                "{'type':'user.message','content':[{'type':'text','text':'Hello'}]}");
        samples.put(new QuestEvent.UserInterrupt("changed my mind"),
                "{'type':'user.interrupt','reason':'changed my mind'}");
        samples.put(new QuestEvent.UserToolConfirmation("evt_1", Decision.DENY, "not that folder", true),
                "{'type':'user.tool_confirmation','tool_use_id':'evt_1','result':'deny',"
                        + "'deny_message':'not that folder','always_for_quest':true}");
        samples.put(new QuestEvent.AgentMessage(List.of(HELLO, new ContentBlock("image", null, "blob:sha256:ab"))),
                "{'type':'agent.message','content':[{'type':'text','text':'Hello'},"
                        + "{'type':'image','source':'blob:sha256:ab'}]}");
        samples.put(new QuestEvent.AgentThinking("hmm"), "{'type':'agent.thinking','text':'hmm'}");
        samples.put(new QuestEvent.AgentToolUse("Bash", JsonNodeFactory.instance.objectNode().put("command", "ls -la"),
                        Decision.Permission.ASK),
                "{'type':'agent.tool_use','name':'Bash','input':{'command':'ls -la'},'evaluated_permission':'ask'}");
        samples.put(new QuestEvent.AgentToolResult("evt_2", List.of(HELLO), true, 12L),
                "{'type':'agent.tool_result','tool_use_id':'evt_2','content':[{'type':'text','text':'Hello'}],"
                        + "'is_error':true,'duration_ms':12}");
        samples.put(new QuestEvent.AgentContentBlockDelta("msg_1", 2,
                        new QuestEvent.AgentContentBlockDelta.Delta("input_json_delta", "t", "th", "{\"a\":")),
                "{'type':'agent.content_block_delta','message_id':'msg_1','index':2,'delta':{'type':'input_json_delta',"
                        + "'text':'t','thinking':'th','partial_json':'{\\\"a\\\":'}}");
        samples.put(new QuestEvent.SessionStatusRunning(), "{'type':'session.status_running'}");
        samples.put(QuestEvent.SessionStatusIdle.requiresAction(List.of("evt_3", "evt_4")),
                "{'type':'session.status_idle','stop_reason':{'type':'requires_action',"
                        + "'event_ids':['evt_3','evt_4']}}");
        samples.put(new QuestEvent.SessionError(new QuestEvent.SessionError.ErrorInfo("overloaded", "Try later", true)),
                "{'type':'session.error','error':{'type':'overloaded','message':'Try later','retryable':true}}");
        samples.put(new QuestEvent.ModelRequestStart("qwen3"), "{'type':'span.model_request_start','model':'qwen3'}");
        samples.put(new QuestEvent.ModelRequestEnd("qwen3", new QuestEvent.ModelRequestEnd.Usage(10, 20, 3L, 4L), 900L),
                "{'type':'span.model_request_end','model':'qwen3','usage':{'input_tokens':10,'output_tokens':20,"
                        + "'cache_creation_input_tokens':3,'cache_read_input_tokens':4},'duration_ms':900}");
        samples.put(new QuestEvent.TodoUpdated(List.of(TODO)),
                "{'type':'quest.todo_updated','todos':[{'content':'Write tests','status':'in_progress',"
                        + "'active_form':'Writing tests'}]}");
        samples.put(new QuestEvent.Checkpoint(3, "refs/questbench/q/3", "abc123"),
                "{'type':'quest.checkpoint','turn':3,'ref':'refs/questbench/q/3','commit':'abc123'}");
        samples.put(new QuestEvent.Reverted(2, "abc123", "def456"),
                "{'type':'quest.reverted','turn':2,'checkpoint_commit':'abc123','safety_commit':'def456'}");
        samples.put(new QuestEvent.ReviewFeedback("Please fix",
                        List.of(new QuestEvent.ReviewFeedback.LineComment("src/A.java", 7, "new", "rename"))),
                "{'type':'quest.review_feedback','message':'Please fix','comments':[{'path':'src/A.java','line':7,"
                        + "'side':'new','text':'rename'}]}");
        samples.put(new QuestEvent.SpecProposed("# Spec", List.of(TODO)),
                "{'type':'quest.spec_proposed','markdown':'# Spec','tasks':[{'content':'Write tests',"
                        + "'status':'in_progress','active_form':'Writing tests'}]}");
        samples.put(new QuestEvent.GoalEvaluated(2, false, "tests fail", "fix the test"),
                "{'type':'quest.goal_evaluated','round':2,'met':false,'reason':'tests fail',"
                        + "'next_step':'fix the test'}");
        samples.put(new QuestEvent.Artifact("out/report.html", "text/html", 2048, "added"),
                "{'type':'quest.artifact','path':'out/report.html','media_type':'text/html','size':2048,"
                        + "'change':'added'}");
        samples.put(new QuestEvent.Paused(), "{'type':'quest.paused'}");
        samples.put(new QuestEvent.Resumed(), "{'type':'quest.resumed'}");
        samples.put(new QuestEvent.Interrupted("app stopped"), "{'type':'quest.interrupted','reason':'app stopped'}");
        samples.put(new QuestEvent.ScheduledRun("sch_1", Instant.parse("2025-06-01T02:00:00.5Z")),
                "{'type':'quest.scheduled_run','schedule_id':'sch_1','run_at':'2025-06-01T02:00:00.500Z'}");
        samples.put(new QuestEvent.UserToolConfirmation("evt_9", Decision.ALLOW, null, false, "spaces"),
                "{'type':'user.tool_confirmation','tool_use_id':'evt_9','result':'allow','always_for_quest':false,"
                        + "'answer':'spaces'}");
        samples.put(new QuestEvent.ExternalSession("gemini", "sess_42", "default", List.of("init", "help")),
                "{'type':'quest.agent_session','agent':'gemini','session_id':'sess_42','mode':'default',"
                        + "'commands':['init','help']}");
        samples.put(new QuestEvent.Compacted("- did things", "evt_7", 90000, 3000),
                "{'type':'quest.compacted','summary':'- did things','through_event_id':'evt_7',"
                        + "'tokens_before':90000,'tokens_after':3000}");
        samples.put(new QuestEvent.ContextCleared(), "{'type':'quest.context_cleared'}");
        samples.put(new QuestEvent.CompactRequested(), "{'type':'quest.compact_requested'}");
        samples.put(new QuestEvent.ToolProgress("evt_3", "building...\n"),
                "{'type':'quest.tool_progress','tool_use_id':'evt_3','text':'building...\\n'}");
        samples.put(new QuestEvent.HookRan("PreToolUse", "./block.sh", 2, "no", "blocked", 15),
                "{'type':'quest.hook_ran','hook_event':'PreToolUse','command':'./block.sh','exit_code':2,"
                        + "'output':'no','outcome':'blocked','duration_ms':15}");
        samples.put(new QuestEvent.SubagentEvent("evt_7", "Explore",
                        EventJson.toTree(QuestEvent.AgentMessage.text("found it"))),
                "{'type':'quest.subagent_event','parent_tool_use_id':'evt_7','agent':'Explore','event':"
                        + "{'type':'agent.message','content':[{'type':'text','text':'found it'}]}}");
        samples.put(new QuestEvent.SubagentEvent("evt_7", "QA", EventJson.toTree(new QuestEvent.AgentToolUse("Bash",
                        JsonNodeFactory.instance.objectNode().put("command", "make"), Decision.Permission.ASK)),
                        "It failed in the sandbox"),
                "{'type':'quest.subagent_event','parent_tool_use_id':'evt_7','agent':'QA','event':"
                        + "{'type':'agent.tool_use','name':'Bash','input':{'command':'make'},"
                        + "'evaluated_permission':'ask'},'note':'It failed in the sandbox'}");
        samples.put(new QuestEvent.ContextLoaded(List.of(new QuestEvent.ContextLoaded.Reference("/w/AGENTS.md",
                        "memory", "project")), List.of("bad rule")),
                "{'type':'quest.context_loaded','references':[{'path':'/w/AGENTS.md','kind':'memory',"
                        + "'scope':'project'}],'warnings':['bad rule']}");
        samples.put(new QuestEvent.WorktreeCreated("/data/worktrees/app-1a2b/fix-login-7xk2qp",
                        "questbench/fix-login-7xk2qp", "main", "abc123", true),
                "{'type':'quest.worktree_created','path':'/data/worktrees/app-1a2b/fix-login-7xk2qp',"
                        + "'branch':'questbench/fix-login-7xk2qp','base_branch':'main','base_commit':'abc123',"
                        + "'included_uncommitted':true}");
        samples.put(new QuestEvent.SetupOutput("npm ci\n", null),
                "{'type':'quest.setup_output','text':'npm ci\\n'}");
        samples.put(new QuestEvent.SetupOutput("Setup script failed with exit status 2.", 2),
                "{'type':'quest.setup_output','text':'Setup script failed with exit status 2.','exit_code':2}");
        samples.put(new QuestEvent.ReviewDecision("src/A.java", "@@ -1,3 +1,4 @@", "f1", "rejected", "keep it"),
                "{'type':'quest.review_decision','path':'src/A.java','hunk':'@@ -1,3 +1,4 @@','fingerprint':'f1',"
                        + "'action':'rejected','reason':'keep it'}");
        samples.put(new QuestEvent.ReviewDecision("src/A.java", null, "f3", "accepted", null, "sha256:" + "ab".repeat(32)),
                "{'type':'quest.review_decision','path':'src/A.java','fingerprint':'f3','action':'accepted',"
                        + "'undo':'sha256:" + "ab".repeat(32) + "'}");
        samples.put(new QuestEvent.ReviewViewed("src/A.java", null, "f2", true),
                "{'type':'quest.review_viewed','path':'src/A.java','fingerprint':'f2','viewed':true}");
        samples.put(new QuestEvent.ReviewComment("c1", "src/A.java", "new", 3, 4, "int x;", "rename", "pending"),
                "{'type':'quest.review_comment','comment_id':'c1','path':'src/A.java','side':'new','start_line':3,"
                        + "'end_line':4,'quote':'int x;','text':'rename','status':'pending'}");
        samples.put(new QuestEvent.ReviewFindings("ai", List.of(new QuestEvent.ReviewFindings.Finding("f1",
                        "correctness", "critical", "src/A.java", 3, 3, "NPE", "x.y()", "check null")),
                        List.of("impact: timed out")),
                "{'type':'quest.review_findings','source':'ai','findings':[{'id':'f1','pass':'correctness',"
                        + "'severity':'critical','path':'src/A.java','start_line':3,'end_line':3,'title':'NPE',"
                        + "'evidence':'x.y()','suggestion':'check null'}],'failures':['impact: timed out']}");
        return samples;
    }

    /** Types added after this test was written: checked for round trips, without a hand-written wire shape. */
    static Map<String, QuestEvent> laterSamples() {
        Map<String, QuestEvent> later = new LinkedHashMap<>();
        later.put("quest.spec_accepted",
                read("{'type':'quest.spec_accepted','spec_event_id':'evt_9','action':'build'}"));
        later.put("quest.message_queued", read("{'type':'quest.message_queued','queue_id':'q1','content':"
                + "[{'type':'text','text':'also this'}]}"));
        later.put("quest.queued_message_changed", read("{'type':'quest.queued_message_changed','queue_id':'q1'}"));
        later.put("quest.queued_message_delivered", read("{'type':'quest.queued_message_delivered','queue_id':'q1'}"));
        return later;
    }

    static Stream<Arguments> wireShapes() {
        return samples().entrySet().stream().map(sample -> arguments(sample.getKey().type(), sample.getKey(),
                sample.getValue().replace('\'', '"')));
    }

    static Stream<Arguments> everyKnownType() {
        Map<String, QuestEvent> all = new LinkedHashMap<>();
        samples().keySet().forEach(event -> all.put(event.type(), event));
        all.putAll(laterSamples());
        return all.entrySet().stream().map(entry -> arguments(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wireShapes")
    void writesTheWireShape(String type, QuestEvent event, String json) throws Exception {
        assertEquals(json, EventJson.write(event));
        assertEquals(event, EventJson.fromTree(EventJson.mapper().readTree(json)));
        assertEquals(type, event.type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKnownType")
    void roundTripsObjectToJsonToObjectAndJsonToObjectToJson(String type, QuestEvent event) {
        assertInstanceOf(EventTypes.classOf(type), event);
        String json = EventJson.write(event);
        QuestEvent back = EventJson.read(json);
        assertEquals(event, back);
        assertEquals(json, EventJson.write(back));
        assertEquals(event, EventJson.fromTree(EventJson.toTree(event)));
    }

    @Test
    void everyKnownTypeHasASample() {
        Set<String> known = new LinkedHashSet<>();
        EventTypes.known().forEach(known::add);
        Set<String> sampled = new LinkedHashSet<>();
        everyKnownType().forEach(arguments -> sampled.add((String) arguments.get()[0]));
        assertEquals(known, sampled, "add a sample for each new event type to EventJsonTest");
    }

    @Test
    void unknownTypesAreKeptWhole() {
        String json = "{\"type\":\"agent.mcp_tool_use\",\"name\":\"search\",\"input\":{\"q\":\"x\",\"n\":[1,2.5,null]},"
                + "\"mcp_server_name\":\"docs\",\"flag\":false}";
        QuestEvent event = EventJson.read(json);
        QuestEvent.Unknown unknown = assertInstanceOf(QuestEvent.Unknown.class, event);
        assertEquals("agent.mcp_tool_use", unknown.type());
        assertEquals("docs", unknown.body().get("mcp_server_name").asText());
        assertEquals(json, EventJson.write(event));
        assertEquals(event, EventJson.read(EventJson.write(event)));
    }

    @Test
    void unknownFieldsOfKnownTypesAreIgnoredSoOlderBuildsReadNewerJournals() {
        QuestEvent event = EventJson.read("{\"type\":\"agent.thinking\",\"text\":\"t\",\"signature\":\"abc\","
                + "\"session_thread_id\":null}");
        assertEquals(new QuestEvent.AgentThinking("t"), event);
    }

    @Test
    void nullFieldsAreLeftOut() {
        assertEquals("{\"type\":\"session.status_idle\",\"stop_reason\":{\"type\":\"end_turn\"}}",
                EventJson.write(QuestEvent.SessionStatusIdle.endTurn()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"type\":\"agent.message\"", "[1,2]", "\"user.message\"", "{}",
            "{\"type\":5}", "{\"type\":null}"})
    void malformedJsonIsAClearIllegalArgument(String json) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> EventJson.read(json));
        assertTrue(error.getMessage().startsWith("not a valid event") || error.getMessage().startsWith("an event must"),
                error.getMessage());
    }

    static Stream<Arguments> wrongShapes() {
        return Stream.of(
                arguments("user.tool_confirmation",
                        "{'type':'user.tool_confirmation','tool_use_id':'e','result':'perhaps'}"),
                arguments("session.status_idle", "{'type':'session.status_idle','stop_reason':'end_turn'}"),
                arguments("agent.content_block_delta", "{'type':'agent.content_block_delta','index':'first'}"),
                arguments("user.message", "{'type':'user.message','content':'just a string'}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongShapes")
    void aKnownTypeWithAWrongShapeNamesTheType(String type, String json) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read(json));
        assertTrue(error.getMessage().startsWith("event " + type + " is malformed: "), error.getMessage());
    }

    private static QuestEvent read(String json) {
        return EventJson.read(json.replace('\'', '"'));
    }
}
