package dev.questbench.workspace.diff;

/**
 * One line of a hunk.
 *
 * @param oldNumber the line number on the old side, or 0 for an added line
 * @param newNumber the line number on the new side, or 0 for a removed line
 * @param text      the line without its leading marker and without the line break; a trailing {@code \r}
 *                  (CRLF files) is kept
 * @param noNewlineAtEnd the line is the last of its side and has no final newline ({@code \ No newline…})
 */
public record DiffLine(Type type, int oldNumber, int newNumber, String text, boolean noNewlineAtEnd) {
    public enum Type { CONTEXT, ADDED, REMOVED }
}
