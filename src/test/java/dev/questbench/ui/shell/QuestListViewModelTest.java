package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.QueueExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Dialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestListViewModelTest {
    @TempDir
    Path dir;
    private Store store;
    private final QueueExecutor fx = new QueueExecutor();
    private final AnsweringDialogs dialogs = new AnsweringDialogs();

    @BeforeEach
    void openStore() {
        store = Store.open(dir.resolve("data"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void groupsByWorkspaceWithPinnedFirstAndUnboundLast() throws Exception {
        Workspace zeta = store.workspaces().open(dir.resolve("zeta").toString());
        Workspace alpha = store.workspaces().open(dir.resolve("alpha").toString());
        store.workspaces().open(dir.resolve("empty").toString());
        quest("Older", alpha);
        Thread.sleep(5); // distinct activity times, so "newest first" is observable
        String pinned = quest("Pinned", alpha);
        Thread.sleep(5);
        quest("Newest", alpha);
        quest("In zeta", zeta);
        quest("Loose", null);
        store.quests().update(store.quests().get(pinned).orElseThrow().withPinned(true, Instant.now()));

        QuestListViewModel list = new QuestListViewModel(store, new DirectTaskRunner(), dialogs, fx);
        list.reload();

        assertEquals(List.of("# alpha (3)", "Pinned", "Newest", "Older", "# empty (0)", "# zeta (1)", "In zeta",
                "# No workspace (1)", "Loose"), describe(list));
        list.close();
    }

    @Test
    void deletingAsksFirstAndLiveChangesPatchTheList() throws Exception {
        String id = quest("Throwaway", null);
        QuestListViewModel list = new QuestListViewModel(store, new DirectTaskRunner(), dialogs, fx);
        list.reload();

        dialogs.confirmAnswer = false;
        list.delete(id);
        assertEquals(List.of("# No workspace (1)", "Throwaway"), describe(list));

        dialogs.confirmAnswer = true;
        list.delete(id);
        while (!describe(list).isEmpty()) {
            fx.awaitAndRun();
        }
        assertEquals(2, dialogs.confirmations);
        list.close();
    }

    private String quest(String title, Workspace workspace) {
        Quest quest = Quest.create(title, title, workspace == null ? null : workspace.id(), QuestMode.AGENT,
                QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(quest);
        store.journal().append(quest.id(), QuestEvent.UserMessage.text(title));
        return quest.id();
    }

    private static List<String> describe(QuestListViewModel list) {
        return list.rows().stream().map(row -> row instanceof QuestListRow.Group group
                ? "# " + group.name() + " (" + group.count() + ")"
                : ((QuestListRow.Item) row).summary().quest().title()).toList();
    }

    /** Answers confirmations as the test says; no other dialog is expected. */
    private static final class AnsweringDialogs implements DialogService {
        boolean confirmAnswer;
        int confirmations;

        @Override
        public Optional<Path> chooseFolder(String title, Path initialFolder) {
            return Optional.empty();
        }

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            confirmations++;
            return confirmAnswer;
        }

        @Override
        public Optional<String> askText(String title, String label, String initialValue) {
            return Optional.empty();
        }

        @Override
        public void showError(String title, String message) {
            throw new AssertionError(title + ": " + message);
        }

        @Override
        public <R> Optional<R> showAndWait(Dialog<R> dialog) {
            return Optional.empty();
        }
    }
}
