package dev.questbench.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.EventTypes;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.workspace.diff.ChangeKind;
import dev.questbench.workspace.diff.FileDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a quest's artifacts in its journal ({@code quest.artifact} events and successful Write/Edit tool uses) and
 * in what changed since its first checkpoint (files made by shell commands), newest first, one entry per path.
 */
public final class ArtifactDetector {
    /** The journal types detection reads. */
    public static final Set<String> TYPES = Set.of(EventTypes.typeOf(QuestEvent.Artifact.class),
            EventTypes.typeOf(QuestEvent.AgentToolUse.class), EventTypes.typeOf(QuestEvent.AgentToolResult.class),
            EventTypes.typeOf(QuestEvent.Checkpoint.class));
    private static final Set<String> WRITING_TOOLS = Set.of("Write", "Edit", "MultiEdit", "NotebookEdit");
    private static final List<String> PATH_FIELDS = List.of("file_path", "notebook_path", "path", "filePath");

    private ArtifactDetector() {
    }

    /** The artifacts the journal names, newest first; paths outside {@code folder} are left out. */
    public static List<Artifact> fromJournal(List<JournalEntry> entries, Path folder) {
        Set<String> failed = new HashSet<>();
        for (JournalEntry entry : entries) {
            if (entry.event() instanceof QuestEvent.AgentToolResult result && result.isError()) {
                failed.add(result.toolUseId());
            }
        }
        Map<String, Artifact> found = new LinkedHashMap<>();
        for (JournalEntry entry : entries) {
            if (entry.event() instanceof QuestEvent.Artifact artifact) {
                put(found, folder, artifact.path(), entry.processedAt(), change(artifact.change()));
            } else if (entry.event() instanceof QuestEvent.AgentToolUse use && WRITING_TOOLS.contains(use.name())
                    && !failed.contains(entry.id())) {
                String path = pathOf(use.input());
                if (path != null) {
                    put(found, folder, path, entry.processedAt(), "Write".equals(use.name()) ? "created" : "modified");
                }
            }
        }
        return newestFirst(found.values());
    }

    /** The first checkpoint's commit in the entries, or null before the first turn. */
    public static String firstCheckpoint(List<JournalEntry> entries) {
        return entries.stream().filter(entry -> entry.event() instanceof QuestEvent.Checkpoint)
                .map(entry -> ((QuestEvent.Checkpoint) entry.event()).commit()).findFirst().orElse(null);
    }

    /** Adds the files changed since the first checkpoint that the journal did not name; newest first. */
    public static List<Artifact> withChanges(List<Artifact> fromJournal, List<FileDiff> changed, Path folder) {
        Map<String, Artifact> all = new LinkedHashMap<>();
        fromJournal.forEach(artifact -> all.put(artifact.path(), artifact));
        for (FileDiff diff : changed) {
            String path = diff.kind() == ChangeKind.DELETED ? diff.oldPath() : diff.newPath();
            if (path != null && !all.containsKey(path)) {
                Path file = folder.resolve(path).normalize();
                String change = diff.kind() == ChangeKind.ADDED ? "created"
                        : diff.kind() == ChangeKind.DELETED ? "deleted" : "modified";
                Artifact artifact = stat(path, file, modified(file), change);
                all.put(path, artifact);
            }
        }
        return newestFirst(all.values());
    }

    private static void put(Map<String, Artifact> found, Path folder, String reported, Instant at, String change) {
        Path file = folder.resolve(reported).normalize();
        if (!file.startsWith(folder.normalize())) {
            return; // not the quest's file
        }
        String path = folder.normalize().relativize(file).toString().replace('\\', '/');
        Artifact before = found.remove(path);
        String kept = before != null && "created".equals(before.change()) ? "created" : change;
        found.put(path, stat(path, file, at, kept));
    }

    private static Artifact stat(String path, Path file, Instant at, String change) {
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            size = -1;
        }
        return new Artifact(path, file, FileKind.byName(path), size, at, size < 0 ? "deleted" : change);
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static List<Artifact> newestFirst(java.util.Collection<Artifact> artifacts) {
        List<Artifact> sorted = new ArrayList<>(artifacts);
        java.util.Collections.reverse(sorted); // ties keep the later-journaled first
        sorted.sort(Comparator.comparing(Artifact::changedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed());
        return sorted;
    }

    private static String change(String reported) {
        return "written".equals(reported) || "created".equals(reported) ? "created" : "modified";
    }

    private static String pathOf(JsonNode input) {
        if (input == null) {
            return null;
        }
        for (String field : PATH_FIELDS) {
            JsonNode value = input.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }
}
