package dev.questbench.agent.builtin.skills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skill discovery on real folders: where skills come from, which wins a name clash, and what is skipped. */
class SkillsTest {
    @TempDir
    Path dir;

    @Test
    void workspaceSkillsComeBeforeUserSkillsAndQoderBeforeClaude() throws IOException {
        Path work = dir.resolve("work");
        Path home = dir.resolve("home");
        skill(work.resolve(".qoder/skills/pdf"), "name: pdf\ndescription: Qoder's PDF skill", "Use pdftotext.");
        skill(work.resolve(".claude/skills/pdf-tools"), "name: pdf\ndescription: Claude's PDF skill", "Other.");
        skill(work.resolve(".claude/skills/review"), "name: review\ndescription: Review code", "Check tests.");
        skill(home.resolve(".qoder/skills/review"), "name: review\ndescription: User review", "User body.");
        skill(home.resolve(".qoder/skills/commit"), "description: Write commit messages", "Imperative mood.");
        Files.createDirectories(work.resolve(".qoder/skills/empty")); // no SKILL.md: not a skill

        List<Skill> skills = Skills.discover(work, home);

        assertEquals(List.of("pdf", "review", "commit"), skills.stream().map(Skill::name).toList());
        assertEquals("Qoder's PDF skill", skills.get(0).description());
        assertEquals("project", skills.get(1).source());
        assertEquals("Check tests.", skills.get(1).body().strip());
        assertEquals("user", skills.get(2).source(), "a skill without a name takes its folder's");
        assertEquals(List.of("pdf", "commit"), Skills.enabled(skills, Set.of("review")).stream().map(Skill::name)
                .toList());
        assertEquals(List.of("commit", "review"), Skills.discover(null, home).stream().map(Skill::name).toList());
    }

    @Test
    void aSlashCommandExpandsToTheSkillAndOtherTextStaysAsTyped() throws IOException {
        skill(dir.resolve(".qoder/skills/pdf"), "name: pdf\ndescription: PDFs", "Use pdftotext.");
        List<Skill> skills = Skills.discover(dir, null);

        String expanded = SkillCommand.expand("/pdf report.pdf", skills);
        assertTrue(expanded.contains("Use pdftotext."), expanded);
        assertTrue(expanded.contains("ARGUMENTS: report.pdf"), expanded);
        assertTrue(expanded.contains(dir.resolve(".qoder/skills/pdf").toAbsolutePath().toString()), expanded);
        assertEquals("/pdfx file", SkillCommand.expand("/pdfx file", skills));
        assertEquals("read the pdf", SkillCommand.expand("read the pdf", skills));
    }

    static void skill(Path folder, String frontmatter, String body) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("SKILL.md"), "---\n" + frontmatter + "\n---\n" + body + "\n");
    }
}
