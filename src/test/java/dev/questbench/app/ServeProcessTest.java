package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.EventJson;
import dev.questbench.engine.builtin.OpenAiScript;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code questbench serve} in a child JVM without JavaFX, driven by {@code curl} the way the README's recipes do:
 * create a session, send a plain-string message, stream to {@code session.status_idle}.
 */
class ServeProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/api/v1/cloud)");

    @TempDir
    Path temp;

    @Test
    void curlCreatesASessionSendsAMessageAndStreamsTheReply() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed");
        try (MockWebServer model = new MockWebServer()) {
            model.start();
            model.enqueue(OpenAiScript.reply().text("Hello from serve.").response());
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString(), "-cp", LauncherProcessTest.classpathWithoutJavaFx(), Launcher.class.getName(),
                    "serve", "--data-dir", temp.resolve("data").toString(), "--port", "0", "--token", "pt-curl",
                    "--base-url", model.url("/v1").toString().replaceAll("/$", ""), "--model", "test-model"));
            Process serve = new ProcessBuilder(command).redirectError(temp.resolve("err.txt").toFile()).start();
            try {
                String base = baseUrl(serve);
                JsonNode session = curlJson("-X", "POST", base + "/sessions", "-H", "Content-Type: application/json",
                        "-d", "{\"agent\":\"agent_builtin\",\"environment_id\":\"env_local\"}");
                String id = session.path("id").asText();
                assertEquals("idle", session.path("status").asText());
                JsonNode sent = curlJson("-X", "POST", base + "/sessions/" + id + "/events", "-d",
                        "{\"events\":[{\"type\":\"user.message\",\"content\":\"hello\"}]}");
                assertEquals("user.message", sent.path("data").get(0).path("type").asText());
                List<String> stream = curlStream(base + "/sessions/" + id + "/events/stream");
                assertTrue(stream.contains("event: agent.message"), stream.toString());
                assertTrue(stream.stream().anyMatch(line -> line.contains("Hello from serve.")), stream.toString());
                assertEquals("ok", curlJson(base.replace("/api/v1/cloud", "") + "/health").path("status").asText());
            } finally {
                serve.destroy();
                assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
            }
            String err = Files.readString(temp.resolve("err.txt"), StandardCharsets.UTF_8);
            assertTrue(!err.contains("Exception"), err);
        }
    }

    private String baseUrl(Process serve) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            throw new AssertionError("serve printed nothing: " + Files.readString(temp.resolve("err.txt")));
        }
        Matcher matcher = LISTENING.matcher(line);
        assertTrue(matcher.find(), line);
        assertTrue(line.contains("--token (this run only)"), line);
        return matcher.group(1);
    }

    private JsonNode curlJson(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-H", "Authorization: Bearer pt-curl"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String body = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, curl.exitValue(), body);
        return EventJson.mapper().readTree(body);
    }

    /** curl -N on the event stream, read until the turn's idle event; then curl is stopped. */
    private List<String> curlStream(String url) throws Exception {
        Process curl = new ProcessBuilder("curl", "-sS", "-N", "-H", "Authorization: Bearer pt-curl", url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(curl.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (line.equals("event: session.status_idle")) {
                    break;
                }
            }
        } finally {
            curl.destroy();
        }
        return lines;
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
