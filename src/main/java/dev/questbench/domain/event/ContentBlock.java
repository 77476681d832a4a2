package dev.questbench.domain.event;

import java.util.List;

/**
 * One block of message content, as in the Cloud Agents API: {@code {"type":"text","text":"…"}}.
 * Other block types (images, files) keep their type and a reference in {@code source}.
 */
public record ContentBlock(String type, String text, String source) {

    public static ContentBlock text(String text) {
        return new ContentBlock("text", text, null);
    }

    public static List<ContentBlock> textList(String text) {
        return List.of(text(text));
    }

    /** All text blocks joined, which is what a person reads. */
    public static String plainText(List<ContentBlock> blocks) {
        if (blocks == null || blocks.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (ContentBlock block : blocks) {
            if (block.text() != null) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(block.text());
            }
        }
        return out.toString();
    }
}
