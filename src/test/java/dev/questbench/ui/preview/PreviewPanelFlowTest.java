package dev.questbench.ui.preview;

import static dev.questbench.ui.preview.FxQuery.on;
import static dev.questbench.ui.preview.FxQuery.script;
import static dev.questbench.ui.preview.FxQuery.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Preview tab with a real store: the artifact list, picking one, and live reload after the quest rewrites the
 * page, keeping the scroll position.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewPanelFlowTest {
    @TempDir
    static Path root;
    private Store store;
    private TestEngine engine;
    private FxTaskRunner tasks;
    private PreviewViewModel model;
    private PreviewPanel panel;
    private Path folder;
    private String questId;

    @Start
    void start(Stage stage) throws Exception {
        Path base = Files.createTempDirectory(root, "flow");
        folder = Files.createDirectories(base.resolve("site"));
        store = Store.open(base.resolve("data"));
        engine = TestEngine.unstarted(store);
        Workspace workspace = store.workspaces().open(folder.toString());
        Quest quest = Quest.create("Site", "Build", workspace.id(), QuestMode.AGENT, QuestEnvironment.LOCAL,
                Instant.now());
        store.quests().create(quest);
        questId = quest.id();
        tasks = new FxTaskRunner(2);
        AnsweringDialogs dialogs = new AnsweringDialogs();
        RecordingApps apps = new RecordingApps();
        model = new PreviewViewModel(store, engine.parts, tasks, dialogs, apps, Platform::runLater, Platform::runLater);
        panel = new PreviewPanel(model, apps, tasks, dialogs);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(panel, 800, 700));
        stage.sizeToScene(); // an earlier test may have sized the shared stage
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        tasks.close();
        engine.close();
        store.close();
    }

    @Test
    void aRewrittenPageReloadsWhereTheUserWas(FxRobot robot) throws Exception {
        Path page = folder.resolve("report.html");
        Files.writeString(page, tallPage("v1"));
        store.journal().append(questId, new QuestEvent.Artifact("report.html", "text/html", 10, "written"));
        Files.writeString(folder.resolve("notes.md"), "# Notes");
        store.journal().append(questId, new QuestEvent.Artifact("notes.md", "text/markdown", 7, "written"));
        robot.interact(() -> model.show(questId));
        @SuppressWarnings("unchecked")
        ListView<dev.questbench.preview.Artifact> list = robot.lookup("#artifact-list").queryAs(ListView.class);
        until(20, () -> list.getItems().size() == 2);
        assertEquals("notes.md", on(() -> list.getItems().get(0).path()), "newest first");
        robot.interact(() -> list.getSelectionModel().select(1));
        until(20, () -> panel.renderer() instanceof WebRenderer web
                && "v1".equals(script(web.webView(), "document.getElementById('mark') && "
                + "document.getElementById('mark').textContent")));
        WebRenderer web = (WebRenderer) on(panel::renderer);
        robot.interact(() -> web.webView().getEngine().executeScript("window.scrollTo(0, 900)"));
        until(20, () -> "900".equals(script(web.webView(), "String(Math.round(window.scrollY))")));

        Files.writeString(page, tallPage("v2"));

        until(20, () -> "v2".equals(script(web.webView(), "document.getElementById('mark') && "
                + "document.getElementById('mark').textContent")));
        until(20, () -> "900".equals(script(web.webView(), "String(Math.round(window.scrollY))")));
        assertTrue(on(() -> panel.renderer() == web), "the same renderer reloaded the page");
    }

    private static String tallPage(String mark) {
        return "<html><body><p id=mark>" + mark + "</p><div style='height:4000px'></div></body></html>";
    }
}
