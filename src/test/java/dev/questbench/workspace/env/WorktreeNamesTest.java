package dev.questbench.workspace.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorktreeNamesTest {

    @Test
    void slugIsLowercaseAsciiWithDashesAndAtMostFortyCharacters() {
        assertEquals("fix-the-login-bug", WorktreeNames.slug("Fix the LOGIN bug!"));
        assertEquals("creme-brulee-uber-cafe", WorktreeNames.slug("  Crème brûlée: über café…  "));
        String long_ = WorktreeNames.slug("Refactor the whole payment module into smaller services please");
        assertTrue(long_.length() <= 40, long_);
        assertTrue(long_.matches("[a-z0-9]+(-[a-z0-9]+)*"), long_);
        assertEquals("quest", WorktreeNames.slug("日本語だけ"));
        assertEquals("quest", WorktreeNames.slug(null));
    }

    @Test
    void shortIdIsTheLastSixCharactersLowercased() {
        assertEquals("7xk2qp", WorktreeNames.shortId("qst_01JD3ABCDEF7XK2QP"));
    }

    @Test
    void repoFolderKeepsTheNameAndTellsSameNamedRepositoriesApart() {
        String one = WorktreeNames.repoFolder(Path.of("/home/a/my app"));
        String two = WorktreeNames.repoFolder(Path.of("/home/b/my app"));
        assertTrue(one.matches("my-app-[0-9a-f]{8}"), one);
        assertNotEquals(one, two);
        assertTrue(WorktreeNames.repoFolder(Path.of("/x/répo ü")).matches("repo-u-[0-9a-f]{8}"));
    }
}
