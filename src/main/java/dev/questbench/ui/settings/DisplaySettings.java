package dev.questbench.ui.settings;

import dev.questbench.store.Setting;

/** How the window shows things: the conversation's text size. */
public final class DisplaySettings {
    public static final int MIN_TEXT_SIZE = 11;
    public static final int MAX_TEXT_SIZE = 22;
    /** The conversation's text size in points. */
    public static final Setting<Integer> TEXT_SIZE = Setting.of("ui.conversation.textSize", Integer.class, 14);

    private DisplaySettings() {
    }

    /** A stored or typed size within the range; null gives the default. */
    public static int clampTextSize(Integer size) {
        int value = size == null ? TEXT_SIZE.defaultValue() : size;
        return Math.max(MIN_TEXT_SIZE, Math.min(MAX_TEXT_SIZE, value));
    }
}
