package dev.questbench.store;

import dev.questbench.domain.Workspace;
import java.util.List;
import java.util.Optional;

/** Workspaces the user opened, one per folder path. */
public final class WorkspaceRepository {

    /** The workspace for this folder, created if it is new (the path is stored absolute and normalised). */
    public Workspace open(String folderPath) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<Workspace> get(String workspaceId) {
        throw new UnsupportedOperationException("TODO");
    }

    /** All workspaces, by name. */
    public List<Workspace> list() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Forgets a workspace; its quests stay and become unbound. Files on disk are untouched. */
    public void remove(String workspaceId) {
        throw new UnsupportedOperationException("TODO");
    }
}
