package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One workspace per folder, found again by its normalised absolute path. */
class WorkspaceRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void theSameFolderIsTheSameWorkspace() {
        try (Store store = Store.open(dir)) {
            Workspace first = store.workspaces().open(dir.resolve("shop").toString());
            Workspace again = store.workspaces().open(dir.resolve("shop/src/../").toString() + "/");
            Workspace other = store.workspaces().open(dir.resolve("blog").toString());
            assertEquals(first, again);
            assertNotEquals(first.id(), other.id());
            assertTrue(first.id().startsWith("ws_"), first.id());
            assertEquals("shop", first.name());
            assertEquals(dir.resolve("shop").toAbsolutePath().toString(), first.path());
            assertEquals(List.of(other, first), store.workspaces().list()); // by name
            assertEquals(first, store.workspaces().get(first.id()).orElseThrow());
            assertTrue(store.workspaces().get("ws_missing").isEmpty());
        }
    }

    @Test
    void relativePathsBecomeAbsolute() {
        try (Store store = Store.open(dir)) {
            Workspace relative = store.workspaces().open("some/project");
            assertEquals(Path.of("some/project").toAbsolutePath().normalize().toString(), relative.path());
            assertThrows(IllegalArgumentException.class, () -> store.workspaces().open("  "));
        }
    }

    @Test
    void removingAWorkspaceTellsListenersItsQuestsAreUnbound() throws Exception {
        try (Store store = Store.open(dir)) {
            Workspace workspace = store.workspaces().open(dir.resolve("shop").toString());
            Quest quest = store.quests().create(TestQuests.quest("Bound", workspace.id())).quest();
            BlockingQueue<QuestChange> changes = new LinkedBlockingQueue<>();
            store.quests().subscribe(changes::add);
            store.workspaces().remove(workspace.id());
            QuestChange change = changes.poll(5, TimeUnit.SECONDS);
            QuestChange.Upserted upserted = (QuestChange.Upserted) change;
            assertEquals(quest.id(), upserted.questId());
            assertEquals(null, upserted.summary().quest().workspaceId());
            assertTrue(store.workspaces().list().isEmpty());
        }
    }

    @Test
    void aQuestNeedsAnExistingWorkspace() {
        try (Store store = Store.open(dir)) {
            assertThrows(StoreException.class, () -> store.quests().create(TestQuests.quest("Orphan", "ws_gone")));
        }
    }
}
