package dev.questbench.workspace.checkpoint;

import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitException;
import dev.questbench.workspace.git.Snapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quest's checkpoints: snapshots of its folder taken before each turn and kept under
 * {@code refs/questbench/<quest>/<turn>}, in the folder's own repository or, for a plain folder, in a private
 * shadow repository under {@code shadowRoot}. Restoring one rewrites the folder's files only: HEAD, the index and
 * the stash stay as they are.
 *
 * <p>When the folder is a sub-folder of a bigger repository, only the files under it are recorded and restored.
 * Known limits: a nested repository inside the folder is recorded as a link (its files are not), and a folder that
 * became a git repository after its first checkpoints keeps those older ones in the shadow repository.
 */
public final class Checkpoints {
    private static final String ROOT = "refs/questbench/";
    private static final Pattern QUEST_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern TURN = Pattern.compile("\\d{1,9}");
    private static final Pattern UNDO = Pattern.compile("undo/(\\d{1,9})");

    private final Git git;
    private final Snapshot snapshot;
    private final Path shadowRoot;

    /** @param shadowRoot where shadow repositories for folders that are not git repositories live */
    public Checkpoints(Git git, Path shadowRoot) {
        this.git = git;
        this.snapshot = new Snapshot(git);
        this.shadowRoot = shadowRoot;
    }

    /** The ref that keeps the checkpoint taken before a quest's turn. */
    public static String ref(String questId, int turn) {
        return prefix(questId) + turn;
    }

    /**
     * Records the folder's files (tracked and untracked, honouring {@code .gitignore}) before a turn; the quest's
     * previous checkpoint becomes the commit's parent, so its history can be browsed. Taking a turn again replaces
     * its checkpoint.
     */
    public Checkpoint take(Path folder, String questId, int turn) {
        if (turn < 1) {
            throw new IllegalArgumentException("turns count from 1, not " + turn);
        }
        Snapshot.Location location = snapshot.locate(folder, shadowRoot);
        String parent = null;
        for (Checkpoint earlier : list(location, questId)) {
            if (earlier.turn() < turn) {
                parent = earlier.commit();
            }
        }
        String commit = snapshot.take(location, parent, "Questbench checkpoint: quest " + questId + ", before turn "
                + turn, folder);
        String ref = ref(questId, turn);
        updateRef(location, ref, commit);
        return new Checkpoint(turn, ref, commit);
    }

    /**
     * Makes the folder's files equal to a checkpoint: files it holds are written back, files that appeared since
     * are deleted (ignored files are never touched). The files as they were just before are recorded first, kept
     * under {@code refs/questbench/<quest>/undo/<n>}, so the revert can be diffed and undone.
     *
     * @return the commit of the files as they were before restoring
     */
    public String restore(Path folder, String questId, String commit) {
        Snapshot.Location location = snapshot.locate(folder, shadowRoot);
        if (!git.run(folder, List.of("cat-file", "-e", commit + "^{commit}"), location.env(), null,
                Git.DEFAULT_TIMEOUT).ok()) {
            throw new GitException("The checkpoint " + commit + " is no longer in " + location.gitDir()
                    + " (its refs were deleted, or the folder moved to another repository), so it cannot be "
                    + "restored.", -1, "");
        }
        List<Checkpoint> checkpoints = list(location, questId);
        String parent = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1).commit();
        String safety = snapshot.take(location, parent, "Questbench: quest " + questId + ", files before restoring "
                + commit, folder);
        updateRef(location, prefix(questId) + "undo/" + (lastUndo(location, questId) + 1), safety);
        new FileRestore(git, location, folder).apply(commit, safety);
        return safety;
    }

    /** The quest's checkpoints in this folder's repository, by turn. */
    public List<Checkpoint> list(Path folder, String questId) {
        return list(snapshot.locate(folder, shadowRoot), questId);
    }

    /** Removes every ref the quest keeps (checkpoints and undo snapshots); git collects the objects later. */
    public void delete(Path folder, String questId) {
        Snapshot.Location location = snapshot.locate(folder, shadowRoot);
        StringBuilder commands = new StringBuilder();
        for (String[] ref : refs(location, questId)) {
            commands.append("delete ").append(ref[1]).append('\n');
        }
        if (!commands.isEmpty()) {
            git.checked(location.workTree(), List.of("update-ref", "--stdin"), location.env(),
                    commands.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<Checkpoint> list(Snapshot.Location location, String questId) {
        List<Checkpoint> found = new ArrayList<>();
        String prefix = prefix(questId);
        for (String[] ref : refs(location, questId)) {
            String name = ref[1].substring(prefix.length());
            if (TURN.matcher(name).matches()) {
                found.add(new Checkpoint(Integer.parseInt(name), ref[1], ref[0]));
            }
        }
        found.sort(Comparator.comparingInt(Checkpoint::turn));
        return found;
    }

    private int lastUndo(Snapshot.Location location, String questId) {
        int last = 0;
        for (String[] ref : refs(location, questId)) {
            Matcher undo = UNDO.matcher(ref[1].substring(prefix(questId).length()));
            if (undo.matches()) {
                last = Math.max(last, Integer.parseInt(undo.group(1)));
            }
        }
        return last;
    }

    /** {objectname, refname} of every ref under the quest's prefix. */
    private List<String[]> refs(Snapshot.Location location, String questId) {
        String text = git.checked(location.workTree(), List.of("for-each-ref", "--format=%(objectname) %(refname)",
                prefix(questId)), location.env(), null).text();
        return text.lines().filter(line -> line.indexOf(' ') > 0).map(line -> line.split(" ", 2)).toList();
    }

    private void updateRef(Snapshot.Location location, String ref, String commit) {
        git.checked(location.workTree(), List.of("update-ref", "-m", "questbench checkpoint", ref, commit),
                location.env(), null);
    }

    private static String prefix(String questId) {
        if (questId == null || !QUEST_ID.matcher(questId).matches()) {
            throw new IllegalArgumentException("not a quest id: " + questId);
        }
        return ROOT + questId + "/";
    }
}
