package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.Snapshots;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: with {@code -Dqb.shots=DIR} it seeds quests in every lifecycle state (approval, error, spec, goal
 * with a queued message, interrupted, stopped) and saves the window showing each, light and dark, plus the board.
 */
@ExtendWith(ApplicationExtension.class)
class LifecycleScreenshotTour {
    @TempDir
    Path dir;

    @Test
    void saveScreenshots() throws Exception {
        String shots = System.getProperty("qb.shots");
        assumeTrue(shots != null, "set -Dqb.shots=DIR to save screenshots");
        Path out = Path.of(shots);
        try (Store store = Store.open(dir.resolve("data")); FxTaskRunner tasks = new FxTaskRunner(2);
             TestEngine engine = TestEngine.unstarted(store)) {
            Map<String, String> quests = seed(store);
            MainWindow[] window = new MainWindow[1];
            fx(() -> {
                Stage stage = new Stage();
                window[0] = new MainWindow(stage, store, engine.parts, tasks, new FxDialogService(() -> stage), false);
                stage.setWidth(1280); // the headless screen's size
                stage.setHeight(800);
                stage.show();
            });
            for (ThemePreference theme : List.of(ThemePreference.LIGHT, ThemePreference.DARK)) {
                String suffix = "-" + theme.name().toLowerCase(Locale.ROOT) + ".png";
                fx(() -> window[0].model().themeProperty().set(theme));
                for (Map.Entry<String, String> quest : quests.entrySet()) {
                    fx(() -> window[0].model().openQuest(quest.getValue()));
                    settle();
                    fx(() -> Snapshots.write(window[0].stage().getScene(), out.resolve(quest.getKey() + suffix)));
                }
                fx(() -> window[0].model().showBoard());
                settle();
                fx(() -> Snapshots.write(window[0].stage().getScene(), out.resolve("board-attention" + suffix)));
            }
            fx(() -> window[0].close());
        }
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void settle() throws Exception {
        Thread.sleep(500); // background loads and CSS; this is a picture, not an assertion
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** One quest per state, by screenshot name. Read flags are set last: opening a quest marks it read. */
    private Map<String, String> seed(Store store) {
        Workspace shop = store.workspaces().open(dir.resolve("shop-frontend").toString());
        Workspace api = store.workspaces().open(dir.resolve("orders-api").toString());
        Map<String, String> shown = new LinkedHashMap<>();
        String clean = quest(store, "Clean up the build scripts", shop, null, false);
        JournalEntry use = append(store, clean, List.of(new QuestEvent.SessionStatusRunning(),
                QuestEvent.AgentMessage.text("The old build output is in the way; I'll remove it first."),
                new QuestEvent.AgentToolUse("Bash", JsonNodeFactory.instance.objectNode()
                        .put("command", "rm -rf build/ dist/ && npm ci").put("timeout", 120000),
                        Decision.Permission.ASK)));
        append(store, clean, List.of(QuestEvent.SessionStatusIdle.requiresAction(List.of(use.id()))));
        shown.put("card-approval", clean);

        String steps = quest(store, "Fix the off-by-one in the pager", shop, null, false);
        JournalEntry read = append(store, steps, List.of(new QuestEvent.SessionStatusRunning(),
                new QuestEvent.Checkpoint(1, "refs/questbench/q/1", "abc1234"),
                new QuestEvent.ContextLoaded(List.of(new QuestEvent.ContextLoaded.Reference(
                        dir.resolve("shop/AGENTS.md").toString(), "memory", "project")), List.of()),
                new QuestEvent.AgentThinking("The pager probably computes the last page with a floor division."),
                QuestEvent.AgentMessage.text("I'll read the pager first."),
                new QuestEvent.AgentToolUse("Read", JsonNodeFactory.instance.objectNode()
                        .put("file_path", "src/pager.js"), Decision.Permission.ALLOW)));
        JournalEntry edit = append(store, steps, List.of(new QuestEvent.AgentToolResult(read.id(),
                        ContentBlock.textList("     1\tfunction lastPage(total, size) {\n     2\t  return "
                                + "Math.floor(total / size);\n     3\t}"), false, 4L),
                new QuestEvent.TodoUpdated(List.of(
                        new QuestEvent.TodoUpdated.TodoItem("Read the pager", "completed", "Reading the pager"),
                        new QuestEvent.TodoUpdated.TodoItem("Fix lastPage", "in_progress", "Fixing lastPage"),
                        new QuestEvent.TodoUpdated.TodoItem("Run the tests", "pending", "Running the tests"))),
                new QuestEvent.AgentToolUse("Edit", JsonNodeFactory.instance.objectNode()
                        .put("file_path", "src/pager.js").put("old_string", "Math.floor(total / size)")
                        .put("new_string", "Math.ceil(total / size)"), Decision.Permission.ALLOW)));
        JournalEntry bash = append(store, steps, List.of(new QuestEvent.AgentToolResult(edit.id(),
                        ContentBlock.textList("Edited src/pager.js (1 replacement).\n@@ -2 +2 @@\n-  return "
                                + "Math.floor(total / size);\n+  return Math.ceil(total / size);"), false, 6L),
                new QuestEvent.AgentToolUse("Bash", JsonNodeFactory.instance.objectNode()
                        .put("command", "npm test -- pager"), Decision.Permission.ALLOW)));
        append(store, steps, List.of(
                new QuestEvent.ToolProgress(bash.id(), "> shop@1.0.0 test\n> vitest run pager\n\n ✓ pager.test.js (4)\n"),
                new QuestEvent.AgentToolResult(bash.id(), ContentBlock.textList("> vitest run pager\n ✓ pager.test.js "
                        + "(4)\n Test Files  1 passed (1)\nExit code: 0"), false, 2140L),
                new QuestEvent.HookRan("PostToolUse", ".qoder/hooks/lint.sh", 0, "lint ok", "ok", 310),
                new QuestEvent.AgentToolUse("AskUserQuestion", JsonNodeFactory.instance.objectNode()
                        .put("question", "Should an empty list show page 1 of 1 or page 0 of 0?")
                        .put("default", "page 1 of 1")
                        .set("options", JsonNodeFactory.instance.arrayNode().add("page 1 of 1").add("page 0 of 0")),
                        Decision.Permission.ASK)));
        String question = store.journal().readLast(steps, 1).get(0).id();
        append(store, steps, List.of(QuestEvent.SessionStatusIdle.requiresAction(List.of(question))));
        shown.put("agent-steps", steps);

        String error = quest(store, "Add rate limiting to public endpoints", api, null, false);
        append(store, error, List.of(new QuestEvent.SessionStatusRunning(), new QuestEvent.SessionError(
                new QuestEvent.SessionError.ErrorInfo("model_unavailable", "Could not connect to "
                        + "http://localhost:8000/v1: connection refused. Check that the server is running and that "
                        + "the base URL in Settings → Models is right.", true))));
        shown.put("card-error", error);

        String spec = quest(store, "Add CSV export to the orders page", shop, null, true);
        String markdown = "## Requirements\nUsers export the filtered orders as CSV.\n## Design\nA button in the "
                + "toolbar calls GET /orders.csv with the current filters.\n## Tasks\n- [ ] Add the endpoint\n"
                + "- [ ] Add the Export button\n- [ ] Test both\n## Acceptance criteria\nThe file opens in Excel.";
        JournalEntry proposed = append(store, spec, List.of(new QuestEvent.SessionStatusRunning(),
                QuestEvent.AgentMessage.text(markdown), new QuestEvent.SpecProposed(markdown, List.of(
                        new QuestEvent.TodoUpdated.TodoItem("Add the endpoint", "pending", null),
                        new QuestEvent.TodoUpdated.TodoItem("Add the Export button", "pending", null),
                        new QuestEvent.TodoUpdated.TodoItem("Test both", "pending", null)))));
        append(store, spec, List.of(QuestEvent.SessionStatusIdle.requiresAction(List.of(proposed.id()))));
        shown.put("card-spec", spec);

        String goal = quest(store, "Raise test coverage", api, "test coverage above 80% without touching the API",
                false);
        append(store, goal, List.of(new QuestEvent.SessionStatusRunning(),
                new QuestEvent.ModelRequestEnd("qwen3", new QuestEvent.ModelRequestEnd.Usage(12_300, 2_100, null,
                        null), 4_200L),
                QuestEvent.AgentMessage.text("Added 14 tests for the order service; coverage is 72%."),
                QuestEvent.SessionStatusIdle.endTurn(),
                new QuestEvent.GoalEvaluated(1, false, "coverage is 72%", "test the CSV parser"),
                QuestEvent.UserMessage.text("Keep working towards the goal"), new QuestEvent.SessionStatusRunning(),
                new QuestEvent.MessageQueued("qm_1", ContentBlock.textList("Also check the date parsing in "
                        + "invoices, it broke last week."))));
        shown.put("card-goal", goal);

        String interrupted = quest(store, "Translate the onboarding guide", null, null, false);
        append(store, interrupted, List.of(new QuestEvent.SessionStatusRunning(),
                QuestEvent.AgentMessage.text("Translated chapters 1–3."),
                new QuestEvent.Interrupted("Questbench stopped while this quest was running. Resume continues "
                        + "from where it was.")));
        shown.put("card-interrupted", interrupted);

        String stopped = quest(store, "Migrate orders to the new schema", api, null, false);
        append(store, stopped, List.of(new QuestEvent.SessionStatusRunning(),
                QuestEvent.AgentMessage.text("Writing migration V12…"), QuestEvent.SessionStatusIdle.stopped(),
                new QuestEvent.ModelRequestEnd("qwen3", new QuestEvent.ModelRequestEnd.Usage(3_400, 800, null,
                        null), 1_000L)));
        shown.put("card-stopped", stopped);

        String unseen = quest(store, "Summarise last week's incidents", null, null, false);
        append(store, unseen, List.of(new QuestEvent.SessionStatusRunning(),
                QuestEvent.AgentMessage.text("Three incidents, all in checkout."), QuestEvent.SessionStatusIdle.endTurn()));
        store.quests().update(store.quests().get(unseen).orElseThrow().withRead(false, Instant.now()));
        return shown;
    }

    private static String quest(Store store, String title, Workspace home, String goal, boolean spec) {
        Instant now = Instant.now();
        Quest quest = Quest.create(title, title + ". Keep the public API stable and add tests.",
                home == null ? null : home.id(), QuestMode.AGENT, QuestEnvironment.LOCAL, now)
                .withOptions(new QuestOptions(spec, goal, PermissionMode.DEFAULT), now);
        store.quests().create(quest);
        store.journal().append(quest.id(), QuestEvent.UserMessage.text(quest.prompt()));
        return quest.id();
    }

    private static JournalEntry append(Store store, String questId, List<QuestEvent> events) {
        List<JournalEntry> written = store.journal().appendAll(questId, events);
        return written.get(written.size() - 1);
    }
}
