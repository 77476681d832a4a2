package dev.questbench.engine.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.QuestStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skills in a real turn: listed in the system prompt, loaded by the Skill tool or by {@code /name}. */
class SkillLoadingTest {
    @TempDir
    Path dir;
    AgentFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new AgentFixture(dir, 100_000);
        Path skill = Files.createDirectories(fixture.workspaceDir.resolve(".qoder/skills/release-notes"));
        Files.writeString(skill.resolve("SKILL.md"), "---\nname: release-notes\ndescription: Write release notes "
                + "from the git log\n---\nGroup changes under Added, Fixed and Changed.\n");
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void theModelSeesTheListAndLoadsTheBodyOnDemand() throws Exception {
        fixture.server.enqueue(OpenAiScript.reply().tool("call_s", "Skill",
                OpenAiScript.json("skill", "release-notes")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("Notes written.").response());

        String quest = fixture.start("Write the release notes", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        List<JsonNode> requests = fixture.requests();
        JsonNode first = requests.get(0).get("messages");
        String system = first.get(0).get("content").asText();
        assertTrue(system.contains("- release-notes: Write release notes from the git log"), system);
        assertFalse(system.contains("Group changes under"), "the body loads only on demand");
        JsonNode result = requests.get(1).get("messages").get(3);
        assertEquals("tool", result.get("role").asText());
        assertTrue(result.get("content").asText().contains("Group changes under Added, Fixed and Changed."),
                result.toString());
    }

    @Test
    void aSlashCommandSendsTheSkillAndADisabledSkillIsNotOffered() throws Exception {
        fixture.server.enqueue(OpenAiScript.reply().text("Done.").response());
        String quest = fixture.start("/release-notes v2.1", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);
        JsonNode user = fixture.requests().get(0).get("messages").get(1);
        assertTrue(user.get("content").asText().contains("Group changes under"), user.toString());
        assertTrue(user.get("content").asText().contains("ARGUMENTS: v2.1"), user.toString());

        fixture.store.settings().set(AgentSettings.DISABLED_SKILLS, new String[] {"release-notes"});
        fixture.server.enqueue(OpenAiScript.reply().text("Plain.").response());
        String other = fixture.start("/release-notes v2.2", PermissionMode.DEFAULT);
        fixture.awaitStatus(other, QuestStatus.READY);
        JsonNode request = fixture.requests().get(0);
        assertFalse(request.get("messages").get(0).get("content").asText().contains("release-notes"));
        assertEquals("/release-notes v2.2", request.get("messages").get(1).get("content").asText());
        for (JsonNode tool : request.get("tools")) {
            assertFalse("Skill".equals(tool.get("function").get("name").asText()));
        }
    }
}
