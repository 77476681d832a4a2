package dev.questbench.agent.acp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A short before/after text of an ACP {@code diff} for the transcript: the changed middle, lines capped. */
final class DiffText {
    static final int MAX_LINES = 60;

    private DiffText() {
    }

    static String of(String path, String before, String after) {
        List<String> old = Arrays.asList(before.split("\n", -1));
        List<String> now = Arrays.asList(after.split("\n", -1));
        int head = 0;
        while (head < old.size() && head < now.size() && old.get(head).equals(now.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < old.size() - head && tail < now.size() - head
                && old.get(old.size() - 1 - tail).equals(now.get(now.size() - 1 - tail))) {
            tail++;
        }
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
}
