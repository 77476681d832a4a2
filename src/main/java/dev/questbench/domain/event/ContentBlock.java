package dev.questbench.domain.event;

import java.util.List;

/**
 * One block of message content, as in the Cloud Agents API: {@code {"type":"text","text":"…"}}.
 * Other block types (images, files) keep their type and a reference in {@code source}; an attachment
 * ({@code file} or {@code image}) also carries, in {@code text}, what the agent reads of it.
 */
public record ContentBlock(String type, String text, String source) {
    /** Blocks a person attached to a message: the agent reads their text, the transcript shows only the message. */
    public static final java.util.Set<String> ATTACHMENT_TYPES = java.util.Set.of("file", "image");

    public static ContentBlock text(String text) {
        return new ContentBlock("text", text, null);
    }

    public static List<ContentBlock> textList(String text) {
        return List.of(text(text));
    }

    /** All text blocks joined, which is what a person reads (attachments left out). */
    public static String plainText(List<ContentBlock> blocks) {
        return join(blocks, false);
    }

    /** The text blocks and the attachments' text, joined: what an agent reads. */
    public static String fullText(List<ContentBlock> blocks) {
        return join(blocks, true);
    }

    private static String join(List<ContentBlock> blocks, boolean attachments) {
        if (blocks == null || blocks.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (ContentBlock block : blocks) {
            if (block.text() != null && (attachments || !ATTACHMENT_TYPES.contains(block.type()))) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(block.text());
            }
        }
        return out.toString();
    }
}
