package dev.questbench.ui.shell;

import dev.questbench.domain.Quest;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** A quest's conversation as Markdown for export, and the search snippet of a quest found in its messages. */
final class ConversationMarkdown {
    static final Set<String> TYPES = Set.of("user.message", "agent.message");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    private static final int AROUND = 40;

    private ConversationMarkdown() {
    }

    /** "# Title", then each message under "## You" or "## Agent" with its time. */
    static String of(Quest quest, List<JournalEntry> messages) {
        StringBuilder out = new StringBuilder("# ").append(quest.title() == null ? quest.id() : quest.title())
                .append("\n\n");
        for (JournalEntry entry : messages) {
            String who = entry.event() instanceof QuestEvent.UserMessage ? "You" : "Agent";
            out.append("## ").append(who).append(" · ").append(TIME.format(entry.processedAt())).append("\n\n")
                    .append(text(entry).strip()).append("\n\n");
        }
        return out.toString();
    }

    /** A file name from the title: letters, digits and dashes, ending in .md. */
    static String fileName(String title) {
        String base = title == null ? "" : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return (base.isEmpty() ? "quest" : base.length() > 60 ? base.substring(0, 60) : base) + ".md";
    }

    /**
     * The words around the first message matching the search's first word, "…" where cut; null when the title
     * matches already (the row shows it) or no message holds the word.
     */
    static String snippet(String title, String words, Supplier<List<JournalEntry>> messages) {
        String first = words.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (first.isEmpty() || title != null && title.toLowerCase(Locale.ROOT).contains(first)) {
            return null;
        }
        for (JournalEntry entry : messages.get()) {
            String text = text(entry).replaceAll("\\s+", " ");
            int at = text.toLowerCase(Locale.ROOT).indexOf(first);
            if (at >= 0) {
                int from = Math.max(0, at - AROUND);
                int to = Math.min(text.length(), at + first.length() + AROUND);
                return (from > 0 ? "…" : "") + text.substring(from, to).strip() + (to < text.length() ? "…" : "");
            }
        }
        return null;
    }

    private static String text(JournalEntry entry) {
        if (entry.event() instanceof QuestEvent.UserMessage message) {
            return ContentBlock.plainText(message.content());
        }
        if (entry.event() instanceof QuestEvent.AgentMessage message) {
            return ContentBlock.plainText(message.content());
        }
        return "";
    }
}
