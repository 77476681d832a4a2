package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.questbench.domain.Ids;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quest lists: filters, orders, pinned first, grouping and limits. */
class QuestListTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private Store store;
    private Workspace api;
    private Workspace web;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        api = store.workspaces().open(dir.resolve("api").toString());
        web = store.workspaces().open(dir.resolve("Web").toString());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void filtersByWorkspaceUnboundStatusAndArchive() {
        Quest a = create("a", api, 1);
        Quest b = create("b", web, 2);
        Quest loose = create("loose", null, 3);
        Quest archived = create("archived", api, 4);
        store.quests().update(archived.withArchived(true, Instant.now()));
        store.journal().append(b.id(), new QuestEvent.SessionStatusRunning());

        assertEquals(List.of("b", "loose", "a"), titles(QuestQuery.ALL)); // b has the newest activity
        assertEquals(List.of("a"), titles(QuestQuery.ALL.withWorkspace(api.id())));
        assertEquals(List.of("loose"), titles(QuestQuery.ALL.withWorkspace(QuestQuery.NO_WORKSPACE)));
        assertEquals(List.of("b"),
                titles(new QuestQuery(null, Set.of(QuestStatus.RUNNING), null, false, null, false, 0)));
        assertEquals(List.of("loose", "a"),
                titles(new QuestQuery(null, Set.of(QuestStatus.READY), null, false, null, false, 0)));
        assertEquals(List.of("archived", "a"),
                titles(new QuestQuery(api.id(), Set.of(), null, true, QuestSort.CREATED, false, 0)));
        QuestQuery firstTwoByTitle = new QuestQuery(null, Set.of(), null, false, QuestSort.TITLE, false, 2);
        assertEquals(List.of(a.id(), b.id()), store.quests().list(firstTwoByTitle).stream().map(QuestSummary::id)
                .toList());
    }

    @Test
    void pinnedComeFirstInEveryOrder() {
        create("delta", null, 1);
        create("alpha", null, 2);
        Quest pinned = create("zulu", null, 0);
        store.quests().update(pinned.withPinned(true, Instant.now()));
        create("charlie", null, 3);

        assertEquals(List.of("zulu", "charlie", "alpha", "delta"), titles(QuestQuery.ALL.withSort(QuestSort.CREATED)));
        assertEquals(List.of("zulu", "alpha", "charlie", "delta"), titles(QuestQuery.ALL.withSort(QuestSort.TITLE)));
        assertEquals(List.of("zulu", "charlie", "alpha", "delta"),
                titles(QuestQuery.ALL.withSort(QuestSort.RECENT_ACTIVITY)));
    }

    @Test
    void statusOrderFollowsTheBoardAndLimitCuts() {
        Quest ready = create("ready", null, 1);
        Quest running = create("running", null, 2);
        Quest queued = create("queued", null, 3);
        Quest failed = create("failed", null, 4);
        store.journal().append(running.id(), new QuestEvent.SessionStatusRunning());
        store.journal().append(queued.id(), QuestEvent.UserMessage.text("go"));
        store.journal().append(failed.id(), QuestEvent.SessionError.of("boom", "It broke"));

        QuestQuery byStatus = QuestQuery.ALL.withSort(QuestSort.STATUS);
        assertEquals(List.of("queued", "running", "ready", "failed"), titles(byStatus));
        assertEquals(List.of("queued", "running"), titles(new QuestQuery(null, null, null, false, QuestSort.STATUS,
                false, 2)));
        assertEquals(ready.id(), store.quests().list(byStatus).get(2).id());
    }

    @Test
    void groupingOrdersWorkspacesByNameWithUnboundLastAndPinnedFirstInEachGroup() {
        create("web old", web, 1);
        Quest webPinned = create("web pinned", web, 2);
        store.quests().update(webPinned.withPinned(true, Instant.now()));
        create("web new", web, 3);
        create("loose", null, 4);
        create("api one", api, 5);

        assertEquals(List.of("api one", "web pinned", "web new", "web old", "loose"),
                titles(QuestQuery.ALL.withSort(QuestSort.CREATED).grouped()));
    }

    @Test
    void removingAWorkspaceUnbindsItsQuests() {
        Quest bound = create("bound", api, 1);
        store.workspaces().remove(api.id());
        assertNull(store.quests().get(bound.id()).orElseThrow().workspaceId());
        assertEquals(List.of("bound"), titles(QuestQuery.ALL.withWorkspace(QuestQuery.NO_WORKSPACE)));
        assertEquals(List.of(web), store.workspaces().list());
    }

    @Test
    void updatingOrDeletingAMissingQuestIsClear() {
        Quest ghost = TestQuests.quest("ghost");
        StoreException error = assertThrows(StoreException.class, () -> store.quests().update(ghost));
        assertEquals("Cannot update quest " + ghost.id() + ": it does not exist (it may have been deleted).",
                error.getMessage());
        store.quests().delete(ghost.id()); // deleting what is gone is not an error
        assertEquals(List.of(), store.quests().list(QuestQuery.ALL));
    }

    private Quest create(String title, Workspace workspace, int minutes) {
        Instant at = T0.plusSeconds(60L * minutes);
        Quest quest = new Quest(Ids.quest(), title, "", workspace == null ? null : workspace.id(),
                null, null, null, null, null, false, false, true, at, at);
        return store.quests().create(quest).quest();
    }

    private List<String> titles(QuestQuery query) {
        return store.quests().list(query).stream().map(summary -> summary.quest().title()).toList();
    }
}
