package dev.questbench.workspace.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files parallel quests in worktrees of one repository both change. */
class ConflictForecastTest {
    @TempDir
    Path dir;

    @Test
    void reportsFilesChangedByTwoOrMoreWorktrees() throws Exception {
        TestRepo main = TestRepo.init(dir.resolve("main"));
        main.write("shared.txt", "shared\n");
        main.write("only-a.txt", "a\n");
        main.write("renamed.txt", "r\n");
        main.write(".gitignore", "*.log\n");
        main.commitAll("base");
        String base = main.git("rev-parse", "HEAD").strip();
        Path a = dir.resolve("quest-a");
        Path b = dir.resolve("quest-b");
        Path c = dir.resolve("quest-c");
        main.git("worktree", "add", "-q", "-b", "questbench/a", a.toString(), base);
        main.git("worktree", "add", "-q", "-b", "questbench/b", b.toString(), base);
        main.git("worktree", "add", "-q", "-b", "questbench/c", c.toString(), base);
        TestRepo questA = TestRepo.open(a);
        TestRepo questB = TestRepo.open(b);
        TestRepo questC = TestRepo.open(c);

        questA.write("shared.txt", "a's version\n"); // committed on its branch
        questA.git("commit", "-qam", "a");
        questA.write("only-a.txt", "a again\n");
        questA.write("new/both.txt", "a\n"); // untracked in both
        questA.write("debug.log", "ignored\n");
        questB.write("shared.txt", "b's version\n"); // uncommitted
        questB.write("new/both.txt", "b\n");
        questB.write("debug.log", "ignored\n");
        questB.git("mv", "renamed.txt", "moved.txt");
        questC.write("renamed.txt", "c edits the old name\n");
        questC.write("moved.txt", "c creates the new name\n");

        Map<String, List<String>> overlaps = ConflictForecast.forecast(TestRepo.GIT, List.of(
                new ConflictForecast.Worktree("a", a, base),
                new ConflictForecast.Worktree("b", b, base),
                new ConflictForecast.Worktree("c", c, base),
                new ConflictForecast.Worktree("gone", dir.resolve("removed"), base)));

        assertEquals(Map.of("shared.txt", List.of("a", "b"), "new/both.txt", List.of("a", "b"),
                "renamed.txt", List.of("b", "c"), "moved.txt", List.of("b", "c")), overlaps);
        assertEquals(List.of("moved.txt", "new/both.txt", "renamed.txt", "shared.txt"),
                List.copyOf(overlaps.keySet()), "sorted by path");
        assertEquals(Map.of(), ConflictForecast.forecast(TestRepo.GIT, List.of(
                new ConflictForecast.Worktree("a", a, base), new ConflictForecast.Worktree("c", c, base))));
        Files.writeString(c.resolve("only-a.txt"), "c too\n");
        assertEquals(Map.of("only-a.txt", List.of("a", "c")), ConflictForecast.forecast(TestRepo.GIT, List.of(
                new ConflictForecast.Worktree("a", a, base), new ConflictForecast.Worktree("c", c, base))));
    }
}
