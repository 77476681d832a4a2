package dev.questbench.agent.acp;

import dev.questbench.agent.QuestContext;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.util.ArrayList;
import java.util.List;

/** What an ACP session reads back from its quest's journal: its earlier session, the last message. */
final class QuestHistory {
    private final QuestContext context;

    QuestHistory(QuestContext context) {
        this.context = context;
    }

    /** The last {@code quest.agent_session} of this agent, or null. */
    QuestEvent.ExternalSession lastSession(String agent) {
        List<JournalEntry> all = all();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).event() instanceof QuestEvent.ExternalSession session && session.agent().equals(agent)) {
                return session;
            }
        }
        return null;
    }

    /** The agent answered or acted since the user's last message (so "continue" makes sense). */
    boolean agentWorkedSinceLastMessage() {
        List<JournalEntry> all = all();
        for (int i = all.size() - 1; i >= 0; i--) {
            QuestEvent event = all.get(i).event();
            if (event instanceof QuestEvent.UserMessage) {
                return false;
            }
            if (event instanceof QuestEvent.AgentMessage || event instanceof QuestEvent.AgentToolUse) {
                return true;
            }
        }
        return false;
    }

    /**
     * The conversation before the prompt (the user's last message, or all of it for another prompt), as "User:"/"Agent:" paragraphs (the newest kept when it
     * is long), for a fresh agent session that cannot load the earlier one (a fork, a restart); empty when none.
     */
    String earlierConversation(int maxChars, String prompt) {
        List<JournalEntry> all = all();
        int last = all.size();
        while (--last >= 0 && !(all.get(last).event() instanceof QuestEvent.UserMessage)) {
            // find the last user message: when it is the prompt itself, it is not repeated
        }
        if (last >= 0 && !ContentBlock.plainText(((QuestEvent.UserMessage) all.get(last).event()).content())
                .equals(prompt)) {
            last = all.size();
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.max(0, last); i++) {
            QuestEvent event = all.get(i).event();
            if (event instanceof QuestEvent.UserMessage message) {
                text.append("User: ").append(ContentBlock.plainText(message.content()).strip()).append("\n\n");
            } else if (event instanceof QuestEvent.AgentMessage message) {
                text.append("Agent: ").append(ContentBlock.plainText(message.content()).strip()).append("\n\n");
            }
        }
        return text.length() <= maxChars ? text.toString().strip()
                : "…" + text.substring(text.length() - maxChars).strip();
    }

    /** The text of the user's last message, to send again to a fresh session. */
    String lastUserMessage() {
        List<JournalEntry> all = all();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).event() instanceof QuestEvent.UserMessage message) {
                return ContentBlock.plainText(message.content());
            }
        }
        return "Continue.";
    }

    private List<JournalEntry> all() {
        List<JournalEntry> all = new ArrayList<>(context.history());
        String last = all.isEmpty() ? null : all.get(all.size() - 1).id();
        all.addAll(context.journal().after(last));
        return all;
    }
}
