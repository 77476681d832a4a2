package dev.questbench.agent.acp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.event.Decision;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the quest's permission mode answers an ACP {@code session/request_permission}: {@code bypassPermissions}
 * allows, {@code acceptEdits} allows edits, {@code plan} allows only looking (read, search, fetch, think) and
 * refuses the rest, everything else goes to the approval cards. Answers pick among the options the agent offered.
 */
final class AcpPermissions {
    private static final Set<String> LOOKING = Set.of("read", "search", "fetch", "think");

    private AcpPermissions() {
    }

    /** The permission judged without the user: ALLOW or DENY, or ASK when a card must ask. */
    static Decision.Permission judge(PermissionMode mode, JsonNode toolCall) {
        String kind = toolCall.path("kind").asText("other").toLowerCase(Locale.ROOT);
        return switch (mode) {
            case BYPASS_PERMISSIONS -> Decision.Permission.ALLOW;
            case ACCEPT_EDITS -> "edit".equals(kind) ? Decision.Permission.ALLOW : Decision.Permission.ASK;
            case PLAN -> LOOKING.contains(kind) ? Decision.Permission.ALLOW : Decision.Permission.DENY;
            case DEFAULT -> Decision.Permission.ASK;
        };
    }

    /** The outcome for an allow or a refusal decided without the user. */
    static ObjectNode outcome(JsonNode options, boolean allow) {
        return selected(options, allow ? List.of("allow_once", "allow_always") : List.of("reject_once",
                "reject_always"));
    }

    /** The outcome for the user's answer on a card; "always" prefers the agent's remember-this option. */
    static ObjectNode outcome(JsonNode options, ToolConfirmation answer) {
        boolean allow = answer.decision() == Decision.ALLOW;
        List<String> kinds = allow
                ? (answer.alwaysForQuest() ? List.of("allow_always", "allow_once") : List.of("allow_once",
                "allow_always"))
                : (answer.alwaysForQuest() ? List.of("reject_always", "reject_once") : List.of("reject_once",
                "reject_always"));
        return selected(options, kinds);
    }

    static ObjectNode cancelled() {
        ObjectNode result = JsonRpcConnection.MAPPER.createObjectNode();
        result.putObject("outcome").put("outcome", "cancelled");
        return result;
    }

    private static ObjectNode selected(JsonNode options, List<String> preferred) {
        for (String kind : preferred) {
            for (JsonNode option : options) {
                if (kind.equals(option.path("kind").asText())) {
                    ObjectNode result = JsonRpcConnection.MAPPER.createObjectNode();
                    result.putObject("outcome").put("outcome", "selected")
                            .put("optionId", option.path("optionId").asText());
                    return result;
                }
            }
        }
        return cancelled(); // the agent offered no option of that kind: the closest honest answer
    }
}
