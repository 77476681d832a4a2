package dev.questbench.agent;

import dev.questbench.domain.event.ContentBlock;
import java.util.List;

/**
 * What the user sent for a turn.
 *
 * @param messageEventId the {@code evt_} id of the journaled {@code user.message}, or null for a
 *                       continuation the executor makes (resume, retry, next goal round)
 */
public record UserInput(List<ContentBlock> content, String messageEventId) {
    public UserInput {
        content = List.copyOf(content);
    }

    public String text() {
        return ContentBlock.plainText(content);
    }
}
