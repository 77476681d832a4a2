package dev.questbench.domain;

import java.time.Instant;

/** A folder the user opened, usually a git repository; quests run inside it. */
public record Workspace(String id, String path, String name, Instant createdAt) {
    public Workspace {
        requireText(id, "id");
        requireText(path, "path");
        name = name == null || name.isBlank() ? nameOf(path) : name;
    }

    /** The last path element, which is what people call a project folder. */
    public static String nameOf(String path) {
        String trimmed = path.replaceAll("[/\\\\]+$", "");
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return cut < 0 ? trimmed : trimmed.substring(cut + 1);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("workspace " + what + " is required");
        }
    }
}
