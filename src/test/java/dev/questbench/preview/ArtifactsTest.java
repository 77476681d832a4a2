package dev.questbench.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.workspace.checkpoint.Checkpoints;
import dev.questbench.workspace.git.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts found in a real journal and, for files made by shell commands, since the first real checkpoint. */
class ArtifactsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Git GIT = Git.locate(System.getenv());

    @TempDir
    Path root;
    private Path folder;
    private Store store;
    private String questId;

    @BeforeEach
    void setUp() throws Exception {
        folder = Files.createDirectories(root.resolve("work"));
        store = Store.open(root.resolve("data"));
        Quest quest = Quest.create("Report", "Make a report", null, QuestMode.AGENT, QuestEnvironment.LOCAL,
                Instant.now());
        store.quests().create(quest);
        questId = quest.id();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void findsArtifactEventsAndSuccessfulWritesNewestFirst() throws Exception {
        Files.writeString(folder.resolve("report.html"), "<h1>Hi</h1>");
        Files.createDirectories(folder.resolve("docs"));
        Files.writeString(folder.resolve("docs/notes.md"), "# Notes");
        store.journal().append(questId, new QuestEvent.Artifact("report.html", "text/html", 11, "written"));
        write("docs/notes.md", false);
        write(folder.resolve("failed.csv").toString(), true);
        write("../outside.txt", false);

        List<Artifact> found = ArtifactDetector.fromJournal(entries(), folder);

        assertEquals(List.of("docs/notes.md", "report.html"), found.stream().map(Artifact::path).toList());
        assertEquals(FileKind.MARKDOWN, found.get(0).kind());
        assertEquals(7, found.get(0).size());
        assertEquals("created", found.get(1).change());
    }

    @Test
    void aFileGoneSinceIsMarkedDeleted() throws Exception {
        store.journal().append(questId, new QuestEvent.Artifact("gone.png", "image/png", 3, "written"));
        Artifact gone = ArtifactDetector.fromJournal(entries(), folder).get(0);
        assertFalse(gone.exists());
        assertEquals("deleted", gone.change());
        assertEquals(FileKind.IMAGE, gone.kind());
    }

    @Test
    void filesMadeByShellCommandsComeFromTheFirstCheckpoint() throws Exception {
        GIT.output(folder, "init", "-q", "-b", "main", ".");
        Files.writeString(folder.resolve("old.txt"), "before");
        Checkpoints checkpoints = new Checkpoints(GIT, root.resolve("shadows"));
        store.journal().append(questId, checkpoints.take(folder, questId, 1).event());
        Files.writeString(folder.resolve("chart.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        Files.writeString(folder.resolve("old.txt"), "after");
        Files.writeString(folder.resolve("page.html"), "<p>x</p>");
        store.journal().append(questId, new QuestEvent.Artifact("page.html", "text/html", 8, "written"));

        List<Artifact> found = new Artifacts(store.journal(), GIT, root.resolve("shadows")).list(questId, folder);

        List<String> paths = found.stream().map(Artifact::path).toList();
        assertTrue(paths.containsAll(List.of("chart.svg", "old.txt", "page.html")), paths::toString);
        assertEquals(3, paths.size(), paths::toString);
        Artifact chart = found.stream().filter(a -> a.path().equals("chart.svg")).findFirst().orElseThrow();
        assertEquals(FileKind.SVG, chart.kind());
        assertEquals("created", chart.change());
        assertEquals("modified", found.stream().filter(a -> a.path().equals("old.txt")).findFirst().orElseThrow()
                .change());
    }

    private void write(String path, boolean fails) {
        JournalEntry use = store.journal().append(questId, new QuestEvent.AgentToolUse("Write",
                JSON.createObjectNode().put("file_path", path).put("content", "x"), null));
        store.journal().append(questId, new QuestEvent.AgentToolResult(use.id(),
                ContentBlock.textList(fails ? "denied" : "ok"), fails, 3L));
    }

    private List<JournalEntry> entries() {
        return store.journal().readByType(questId, ArtifactDetector.TYPES, 0);
    }
}
