package dev.questbench.ui.newquest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.testing.TestEngine;
import dev.questbench.workspace.env.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewQuestViewModelTest {
    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;
    private NewQuestViewModel form;

    @BeforeEach
    void openStore() {
        store = Store.open(dir.resolve("data"));
        // The agent works until stopped, so the quest is still under way when the test looks.
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(turn -> {
            turn.sleep(10_000);
            return new TurnResult.EndTurn();
        }), (goal, summary, round) -> new GoalVerdict(true, "", ""));
        form = new NewQuestViewModel(store, engine.executor(), new DirectTaskRunner(), new FxDialogService(() -> null),
                null);
    }

    @AfterEach
    void closeStore() {
        engine.close();
        store.close();
    }

    @Test
    void anEmptyPromptIsExplainedAndNothingIsCreated() {
        AtomicReference<String> created = new AtomicReference<>();
        form.promptProperty().set("   ");
        form.create(created::set);

        assertNull(created.get());
        assertEquals("Describe the goal: what should the agent do?", form.problemProperty().get());
        assertEquals(List.of(), store.quests().list(dev.questbench.store.QuestQuery.ALL));
    }

    @Test
    void worktreeFallsBackToLocalWhenTheWorkspaceIsCleared() {
        Path project = GitRepos.withCommit(dir.resolve("project"));
        form.folderProperty().set(project);
        form.environmentProperty().set(QuestEnvironment.WORKTREE);
        assertEquals(QuestEnvironment.WORKTREE, form.environmentProperty().get(), "a repository allows a worktree");
        form.folderProperty().set(null);

        assertEquals(QuestEnvironment.LOCAL, form.environmentProperty().get());
    }

    @Test
    void createsAQuestInItsWorkspaceThroughTheExecutorWithThePromptAsFirstMessage() throws Exception {
        Path project = Files.createDirectories(dir.resolve("shop"));
        AtomicReference<String> created = new AtomicReference<>();
        form.promptProperty().set("Add pagination to the orders table\nand test it");
        form.folderProperty().set(project);
        form.modeProperty().set(QuestMode.EXPERTS);
        form.create(created::set);

        assertNotNull(created.get());
        QuestSummary summary = store.quests().summary(created.get()).orElseThrow();
        assertTrue(summary.status().isActive(), "handed to the executor: " + summary.status());
        assertEquals("Add pagination to the orders table", summary.quest().title());
        assertEquals(QuestMode.EXPERTS, summary.quest().mode());
        assertEquals("shop", store.workspaces().get(summary.quest().workspaceId()).orElseThrow().name());
        List<JournalEntry> journal = store.journal().readAfter(created.get(), null, 10);
        assertEquals(QuestEvent.UserMessage.text("Add pagination to the orders table\nand test it"),
                journal.get(0).event());
        assertFalse(summary.quest().options().specDriven());
    }

    @Test
    void specFirstMakesASpecDrivenQuest() {
        AtomicReference<String> created = new AtomicReference<>();
        form.promptProperty().set("Add an export button");
        form.specDrivenProperty().set(true);
        form.create(created::set);

        assertTrue(store.quests().get(created.get()).orElseThrow().options().specDriven());
    }
}
