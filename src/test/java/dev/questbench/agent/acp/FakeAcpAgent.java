package dev.questbench.agent.acp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test ACP agent, run as a real child process. The prompt picks a scenario: {@code full} streams, plans, edits
 * a file through {@code fs/*} after asking permission, runs a terminal command; {@code crash} dies with a message
 * on stderr; {@code wait} streams and waits for {@code session/cancel}; {@code escape} tries to read outside the
 * workspace; {@code stream N} sends N chunks; anything else is echoed. Its request ids start at 1, like the
 * client's, to prove ids per direction.
 */
public final class FakeAcpAgent {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final Map<Long, CompletableFuture<JsonNode>> WAITING = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    private static volatile CountDownLatch cancelled = new CountDownLatch(1);
    private static volatile String sessionId;
    private static volatile String cwd;

    private FakeAcpAgent() {
    }

    public static void main(String[] args) throws IOException {
        System.err.println("fake agent starting");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            JsonNode message = JSON.readTree(line);
            String method = message.path("method").asText(null);
            JsonNode id = message.get("id");
            if (method == null) {
                CompletableFuture<JsonNode> waiting = WAITING.remove(id.asLong());
                if (waiting != null) {
                    waiting.complete(message);
                }
            } else if (id == null) {
                if (method.equals("session/cancel")) {
                    cancelled.countDown();
                }
            } else {
                JsonNode params = message.path("params");
                new Thread(() -> handle(id, method, params)).start();
            }
        }
    }

    private static void handle(JsonNode id, String method, JsonNode params) {
        ObjectNode result = JSON.createObjectNode();
        switch (method) {
            case "initialize" -> {
                JsonNode caps = params.path("clientCapabilities");
                if (!caps.path("fs").path("readTextFile").asBoolean() || !caps.path("terminal").asBoolean()) {
                    System.err.println("client did not advertise fs and terminal");
                }
                result.put("protocolVersion", 1).putObject("agentCapabilities").put("loadSession", true);
                result.putArray("authMethods").addObject().put("id", "login").put("name", "Log in with Fake");
            }
            case "session/new", "session/load" -> {
                if ("1".equals(System.getenv("FAKE_ACP_NEEDS_LOGIN"))) { // the preset's environment reaches us
                    ObjectNode error = JSON.createObjectNode().put("jsonrpc", "2.0");
                    error.set("id", id);
                    error.putObject("error").put("code", -32000).put("message", "Authentication required");
                    send(error);
                    return;
                }
                sessionId = params.has("sessionId") ? params.get("sessionId").asText() : "sess_fake_"
                        + ProcessHandle.current().pid();
                cwd = params.path("cwd").asText();
                System.err.println(method + " in " + params.path("cwd").asText() + " -> " + sessionId);
                if (method.equals("session/new")) {
                    result.put("sessionId", sessionId);
                } else {
                    update(JSON.createObjectNode().put("sessionUpdate", "user_message_chunk")
                            .set("content", text("replayed")));
                }
                ObjectNode modes = result.putObject("modes").put("currentModeId", "default");
                modes.putArray("availableModes")
                        .add(JSON.createObjectNode().put("id", "default").put("name", "Default"))
                        .add(JSON.createObjectNode().put("id", "yolo").put("name", "Bypass Permissions"));
                ObjectNode commands = JSON.createObjectNode().put("sessionUpdate", "available_commands_update");
                commands.putArray("availableCommands").addObject().put("name", "init")
                        .put("description", "Write AGENTS.md");
                update(commands);
            }
            case "session/set_mode" -> update(JSON.createObjectNode().put("sessionUpdate", "current_mode_update")
                    .put("currentModeId", params.path("modeId").asText()));
            case "session/prompt" -> {
                cancelled = new CountDownLatch(1);
                result.put("stopReason", prompt(params.path("prompt").get(0).path("text").asText()));
            }
            default -> {
                reply(id, null, method);
                return;
            }
        }
        reply(id, result, null);
    }

    private static String prompt(String text) {
        try {
            switch (text.split(" ")[0]) {
                case "full" -> {
                    return full();
                }
                case "crash" -> {
                    chunk("About to fail");
                    System.err.println("fatal: the model server went away");
                    System.err.flush();
                    System.exit(3);
                }
                case "wait" -> {
                    chunk("Working on it");
                    cancelled.await();
                    return "cancelled";
                }
                case "stream" -> { // stream N: N chunks of 20 characters, for the benchmark
                    int count = Integer.parseInt(text.split(" ")[1]);
                    for (int i = 0; i < count; i++) {
                        chunk("0123456789abcdefghi ");
                    }
                    return "end_turn";
                }
                case "escape" -> {
                    JsonNode answer = call("fs/read_text_file", JSON.createObjectNode().put("sessionId", sessionId)
                            .put("path", "/etc/passwd"));
                    chunk("read said: " + answer.path("error").path("message").asText("no error"));
                    return "end_turn";
                }
                default -> {
                    chunk("You said: " + text);
                    return "end_turn";
                }
            }
        } catch (InterruptedException e) {
            return "cancelled";
        }
        return "end_turn";
    }

    private static String full() throws InterruptedException {
        for (String piece : new String[] {"Hello", " from", " the fake agent."}) {
            chunk(piece);
        }
        update(JSON.createObjectNode().put("sessionUpdate", "agent_thought_chunk").set("content", text("Plan it.")));
        ObjectNode plan = JSON.createObjectNode().put("sessionUpdate", "plan");
        plan.putArray("entries").add(entry("Edit notes.txt", "in_progress")).add(entry("Run a command", "pending"));
        update(plan);
        String path = cwd + "/notes.txt";
        ObjectNode call = JSON.createObjectNode().put("sessionUpdate", "tool_call").put("toolCallId", "call_1")
                .put("title", "Edit notes.txt").put("kind", "edit").put("status", "pending");
        call.putArray("content").addObject().put("type", "diff").put("path", path).put("oldText", "old line\n")
                .put("newText", "new line\n");
        call.putArray("locations").addObject().put("path", path);
        update(call);
        ObjectNode ask = JSON.createObjectNode().put("sessionId", sessionId);
        ask.putObject("toolCall").put("toolCallId", "call_1").put("title", "Edit notes.txt").put("kind", "edit");
        ArrayNode options = ask.putArray("options");
        for (String kind : new String[] {"allow_once", "allow_always", "reject_once", "reject_always"}) {
            options.addObject().put("optionId", "opt_" + kind).put("name", kind).put("kind", kind);
        }
        JsonNode answer = call("session/request_permission", ask).path("result").path("outcome");
        if (answer.path("outcome").asText().equals("cancelled")) {
            return "cancelled";
        }
        if (!answer.path("optionId").asText().startsWith("opt_allow")) {
            update(JSON.createObjectNode().put("sessionUpdate", "tool_call_update").put("toolCallId", "call_1")
                    .put("status", "failed"));
            chunk("Okay, I left notes.txt alone.");
            return "end_turn";
        }
        JsonNode before = call("fs/read_text_file", JSON.createObjectNode().put("sessionId", sessionId)
                .put("path", path));
        String old = before.path("result").path("content").asText("");
        call("fs/write_text_file", JSON.createObjectNode().put("sessionId", sessionId).put("path", path)
                .put("content", old.replace("old line", "new line")));
        update(JSON.createObjectNode().put("sessionUpdate", "tool_call_update").put("toolCallId", "call_1")
                .put("status", "completed"));
        JsonNode created = call("terminal/create", JSON.createObjectNode().put("sessionId", sessionId)
                .put("command", "echo").set("args", JSON.createArrayNode().add("hi from terminal")));
        String terminal = created.path("result").path("terminalId").asText();
        ObjectNode run = JSON.createObjectNode().put("sessionUpdate", "tool_call").put("toolCallId", "call_2")
                .put("title", "echo hi").put("kind", "execute").put("status", "in_progress");
        run.putArray("content").addObject().put("type", "terminal").put("terminalId", terminal);
        run.putObject("rawInput").put("command", "echo 'hi from terminal'");
        update(run);
        JsonNode exit = call("terminal/wait_for_exit", JSON.createObjectNode().put("sessionId", sessionId)
                .put("terminalId", terminal));
        JsonNode output = call("terminal/output", JSON.createObjectNode().put("sessionId", sessionId)
                .put("terminalId", terminal));
        update(JSON.createObjectNode().put("sessionUpdate", "tool_call_update").put("toolCallId", "call_2")
                .put("status", "completed"));
        call("terminal/release", JSON.createObjectNode().put("sessionId", sessionId).put("terminalId", terminal));
        chunk("Done: exit " + exit.path("result").path("exitCode").asInt(-1) + ", output "
                + output.path("result").path("output").asText().strip() + ".");
        return "end_turn";
    }

    private static ObjectNode entry(String content, String status) {
        return JSON.createObjectNode().put("content", content).put("priority", "medium").put("status", status);
    }

    private static ObjectNode text(String text) {
        return JSON.createObjectNode().put("type", "text").put("text", text);
    }

    private static void chunk(String text) {
        update(JSON.createObjectNode().put("sessionUpdate", "agent_message_chunk").set("content", text(text)));
    }

    private static void update(ObjectNode update) {
        ObjectNode params = JSON.createObjectNode().put("sessionId", sessionId);
        params.set("update", update);
        send(JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "session/update").set("params", params));
    }

    private static JsonNode call(String method, ObjectNode params) throws InterruptedException {
        long id = IDS.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        WAITING.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        message.set("params", params);
        send(message);
        try {
            return answer.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(JsonNode id, JsonNode result, String unknownMethod) {
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0");
        message.set("id", id);
        if (unknownMethod != null) {
            message.putObject("error").put("code", -32601).put("message", "no " + unknownMethod);
        } else {
            message.set("result", result);
        }
        send(message);
    }

    private static synchronized void send(JsonNode message) {
        OUT.println(message);
    }
}
