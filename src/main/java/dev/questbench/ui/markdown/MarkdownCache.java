package dev.questbench.ui.markdown;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed messages by message id and text hash, most recently used kept. Filled off the FX thread (the conversation
 * parses a page as it loads it, and each new agent message as it is journaled), read on it; a miss parses there,
 * which for a chat message takes well under a millisecond.
 */
public final class MarkdownCache {
    private final int capacity;
    private final Map<String, MarkdownDoc> docs;

    public MarkdownCache(int capacity) {
        this.capacity = capacity;
        this.docs = new LinkedHashMap<>(64, 0.75f, true);
    }

    /** The parsed document, from the cache or parsed now. */
    public MarkdownDoc get(String messageId, String text) {
        String key = key(messageId, text);
        synchronized (docs) {
            MarkdownDoc cached = docs.get(key);
            if (cached != null) {
                return cached;
            }
        }
        MarkdownDoc parsed = MarkdownParser.parse(text);
        put(key, parsed);
        return parsed;
    }

    /** Parses ahead of time (on a background thread) unless already cached. */
    public void warm(String messageId, String text) {
        String key = key(messageId, text);
        synchronized (docs) {
            if (docs.containsKey(key)) {
                return;
            }
        }
        put(key, MarkdownParser.parse(text));
    }

    /** Whether this message's current text is cached. */
    public boolean contains(String messageId, String text) {
        synchronized (docs) {
            return docs.containsKey(key(messageId, text));
        }
    }

    private void put(String key, MarkdownDoc doc) {
        synchronized (docs) {
            docs.put(key, doc);
            if (docs.size() > capacity) {
                docs.remove(docs.keySet().iterator().next()); // the least recently used
            }
        }
    }

    private static String key(String messageId, String text) {
        return messageId + '#' + (text == null ? 0 : text.hashCode()) + '#' + (text == null ? 0 : text.length());
    }
}
