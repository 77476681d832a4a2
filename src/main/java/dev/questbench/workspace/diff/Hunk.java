package dev.questbench.workspace.diff;

import java.util.List;

/**
 * One {@code @@ -oldStart,oldCount +newStart,newCount @@ section} region.
 *
 * @param header  the whole {@code @@ … @@} line as git printed it (kept to rebuild patches exactly)
 * @param section the text after the second {@code @@} (often the enclosing function), or empty
 */
public record Hunk(int oldStart, int oldCount, int newStart, int newCount, String header, String section,
                   List<DiffLine> lines) {
    public Hunk {
        lines = List.copyOf(lines);
    }
}
