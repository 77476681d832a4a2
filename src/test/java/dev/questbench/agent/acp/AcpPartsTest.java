package dev.questbench.agent.acp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.event.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ACP client's small parts: command lines, permission answers, diff previews. */
class AcpPartsTest {

    @Test
    void commandLinesSplitOnSpacesAndGroupQuotes() {
        AcpPreset preset = AcpPreset.parse("x", "  '/opt/my agent/run' --acp \"two words\" last ");
        assertEquals("/opt/my agent/run", preset.command());
        assertEquals(List.of("--acp", "two words", "last"), preset.args());
        assertThrows(IllegalArgumentException.class, () -> AcpPreset.parse("x", "   "));
    }

    @Test
    void answersPickTheOfferedOptionOfTheRightKind() {
        ArrayNode options = JsonRpcConnection.MAPPER.createArrayNode();
        options.addObject().put("optionId", "a1").put("kind", "allow_once");
        options.addObject().put("optionId", "a2").put("kind", "allow_always");
        options.addObject().put("optionId", "r1").put("kind", "reject_once");
        assertEquals("a2", optionId(AcpPermissions.outcome(options, new ToolConfirmation("e", Decision.ALLOW, null,
                true))));
        assertEquals("a1", optionId(AcpPermissions.outcome(options, new ToolConfirmation("e", Decision.ALLOW, null,
                false))));
        assertEquals("r1", optionId(AcpPermissions.outcome(options, new ToolConfirmation("e", Decision.DENY, null,
                true))), "reject_always is not offered: reject_once is the closest");
        ArrayNode allowOnly = JsonRpcConnection.MAPPER.createArrayNode();
        allowOnly.addObject().put("optionId", "a1").put("kind", "allow_once");
        assertEquals("cancelled", AcpPermissions.outcome(allowOnly, false).path("outcome").path("outcome").asText());
    }

    @Test
    void modesJudgeByToolKind() {
        JsonNode edit = JsonRpcConnection.MAPPER.createObjectNode().put("kind", "edit");
        JsonNode read = JsonRpcConnection.MAPPER.createObjectNode().put("kind", "read");
        JsonNode run = JsonRpcConnection.MAPPER.createObjectNode().put("kind", "execute");
        assertEquals(Decision.Permission.ALLOW, AcpPermissions.judge(PermissionMode.ACCEPT_EDITS, edit));
        assertEquals(Decision.Permission.ASK, AcpPermissions.judge(PermissionMode.ACCEPT_EDITS, run));
        assertEquals(Decision.Permission.ALLOW, AcpPermissions.judge(PermissionMode.PLAN, read));
        assertEquals(Decision.Permission.DENY, AcpPermissions.judge(PermissionMode.PLAN, run));
        assertEquals(Decision.Permission.ASK, AcpPermissions.judge(PermissionMode.DEFAULT, read));
    }

    @Test
    void diffsShowOnlyTheChangedMiddle() {
        assertArrayEquals(new String[] {"b", "B\nB2"}, DiffText.changed("a\nb\nc\n", "a\nB\nB2\nc\n"));
        assertEquals("--- a/f.txt\n+++ b/f.txt\n@@ -2 +2 @@\n-b\n+B", DiffText.of("f.txt", "a\nb\nc", "a\nB\nc"));
    }

    private static String optionId(JsonNode outcome) {
        return outcome.path("outcome").path("optionId").asText();
    }
}
