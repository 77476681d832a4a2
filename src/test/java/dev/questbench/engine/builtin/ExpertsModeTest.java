package dev.questbench.engine.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.experts.ExpertCards;
import dev.questbench.ui.experts.ExpertTeamCanvas;
import dev.questbench.ui.experts.ExpertTeamViewModel;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An Experts-mode quest: a scripted Lead starts two experts, integrates their reports, and the canvas shows them. */
@ExtendWith(ApplicationExtension.class)
class ExpertsModeTest {
    @TempDir
    Path dir;
    AgentFixture fixture;
    FxTaskRunner tasks;
    ExpertTeamViewModel team;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new AgentFixture(dir, 100_000);
        tasks = new FxTaskRunner(1);
        team = new ExpertTeamViewModel(fixture.store, tasks, Platform::runLater);
        stage.setScene(new Scene(new ExpertTeamCanvas(team), 640, 400));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        team.close();
        tasks.close();
        fixture.close();
    }

    @Test
    void theLeadStartsTwoExpertsAndIntegratesTheirReportsOnTheCanvas(FxRobot robot) throws Exception {
        fixture.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode body;
                try {
                    body = EventJson.mapper().readTree(request.getBody().utf8());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                String system = body.get("messages").get(0).get("content").asText();
                if (system.startsWith("You are the team's Researcher")) {
                    return OpenAiScript.reply().text("Research: the API lives in api.ts").response();
                }
                if (system.startsWith("You are the team's Full-Stack Engineer")) {
                    return OpenAiScript.reply().text("Implemented GET /health").response();
                }
                if (body.toString().contains("\"role\":\"tool\"")) {
                    return OpenAiScript.reply().text("Integrated: researched and implemented /health.").response();
                }
                return OpenAiScript.reply()
                        .tool("c1", "Agent", OpenAiScript.json("subagent_type", "Researcher", "description",
                                "Find the API", "prompt", "Where is the API defined?"))
                        .tool("c2", "Agent", OpenAiScript.json("subagent_type", "Full-Stack Engineer",
                                "description", "Add health endpoint", "prompt", "Add GET /health")).response();
            }
        });
        fixture.store.settings().set(dev.questbench.agent.builtin.AgentSettings.EXPERTS, EventJson.mapper()
                .readTree("{\"Researcher\":{\"model\":\"research-model\",\"prompt\":\"Cite file paths.\"}}"));
        Quest quest = Quest.create(null, "Add a health endpoint", fixture.workspace.id(), QuestMode.EXPERTS,
                QuestEnvironment.LOCAL, Instant.now());
        quest = quest.withOptions(new QuestOptions(false, null, PermissionMode.DEFAULT), quest.createdAt());
        String id = fixture.executor.create(quest).id();
        WaitForAsyncUtils.asyncFx(() -> team.show(id)).get(10, TimeUnit.SECONDS);
        fixture.awaitStatus(id, QuestStatus.READY);

        List<JsonNode> requests = fixture.requests();
        JsonNode researcher = requests.stream().filter(r -> r.get("messages").get(0).get("content").asText()
                .startsWith("You are the team's Researcher")).findFirst().orElseThrow();
        assertEquals("research-model", researcher.get("model").asText(), "the per-expert model from Settings");
        assertTrue(researcher.get("messages").get(0).get("content").asText().contains("Cite file paths."));
        JsonNode lead = requests.stream().filter(r -> r.get("messages").get(0).get("content").asText()
                .contains("# Experts mode")).findFirst().orElseThrow();
        String agentTool = lead.get("tools").toString();
        assertTrue(agentTool.contains("Researcher") && agentTool.contains("Debug Engineer"), agentTool);
        List<QuestEvent.AgentMessage> messages = fixture.events(id, QuestEvent.AgentMessage.class);
        assertTrue(dev.questbench.domain.event.ContentBlock.plainText(messages.get(messages.size() - 1).content())
                .startsWith("Integrated"));

        List<ExpertCards.Card> cards = ExpertCards.from(fixture.entries(id));
        assertEquals(List.of("Researcher", "Full-Stack Engineer"), cards.stream().map(ExpertCards.Card::role).toList());
        assertEquals(List.of("Completed", "Completed"), cards.stream().map(ExpertCards.Card::status).toList());
        assertEquals("Research: the API lives in api.ts", cards.get(0).summary());
        assertEquals("Add health endpoint", cards.get(1).task());

        AgentFixture.await(() -> robot.lookup(".expert-card").queryAll().size() == 2 && robot.lookup(".expert-card")
                .queryAll().stream().allMatch(card -> robot.from(card).lookup("Completed").tryQuery().isPresent()),
                () -> "the canvas shows both experts completed");
        FlowPane board = robot.lookup("#expert-cards").queryAs(FlowPane.class);
        assertEquals(2, board.getChildren().size());
        Label status = robot.lookup("#expert-status-" + cards.get(1).toolUseId()).queryAs(Label.class);
        assertEquals("Completed", status.getText());
    }
}
