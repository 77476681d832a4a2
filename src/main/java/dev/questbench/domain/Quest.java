package dev.questbench.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One delegated task. Its status is not a field: it is derived from the quest's events
 * (see {@link QuestStatus#derive}).
 *
 * @param workspaceId the workspace it runs in, or null for a quest bound to no project
 * @param backend     which agent runs it: {@code builtin}, {@code acp:<name>}, {@code cloud:<name>}...
 * @param model       the model id the backend uses, or null for the backend's default
 */
public record Quest(
        String id,
        String title,
        String prompt,
        String workspaceId,
        String backend,
        String model,
        QuestMode mode,
        QuestEnvironment environment,
        QuestOptions options,
        boolean pinned,
        boolean archived,
        boolean read,
        Instant createdAt,
        Instant updatedAt) {

    public static final String BUILTIN_BACKEND = "builtin";

    public Quest {
        Objects.requireNonNull(id, "id");
        title = title == null || title.isBlank() ? titleFrom(prompt) : title.strip();
        prompt = prompt == null ? "" : prompt;
        backend = backend == null || backend.isBlank() ? BUILTIN_BACKEND : backend;
        mode = mode == null ? QuestMode.AGENT : mode;
        environment = environment == null ? QuestEnvironment.LOCAL : environment;
        options = options == null ? QuestOptions.DEFAULT : options;
        Objects.requireNonNull(createdAt, "createdAt");
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    /** A new quest with a fresh id, created now. */
    public static Quest create(String title, String prompt, String workspaceId, QuestMode mode,
                               QuestEnvironment environment, Instant now) {
        return new Quest(Ids.quest(), title, prompt, workspaceId, BUILTIN_BACKEND, null, mode, environment,
                QuestOptions.DEFAULT, false, false, true, now, now);
    }

    /** The first line of a prompt, shortened, as people title a task they have not named. */
    public static String titleFrom(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return "Untitled quest";
        }
        String line = prompt.strip().lines().findFirst().orElse("").strip();
        return line.length() <= 80 ? line : line.substring(0, 79).strip() + "…";
    }

    public Quest withTitle(String newTitle, Instant now) {
        return new Quest(id, newTitle, prompt, workspaceId, backend, model, mode, environment, options,
                pinned, archived, read, createdAt, now);
    }

    public Quest withPinned(boolean value, Instant now) {
        return new Quest(id, title, prompt, workspaceId, backend, model, mode, environment, options,
                value, archived, read, createdAt, now);
    }

    public Quest withArchived(boolean value, Instant now) {
        return new Quest(id, title, prompt, workspaceId, backend, model, mode, environment, options,
                pinned, value, read, createdAt, now);
    }

    public Quest withRead(boolean value, Instant now) {
        return new Quest(id, title, prompt, workspaceId, backend, model, mode, environment, options,
                pinned, archived, value, createdAt, now);
    }

    public Quest withBackend(String newBackend, String newModel, Instant now) {
        return new Quest(id, title, prompt, workspaceId, newBackend, newModel, mode, environment, options,
                pinned, archived, read, createdAt, now);
    }

    public Quest withOptions(QuestOptions newOptions, Instant now) {
        return new Quest(id, title, prompt, workspaceId, backend, model, mode, environment, newOptions,
                pinned, archived, read, createdAt, now);
    }
}
