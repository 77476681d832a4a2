package dev.questbench.workspace.diff;

/** What happened to a file, with git's status letter. */
public enum ChangeKind {
    ADDED('A'), MODIFIED('M'), DELETED('D'), RENAMED('R'), COPIED('C'), MODE_CHANGED('T'), SUBMODULE('S');

    private final char letter;

    ChangeKind(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }
}
