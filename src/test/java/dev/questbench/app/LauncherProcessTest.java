package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher in a child JVM with no display and no JavaFX on the classpath: if a headless mode touched
 * a JavaFX class, it would fail there with NoClassDefFoundError.
 */
class LauncherProcessTest {
    @TempDir
    Path temp;

    private record Result(int status, String out, String err) {
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        return launch(java.util.Map.of(), args);
    }

    private Result launch(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpathWithoutJavaFx(), Launcher.class.getName()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not exit within 60 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(temp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(temp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    static String classpathWithoutJavaFx() {
        String classpath = System.getProperty("java.class.path");
        String kept = Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !isJavaFx(entry))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(kept.contains("classes"), "the test classpath lacks the compiled classes: " + classpath);
        return kept;
    }

    private static boolean isJavaFx(String entry) {
        String name = Path.of(entry).getFileName().toString();
        return entry.contains("openjfx") || name.startsWith("javafx-") || name.startsWith("atlantafx")
                || name.startsWith("ikonli-javafx") || name.startsWith("testfx") || name.contains("monocle");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    @Test
    void versionNeedsNoDisplayAndNoJavaFx() throws Exception {
        Result result = launch("--version");
        assertEquals(0, result.status(), result.err());
        assertEquals("questbench " + Version.current(), result.out().strip());
        assertFalse(result.out().contains("${"), result.out());
    }

    @Test
    void helpNeedsNoDisplayAndNoJavaFx() throws Exception {
        Result result = launch("-h");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("questbench serve"), result.out());
    }

    @Test
    void serveWithAMistakeExitsTwoWithoutTouchingJavaFx() throws Exception {
        Result result = launch("serve", "--data-dir", temp.resolve("data").toString(), "--port", "http");
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains("--port must be a number"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void runWithoutAPromptExitsTwoAndSaysHow() throws Exception {
        Result result = launch("run", "--data-dir", temp.resolve("data").toString());
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains("run needs a prompt"), result.err());
    }

    private String model(MockWebServer server) {
        return server.url("/v1").toString().replaceAll("/$", "");
    }

    private Result run(MockWebServer server, String... extra) throws Exception {
        return run(java.util.Map.of(), server, extra);
    }

    private Result run(java.util.Map<String, String> env, MockWebServer server, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--data-dir", temp.resolve("data").toString(),
                "--workspace", Files.createDirectories(temp.resolve("ws")).toString(),
                "--base-url", model(server), "--model", "test-model"));
        args.addAll(Arrays.asList(extra));
        return launch(env, args.toArray(String[]::new));
    }

    @Test
    void theAgentsCommandsNeverSeeTheModelKey() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(sse("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                    + "\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"Bash\","
                    + "\"arguments\":\"{\\\"command\\\":\\\"env\\\"}\"}}]}}]}",
                    "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}"));
            server.enqueue(sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"listed\"}}]}",
                    "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"));
            Result result = run(java.util.Map.of("OPENAI_API_KEY", "sk-very-secret-123", "MARKER_VAR", "visible"),
                    server, "--permission-mode", "bypassPermissions", "--output", "stream-json", "list the env");
            assertEquals(0, result.status(), result.err());
            assertEquals("Bearer sk-very-secret-123", server.takeRequest().getHeaders().get("Authorization"),
                    "the key reached the model client");
            assertTrue(result.out().contains("MARKER_VAR=visible"), "the command ran: " + result.out());
            assertFalse(result.out().contains("sk-very-secret-123"), "the key never enters the journal");
            assertFalse(server.takeRequest().getBody().utf8().contains("sk-very-secret-123"));
        }
    }

    @Test
    void runPrintsTheReplyAndExitsZeroAtEndOfTurn() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"All tests pass.\"}}]}",
                    "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"));
            Result result = run(server, "check the tests");
            assertEquals(0, result.status(), result.err());
            assertEquals("All tests pass.", result.out().strip());
            assertTrue(server.takeRequest().getBody().utf8().contains("check the tests"));
        }
    }

    @Test
    void runExitsTwoAndSaysWhatIsPendingWhenApprovalIsNeeded() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(sse("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                    + "\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"Bash\","
                    + "\"arguments\":\"{\\\"command\\\":\\\"touch x.txt\\\"}\"}}]}}]}",
                    "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}"));
            Result result = run(server, "--output", "stream-json", "make x");
            assertEquals(2, result.status(), result.err());
            assertTrue(result.out().lines().anyMatch(line -> line.contains("\"type\":\"agent.tool_use\"")
                    && line.contains("touch x.txt")), result.out());
            assertTrue(result.out().lines().allMatch(line -> line.startsWith("{")), "one JSON event per line");
            assertFalse(Files.exists(temp.resolve("ws/x.txt")));
        }
    }

    @Test
    void runExitsOneWithTheProvidersErrorWhenTheModelFails() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(404)
                    .body("{\"error\":{\"message\":\"model not found\"}}").build());
            Result result = run(server, "hello");
            assertEquals(1, result.status(), result.err());
            assertTrue(result.err().contains("test-model"), result.err());
            assertFalse(result.err().contains("Exception"), result.err());
        }
    }

    private static MockResponse sse(String... chunks) {
        StringBuilder body = new StringBuilder();
        for (String chunk : chunks) {
            body.append("data: ").append(chunk).append("\n\n");
        }
        body.append("data: [DONE]\n\n");
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body.toString())
                .build();
    }

    @Test
    void unknownOptionExitsTwo() throws Exception {
        Result result = launch("--nope");
        assertEquals(2, result.status());
        assertTrue(result.err().contains("questbench --help"), result.err());
    }

    @Test
    void desktopWithoutDisplayOnLinuxSaysSoInsteadOfCrashing() throws Exception {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return;
        }
        Result result = launch("--data-dir", temp.resolve("data").toString());
        assertEquals(1, result.status(), result.err());
        assertTrue(result.err().contains("DISPLAY is not set"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }
}
