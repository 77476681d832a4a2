package dev.questbench.ui.preview;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.event.EventTypes;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.preview.Artifact;
import dev.questbench.preview.Artifacts;
import dev.questbench.preview.DevServers;
import dev.questbench.store.Store;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.workspace.git.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the Preview tab reads for a quest, off the FX thread: its folder (worktree, workspace, or the scratch folder
 * of a quest without a workspace), its artifacts, and the dev servers it announced that answer now.
 */
final class QuestFiles {
    private static final Set<String> DEV_SERVER_TYPES = Set.of(EventTypes.typeOf(QuestEvent.AgentToolResult.class),
            EventTypes.typeOf(QuestEvent.ToolProgress.class));
    /** Only the last few announced URLs are probed (each probe may wait up to a second). */
    private static final int DEV_SERVERS_PROBED = 4;

    private final Store store;
    private final QuestEngine engine;
    private volatile Git git;

    /** What one read found; {@code empty} says why there is nothing to show, or is null. */
    record Loaded(Path folder, List<Artifact> artifacts, List<String> devServers, String empty) {
    }

    QuestFiles(Store store, QuestEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    Loaded load(String id) {
        Path found = folderOf(id);
        if (found == null) {
            return new Loaded(null, List.of(), List.of(), "This quest has no folder, so it has no files to preview.");
        }
        List<Artifact> list = new Artifacts(store.journal(), locateGit(), shadowRoot()).list(id, found);
        List<String> urls = DevServers.inJournal(store.journal().readByType(id, DEV_SERVER_TYPES, 0));
        List<String> recent = urls.subList(Math.max(0, urls.size() - DEV_SERVERS_PROBED), urls.size());
        List<String> alive = recent.stream().filter(DevServers::answers).toList();
        String empty = list.isEmpty() && alive.isEmpty()
                ? "Nothing to preview yet: files this quest creates or changes appear here." : null;
        return new Loaded(found, list, alive, empty);
    }

    /** Git once {@link #load} has looked for it; null when it is missing. */
    Git git() {
        return git;
    }

    Path shadowRoot() {
        return store.dataDir().resolve("checkpoints");
    }

    private Path folderOf(String id) {
        Quest quest = store.quests().get(id).orElse(null);
        if (quest == null) {
            return null;
        }
        Path found = null;
        if (quest.environment() == QuestEnvironment.WORKTREE && engine.workspaces() != null) {
            found = engine.workspaces().worktrees().worktreeOf(id).map(info -> info.path()).orElse(null);
        }
        if (found == null && quest.workspaceId() != null) {
            found = store.workspaces().get(quest.workspaceId()).map(ws -> Path.of(ws.path())).orElse(null);
        }
        Path scratch = store.dataDir().resolve("scratch").resolve(id);
        return found == null && Files.isDirectory(scratch) ? scratch : found;
    }

    private Git locateGit() {
        if (git == null) {
            try {
                git = Git.locate(System.getenv());
            } catch (RuntimeException e) {
                return null; // without git only the journal's artifacts show
            }
        }
        return git;
    }
}
