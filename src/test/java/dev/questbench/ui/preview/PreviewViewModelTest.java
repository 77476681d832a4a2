package dev.questbench.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.preview.Artifact;
import dev.questbench.preview.FileVersions;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.QueueExecutor;
import dev.questbench.ui.testing.TestEngine;
import dev.questbench.workspace.checkpoint.Checkpoints;
import dev.questbench.workspace.git.Git;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Preview tab's model over a real store, folder and git: artifacts from the journal kept current, live reload
 * counted on a write, the system-app actions, Save as, dev servers that answer, and versions from checkpoints.
 */
class PreviewViewModelTest {
    @TempDir
    Path root;
    private Store store;
    private TestEngine engine;
    private Path folder;
    private String questId;
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private final RecordingApps apps = new RecordingApps();
    private final QueueExecutor fx = new QueueExecutor();
    private PreviewViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        folder = Files.createDirectories(root.resolve("site"));
        store = Store.open(root.resolve("data"));
        engine = TestEngine.unstarted(store);
        Workspace workspace = store.workspaces().open(folder.toString());
        Quest quest = Quest.create("Site", "Build a site", workspace.id(), QuestMode.AGENT, QuestEnvironment.LOCAL,
                Instant.now());
        store.quests().create(quest);
        questId = quest.id();
        model = new PreviewViewModel(store, engine.parts, new DirectTaskRunner(), dialogs, apps, fx, fx);
    }

    @AfterEach
    void tearDown() {
        model.close();
        engine.close();
        store.close();
    }

    @Test
    void listsArtifactsAndFollowsTheJournal() throws Exception {
        agentWrites("index.html", "<h1>v1</h1>");
        model.show(questId);
        assertEquals(List.of("index.html"), paths());
        agentWrites("data/table.csv", "a,b\n1,2\n");
        fx.runUntil(() -> paths().size() == 2, () -> "the new artifact arrives: " + paths());
        assertEquals(List.of("data/table.csv", "index.html"), paths());
        assertNull(model.emptyMessageProperty().get());
    }

    @Test
    void aWriteToThePreviewedFileBumpsTheRevision() throws Exception {
        Path page = agentWrites("index.html", "<h1>v1</h1>");
        model.show(questId);
        model.selectedProperty().set(model.artifacts().get(0));
        assertEquals(page, model.shownFileProperty().get());
        long before = model.revisionProperty().get();
        Files.writeString(page, "<h1>v2</h1>");
        fx.runUntil(() -> model.revisionProperty().get() > before, () -> "the write is seen");
    }

    @Test
    void systemActionsAndSaveAs() throws Exception {
        Path page = agentWrites("report.md", "# Report");
        model.show(questId);
        model.selectedProperty().set(model.artifacts().get(0));
        model.openWithSystemApp();
        model.revealInFolder();
        assertEquals(List.of("open " + page, "reveal " + page), apps.calls);
        Path copy = root.resolve("copy.md");
        dialogs.saveFileAnswer = copy;
        model.saveAs();
        assertEquals("# Report", Files.readString(copy));
        assertTrue(dialogs.infos.get(0).contains(copy.toString()), dialogs.infos::toString);
    }

    @Test
    void devServersThatAnswerAreOfferedAndOpenInTheBrowser() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            store.journal().append(questId, new QuestEvent.AgentToolResult("evt_x",
                    ContentBlock.textList("Server ready: " + url + "\nold one was localhost:1"), false, 5L));
            model.show(questId);
            assertEquals(List.of(url), model.devServers());
            model.openDevServer(url);
            assertEquals(url, model.browserUrlProperty().get());
            model.openDevServer("http://example.com/");
            assertEquals(url, model.browserUrlProperty().get(), "other hosts never open inside");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void versionsComeFromCheckpointsThatHeldAnotherContent() throws Exception {
        Git git = Git.locate(System.getenv());
        Checkpoints checkpoints = new Checkpoints(git, store.dataDir().resolve("checkpoints"));
        store.journal().append(questId, checkpoints.take(folder, questId, 1).event());
        agentWrites("notes.md", "first");
        store.journal().append(questId, checkpoints.take(folder, questId, 2).event());
        agentWrites("notes.md", "second");
        store.journal().append(questId, checkpoints.take(folder, questId, 3).event());
        store.journal().append(questId, checkpoints.take(folder, questId, 4).event()); // turn 3 left it alone
        Files.writeString(folder.resolve("notes.md"), "third");
        model.show(questId);
        model.selectedProperty().set(model.artifacts().get(0));
        List<String> labels = model.versions().stream().map(FileVersions.Version::label).toList();
        assertEquals(List.of("Now", "Before turn 4", "Before turn 2"), labels);
        model.versionProperty().set(model.versions().get(2));
        assertEquals("first", Files.readString(model.shownFileProperty().get()));
        model.versionProperty().set(model.versions().get(0));
        assertEquals(folder.resolve("notes.md"), model.shownFileProperty().get());
    }

    private Path agentWrites(String path, String text) throws Exception {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        store.journal().append(questId, new QuestEvent.Artifact(path, "text/plain", text.length(), "written"));
        return file;
    }

    private List<String> paths() {
        return model.artifacts().stream().map(Artifact::path).toList();
    }
}
