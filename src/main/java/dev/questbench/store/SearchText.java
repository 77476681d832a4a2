package dev.questbench.store;

import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.QuestEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Full-text search terms: what text of an event is indexed, and how a person's search words become safe
 * FTS5 prefix queries (quotes, {@code AND}, {@code *}, {@code -} are only ever words).
 */
final class SearchText {
    /** Separators as the FTS5 unicode61 tokenizer sees them: anything but letters, digits and private use. */
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{Co}]+");

    /** SQL for the message_text rowids of a quest's messages (parameters: quest pk, quest id); see {@link #of}. */
    static final String MESSAGE_ROWIDS_OF_QUEST = "SELECT (? << 32) | seq FROM events WHERE quest_id = ?"
            + " AND type IN ('user.message', 'agent.message')";

    private SearchText() {
    }

    /** The text of a user or agent message, or null for events that are not searched. */
    static String of(QuestEvent event) {
        if (event instanceof QuestEvent.UserMessage message) {
            return blank(ContentBlock.plainText(message.content()));
        }
        if (event instanceof QuestEvent.AgentMessage message) {
            return blank(ContentBlock.plainText(message.content()));
        }
        return null;
    }

    /**
     * One FTS5 query per word of the user's text, each a quoted prefix term such as {@code "pagin"*}; empty
     * when the text has no words (only punctuation), which then filters nothing.
     */
    static List<String> prefixTerms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        for (String word : SEPARATORS.split(text)) {
            if (!word.isEmpty()) {
                // Words hold no separators, so no quote can sneak in; doubling quotes keeps that true regardless.
                terms.add('"' + word.replace("\"", "\"\"") + "\"*");
            }
        }
        return terms;
    }

    /** The message_text rowid of a quest's event: the quest's pk in the high bits, the event's seq in the low. */
    static long messageRowid(long questPk, long seq) {
        return (questPk << 32) | seq;
    }

    private static String blank(String text) {
        return text.isBlank() ? null : text;
    }
}
