package dev.questbench.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code /files}: the files a session created or changed (its {@code quest.artifact} events). A file id is its
 * artifact event's id with the {@code file_} prefix. Known limit: {@code /content} sends the bytes themselves
 * rather than a presigned link, and shows the file as it is now.
 */
final class FilesApi {
    private final Store store;

    FilesApi(Store store) {
        this.store = store;
    }

    void register(Router router, String base) {
        router.add("GET", base + "/files", this::list)
                .add("GET", base + "/files/{id}", ex -> ex.json(200, view(artifact(ex.param(0)))))
                .add("GET", base + "/files/{id}/content", this::content);
    }

    private void list(ApiExchange ex) {
        String scope = ex.query("scope_id");
        if (scope == null || scope.isBlank()) {
            throw ApiException.invalid("Give scope_id=<session id> to list a session's files.", "scope_id");
        }
        List<JournalEntry> artifacts = store.quests().summary(scope).isEmpty() ? List.of()
                : store.journal().readByType(scope, Set.of("quest.artifact"), 0);
        ex.json(200, Page.parse(ex).apply(artifacts, e -> fileId(e.id()), this::view));
    }

    private void content(ApiExchange ex) throws IOException {
        JournalEntry entry = artifact(ex.param(0));
        QuestEvent.Artifact artifact = (QuestEvent.Artifact) entry.event();
        Path file = folder(entry.questId()).resolve(artifact.path()).normalize();
        if (!file.startsWith(folder(entry.questId())) || !Files.isRegularFile(file)) {
            throw new ApiException(410, "not_found_error", "The file " + artifact.path() + " no longer exists.",
                    null);
        }
        ex.setHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        try (OutputStream out = ex.startStream(artifact.mediaType() == null ? "application/octet-stream"
                : artifact.mediaType())) {
            Files.copy(file, out);
        }
    }

    private JournalEntry artifact(String fileId) {
        if (!fileId.startsWith("file_")) {
            throw ApiException.notFound("File not found: " + fileId);
        }
        return store.journal().get("evt_" + fileId.substring(5))
                .filter(entry -> entry.event() instanceof QuestEvent.Artifact)
                .orElseThrow(() -> ApiException.notFound("File not found: " + fileId));
    }

    private ObjectNode view(JournalEntry entry) {
        QuestEvent.Artifact artifact = (QuestEvent.Artifact) entry.event();
        ObjectNode node = ApiExchange.JSON.createObjectNode().put("id", fileId(entry.id())).put("type", "file")
                .put("filename", Path.of(artifact.path()).getFileName().toString()).put("size_bytes", artifact.size())
                .put("mime_type", artifact.mediaType()).put("downloadable", true);
        node.putObject("scope").put("id", entry.questId()).put("type", "session");
        node.putObject("metadata").put("path", artifact.path()).put("change", String.valueOf(artifact.change()));
        node.put("created_at", entry.processedAt().toString());
        return node;
    }

    /** The folder the session's agent works in: its worktree, its workspace, or its scratch folder. */
    private Path folder(String questId) {
        Quest quest = store.quests().get(questId).orElseThrow(() -> ApiException.notFound("Session not found: "
                + questId));
        if (quest.workspaceId() == null) {
            return store.dataDir().resolve("scratch").resolve(questId).toAbsolutePath().normalize();
        }
        List<JournalEntry> worktrees = store.journal().readByType(questId, Set.of("quest.worktree_created"), 0);
        if (!worktrees.isEmpty() && worktrees.get(worktrees.size() - 1).event()
                instanceof QuestEvent.WorktreeCreated created) {
            return Path.of(created.path()).toAbsolutePath().normalize();
        }
        return store.workspaces().get(quest.workspaceId()).map(Workspace::path).map(Path::of)
                .orElseThrow(() -> ApiException.notFound("The session's workspace is gone.")).toAbsolutePath()
                .normalize();
    }

    private static String fileId(String eventId) {
        return "file_" + eventId.substring(eventId.indexOf('_') + 1);
    }
}
