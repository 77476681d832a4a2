package dev.questbench.agent.acp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A short before/after text of an ACP {@code diff} for the transcript: the changed middle, lines capped. */
final class DiffText {
    static final int MAX_LINES = 60;

    private DiffText() {
    }

    /** The changed middle of a before/after pair: the old lines and the new lines that differ, as two texts. */
    static String[] changed(String before, String after) {
        List<String> old = Arrays.asList(before.split("\n", -1));
        List<String> now = Arrays.asList(after.split("\n", -1));
        int[] ends = trim(old, now);
        return new String[] {String.join("\n", old.subList(ends[0], old.size() - ends[1])),
                String.join("\n", now.subList(ends[0], now.size() - ends[1]))};
    }

    static String of(String path, String before, String after) {
        List<String> old = Arrays.asList(before.split("\n", -1));
        List<String> now = Arrays.asList(after.split("\n", -1));
        int[] ends = trim(old, now);
        int head = ends[0];
        int tail = ends[1];
        List<String> lines = new ArrayList<>();
        lines.add((before.isEmpty() ? "--- /dev/null" : "--- a/" + path));
        lines.add("+++ b/" + path);
        lines.add("@@ -" + (head + 1) + " +" + (head + 1) + " @@");
        old.subList(head, old.size() - tail).forEach(line -> lines.add("-" + line));
        now.subList(head, now.size() - tail).forEach(line -> lines.add("+" + line));
        if (lines.size() > MAX_LINES) {
            int more = lines.size() - MAX_LINES;
            return String.join("\n", lines.subList(0, MAX_LINES)) + "\n… " + more + " more lines";
        }
        return String.join("\n", lines);
    }

    /** How many lines the two share at the start and at the end. */
    private static int[] trim(List<String> old, List<String> now) {
        int head = 0;
        while (head < old.size() && head < now.size() && old.get(head).equals(now.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < old.size() - head && tail < now.size() - head
                && old.get(old.size() - 1 - tail).equals(now.get(now.size() - 1 - tail))) {
            tail++;
        }
        return new int[] {head, tail};
    }
}
