package dev.questbench.agent.builtin.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebFetchToolTest {
    @TempDir
    Path temp;
    private final MockWebServer server = new MockWebServer();
    private ToolFixture f;

    @BeforeEach
    void start() throws Exception {
        server.start();
        f = new ToolFixture(temp);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void htmlBecomesReadableText() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body("""
                <!doctype html><html><head><title>Docs &amp; Guides</title>
                <style>body { color: red }</style><script>alert('x')</script></head>
                <body><h1>Install</h1><p>Run   <code>make</code>&nbsp;first &lt;now&gt;.</p>
                <ul><li>One</li><li>Two &#8212; <a href="https://example.com/two">more</a></li></ul>
                <!-- hidden --></body></html>""").build());
        ToolOutput out = f.run(new WebFetchTool(), "url", server.url("/docs").toString(), "prompt", "how to install");
        assertFalse(out.isError());
        String text = out.text();
        assertTrue(text.contains("Status: 200"), text);
        assertTrue(text.endsWith("Docs & Guides\n\n# Install\n\nRun make first <now>.\n\n- One\n- Two — more "
                + "(https://example.com/two)"), text);
        assertFalse(text.contains("alert") || text.contains("color: red") || text.contains("hidden"), text);
    }

    @Test
    void redirectsAreFollowedAndReported() throws Exception {
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/new").build());
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain").body("moved here").build());
        String text = f.run(new WebFetchTool(), "url", server.url("/old").toString()).text();
        assertTrue(text.contains("Redirected to: " + server.url("/new")), text);
        assertTrue(text.endsWith("\n\nmoved here"), text);
    }

    @Test
    void bodyIsCutAtTheSizeCap() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain")
                .body("a".repeat(50_000)).build());
        ToolLimits d = ToolLimits.DEFAULT;
        ToolLimits small = new ToolLimits(d.readMaxBytes(), 100_000, d.bashDefaultTimeout(), d.bashMaxTimeout(),
                10_000, true, false);
        String text = new WebFetchTool().run(ToolFixture.input("url", server.url("/big").toString()),
                f.context(small)).text();
        assertTrue(text.contains("a".repeat(10_000) + "\n\n(The response is larger than 9.8 KB"),
                text.substring(0, 200));
        assertFalse(text.contains("a".repeat(10_001)));
    }

    @Test
    void longTextIsCappedToTheOutputLimitWithABlob() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain")
                .body("word ".repeat(10_000)).build());
        ToolOutput out = new WebFetchTool().run(ToolFixture.input("url", server.url("/long").toString()),
                f.context(ToolFixture.withOutputMax(3000)));
        assertTrue(out.text().length() <= 3000, "length " + out.text().length());
        assertEquals("blob-0", out.blobRef());
        assertEquals(50_000, f.blobs.get("blob-0").length);
    }

    @Test
    void binaryIsRefusedWithANote() throws Exception {
        Buffer png = new Buffer().write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/png").body(png).build());
        ToolOutput out = f.run(new WebFetchTool(), "url", server.url("/logo.png").toString());
        assertFalse(out.isError());
        assertTrue(out.text().contains("The response is binary (8 bytes)"), out.text());
    }

    @Test
    void httpErrorsAreErrorsWithTheirBody() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/plain")
                .body("no such page").build());
        ToolOutput out = f.run(new WebFetchTool(), "url", server.url("/missing").toString());
        assertTrue(out.isError());
        assertTrue(out.text().contains("Status: 404") && out.text().endsWith("no such page"), out.text());
    }

    @Test
    void networkOffRefusesBeforeConnecting() {
        ToolLimits d = ToolLimits.DEFAULT;
        ToolLimits offline = new ToolLimits(d.readMaxBytes(), d.outputMaxChars(), d.bashDefaultTimeout(),
                d.bashMaxTimeout(), d.webFetchMaxBytes(), false, false);
        ToolException e = assertThrows(ToolException.class, () -> new WebFetchTool().run(
                ToolFixture.input("url", server.url("/").toString()), f.context(offline)));
        assertEquals("Network access is turned off in Settings → Agent; WebFetch is disabled.", e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        ToolException file = assertThrows(ToolException.class,
                () -> f.run(new WebFetchTool(), "url", "file:///etc/passwd"));
        assertTrue(file.getMessage().contains("Only http and https"), file.getMessage());
        assertThrows(ToolException.class, () -> f.run(new WebFetchTool(), "url", "ftp://example.com/x"));
        assertThrows(ToolException.class, () -> f.run(new WebFetchTool(), "url", "example.com/page"));
    }

    @Test
    void unreachableServerIsAClearError() {
        int port = server.getPort();
        server.close();
        ToolException e = assertThrows(ToolException.class,
                () -> f.run(new WebFetchTool(), "url", "http://127.0.0.1:" + port + "/"));
        assertTrue(e.getMessage().startsWith("Cannot connect to 127.0.0.1:" + port), e.getMessage());
    }
}
