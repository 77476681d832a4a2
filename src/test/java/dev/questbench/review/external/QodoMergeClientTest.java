package dev.questbench.review.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import dev.questbench.workspace.diff.DiffParser;
import dev.questbench.workspace.diff.FileDiff;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Qodo Merge Diff Endpoint client against a server on loopback answering as the documented endpoint does. */
@Timeout(10)
class QodoMergeClientTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DIFF = """
            diff --git a/tests/test_app.py b/tests/test_app.py
            index 1111111..2222222 100644
            --- a/tests/test_app.py
            +++ b/tests/test_app.py
            @@ -1 +1,2 @@
            -base_branch = "main"
            +base_branch = None
            +repo_url = f'org/{base_branch}/repo'
            diff --git a/old.txt b/old.txt
            deleted file mode 100644
            index 3333333..0000000
            --- a/old.txt
            +++ /dev/null
            @@ -1 +0,0 @@
            -gone
            """;
    /** The documented response, trailing newlines in the fields included. */
    private static final String RESPONSE = """
            {"response_str":"## PR Code Suggestions","raw_data":{"code_suggestions":[
             {"relevant_file":"tests/test_app.py\\n","language":"python\\n",
              "existing_code":"base_branch = None\\n",
              "suggestion_content":"base_branch is None but used in repo_url.\\n",
              "improved_code":"base_branch = \\"main\\"\\n","one_sentence_summary":"Fix invalid repository URL\\n",
              "label":"possible issue","score":9,"relevant_lines_start":1,"relevant_lines_end":2,"enable_apply":false},
             {"relevant_file":"tests/test_app.py\\n","suggestion_content":"Name the constant.\\n",
              "one_sentence_summary":"Improve naming\\n","label":"Learned best practice","score":6,
              "relevant_lines_start":2,"relevant_lines_end":2}]}}""";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void postsBeforeAndAfterContentsAndMapsSuggestions() throws Exception {
        server.enqueue(json(200, RESPONSE));
        Map<String, String> before = Map.of("tests/test_app.py", "base_branch = \"main\"\n", "old.txt", "gone\n");
        Map<String, String> after = Map.of("tests/test_app.py",
                "base_branch = None\nrepo_url = f'org/{base_branch}/repo'\n");

        List<Finding> findings = client("secret-key").review(files(), before::get, after::get);

        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/qodo/api/v1/qm_diff", request.getUrl().encodedPath());
        assertEquals("secret-key", request.getHeaders().get("X-API-Key"));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        JsonNode body = MAPPER.readTree(request.getBody().utf8());
        assertEquals("improve", body.path("command").asText());
        JsonNode pair = body.path("diff_files").path("tests/test_app.py");
        assertEquals(2, pair.size());
        assertEquals("base_branch = \"main\"\n", pair.get(0).asText());
        assertEquals("base_branch = None\nrepo_url = f'org/{base_branch}/repo'\n", pair.get(1).asText());
        assertEquals("gone\n", body.path("diff_files").path("old.txt").get(0).asText());
        assertEquals("", body.path("diff_files").path("old.txt").get(1).asText(), "a deleted file is empty after");

        assertEquals(2, findings.size());
        Finding bug = findings.get(0);
        assertEquals(new Finding("external-1", "possible issue", "critical", "tests/test_app.py", 1, 2,
                "Fix invalid repository URL", "base_branch = None",
                "base_branch is None but used in repo_url.\n\nbase_branch = \"main\""), bug);
        Finding practice = findings.get(1);
        assertEquals("suggestion", practice.severity());
        assertEquals("Improve naming", practice.title());
        assertEquals(2, practice.startLine());
    }

    @Test
    void aRejectedKeyIsAClearMessage() {
        server.enqueue(json(400, "{\"detail\":{\"error\":\"Invalid API key\"}}"));

        QodoMergeException e = assertThrows(QodoMergeException.class,
                () -> client("bad").review(files(), path -> "", path -> ""));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("Qodo Merge rejected the API key: Invalid API key"), e.getMessage());
        assertTrue(e.getMessage().contains("Settings"), e.getMessage());
    }

    @Test
    void aDisabledEndpointSaysWhoCanEnableIt() {
        server.enqueue(json(400, "{\"detail\":{\"error\":\"QM Diff endpoint is not enabled\"}}"));

        QodoMergeException e = assertThrows(QodoMergeException.class,
                () -> client("k").review(files(), path -> "", path -> ""));

        assertTrue(e.getMessage().contains("QM Diff endpoint is not enabled"), e.getMessage());
        assertFalse(e.getMessage().contains("API key"), e.getMessage());
    }

    @Test
    void aServerErrorWithoutJsonShowsTheBody() {
        server.enqueue(new MockResponse.Builder().code(502).body("Bad Gateway").build());

        QodoMergeException e = assertThrows(QodoMergeException.class,
                () -> client("k").review(files(), path -> "", path -> ""));

        assertEquals(502, e.status());
        assertTrue(e.getMessage().contains("failed (502): Bad Gateway"), e.getMessage());
    }

    @Test
    void aServerThatIsNotRunningIsAClearMessage() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        QodoMergeClient client = new QodoMergeClient("http://127.0.0.1:" + port + "/", "k");

        QodoMergeException e = assertThrows(QodoMergeException.class,
                () -> client.review(files(), path -> "", path -> ""));

        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("Could not reach Qodo Merge at http://127.0.0.1:" + port + " "),
                e.getMessage());
    }

    @Test
    void anAnswerWithoutSuggestionsIsNoFindings() throws Exception {
        server.enqueue(json(200, "{\"response_str\":\"No suggestions\",\"raw_data\":{}}"));

        assertEquals(List.of(), client("k").review(files(), path -> "", path -> ""));
    }

    @Test
    void severityFollowsLabelAndScore() {
        assertEquals("critical", QodoSuggestions.severity("security", 3));
        assertEquals("warning", QodoSuggestions.severity("Possible bug", 7));
        assertEquals("suggestion", QodoSuggestions.severity("maintainability", 10));
    }

    private QodoMergeClient client(String key) {
        return new QodoMergeClient(server.url("/qodo/").toString(), key);
    }

    private static List<FileDiff> files() {
        return DiffParser.parse(DIFF);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }
}
