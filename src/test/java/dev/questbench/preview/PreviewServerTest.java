package dev.questbench.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loopback server previews load from: files of published folders only, the policy on every answer. */
public class PreviewServerTest {
    @TempDir
    Path dir;
    private final PreviewServer server = started();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesPublishedFoldersWithThePolicyAndNothingElse() throws Exception {
        Path site = Files.createDirectories(dir.resolve("my site"));
        Files.writeString(site.resolve("index.html"), "<h1>hi</h1>");
        Files.writeString(dir.resolve("secret.txt"), "no");
        String url = server.urlOf(site.resolve("index.html"), false);
        assertTrue(url.startsWith("http://127.0.0.1:"), url);
        HttpURLConnection page = get(url);
        assertEquals(200, page.getResponseCode());
        assertEquals("<h1>hi</h1>", new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(PreviewPage.contentSecurityPolicy(false), page.getHeaderField("Content-Security-Policy"));
        assertTrue(get(server.urlOf(site.resolve("index.html"), true)).getHeaderField("Content-Security-Policy")
                .contains("default-src *"));
        String folder = server.folderUrl(site, false);
        assertEquals(404, get(folder + "..%2Fsecret.txt").getResponseCode(), "never leaves the folder");
        assertEquals(404, get(folder.replaceFirst("/[0-9a-f]{32}/", "/0123/") + "index.html").getResponseCode());
        String generated = server.publish(site, ".preview.html", "<p>made</p>");
        assertEquals(200, get(generated).getResponseCode());
        assertEquals(200, get(server.mermaidUrl()).getResponseCode());
    }

    private static HttpURLConnection get(String url) throws Exception {
        return (HttpURLConnection) new URL(url).openConnection(Proxy.NO_PROXY);
    }

    /** A started server, for tests that show web previews. */
    public static PreviewServer started() {
        try {
            return PreviewServer.start();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
