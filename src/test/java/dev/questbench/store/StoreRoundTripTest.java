package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything written to a store reads back equal after it is closed and opened again. */
class StoreRoundTripTest {
    private static final Setting<Integer> FONT_SIZE = Setting.of("ui.fontSize", Integer.class, 13);
    private static final Setting<String> THEME = Setting.of("ui.theme", String.class, "system");

    @TempDir
    Path dir;

    @Test
    void everythingReadsBackEqualAfterReopen() throws Exception {
        Workspace workspace;
        Quest bound;
        Quest loose;
        List<JournalEntry> written = new ArrayList<>();
        String bigText = "x".repeat(70 * 1024) + " tail ünïcödé";
        try (Store store = Store.open(dir)) {
            workspace = store.workspaces().open(dir.resolve("project").toString());
            Instant created = Instant.parse("2025-03-04T05:06:07.123456789Z");
            bound = new Quest("qst_bound", "Add pagination", "Add pagination to orders", workspace.id(), "acp:gemini",
                    "gemini-2.5", QuestMode.EXPERTS, QuestEnvironment.WORKTREE,
                    new QuestOptions(true, "all tests pass", PermissionMode.ACCEPT_EDITS), true, false, false,
                    created, created.plusSeconds(5));
            store.quests().create(bound);
            loose = store.quests().create(TestQuests.quest("Loose quest")).quest();
            written.addAll(store.journal().appendAll(bound.id(), List.of(
                    QuestEvent.UserMessage.text("Add pagination"),
                    new QuestEvent.SessionStatusRunning(),
                    new QuestEvent.AgentToolUse("Bash", JsonNodeFactory.instance.objectNode().put("command", "ls"),
                            Decision.Permission.ASK))));
            written.add(store.journal().append(bound.id(), new QuestEvent.AgentToolResult("evt_x",
                    ContentBlock.textList(bigText), false, 42L)));
            written.add(store.journal().append(bound.id(), QuestEvent.SessionStatusIdle.endTurn()));
            store.settings().set(FONT_SIZE, 16);
        }

        try (Store store = Store.open(dir)) {
            assertEquals(List.of(workspace), store.workspaces().list());
            assertEquals(bound, store.quests().get(bound.id()).orElseThrow());
            assertEquals(loose, store.quests().get(loose.id()).orElseThrow());
            QuestSummary summary = store.quests().summary(bound.id()).orElseThrow();
            assertEquals(QuestStatus.READY, summary.status());
            assertEquals(5, summary.eventCount());
            assertEquals(written.get(4).processedAt(), summary.lastActivityAt());
            assertEquals(written, store.journal().readAfter(bound.id(), null, 0));
            QuestEvent.AgentToolResult big = (QuestEvent.AgentToolResult) store.journal()
                    .get(written.get(3).id()).orElseThrow().event();
            assertEquals(bigText, ContentBlock.plainText(big.content()));
            assertEquals(16, store.settings().get(FONT_SIZE));
            assertEquals("system", store.settings().get(THEME));
        }

        // The big body lives in one blob file; its row keeps only the reference.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("questbench.db"));
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT body, blob_ref FROM events WHERE id = '"
                     + written.get(3).id() + "'")) {
            assertTrue(row.next());
            assertNull(row.getString(1));
            String ref = row.getString(2);
            assertNotNull(ref);
            assertTrue(ref.matches("sha256:[0-9a-f]{64}"), ref);
        }
        try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void identicalLargeBodiesShareOneBlob() throws Exception {
        try (Store store = Store.open(dir)) {
            Quest quest = TestQuests.created(store, "Big output");
            QuestEvent big = QuestEvent.AgentMessage.text("y".repeat(100_000));
            store.journal().append(quest.id(), big);
            store.journal().append(quest.id(), big);
            assertEquals(List.of(big, big), store.journal().readLast(quest.id(), 10).stream()
                    .map(JournalEntry::event).toList());
        }
        try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void bodyOfExactly64KibStaysInline() throws Exception {
        try (Store store = Store.open(dir)) {
            Quest quest = TestQuests.created(store, "Edge");
            String prefix = "{\"type\":\"agent.thinking\",\"text\":\"";
            String text = "z".repeat(EventRows.MAX_INLINE_BODY - prefix.length() - 2);
            JournalEntry entry = store.journal().append(quest.id(), new QuestEvent.AgentThinking(text));
            QuestEvent back = store.journal().get(entry.id()).orElseThrow().event();
            assertEquals(text, ((QuestEvent.AgentThinking) back).text());
        }
        assertTrue(Files.notExists(dir.resolve("blobs")) || Files.list(dir.resolve("blobs")).findAny().isEmpty());
    }
}
