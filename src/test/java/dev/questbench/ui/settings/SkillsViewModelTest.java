package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.composer.SlashCommand;
import dev.questbench.ui.composer.SlashCommandSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Skills and the composer's skill commands on real folders and a real store. */
class SkillsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void listsUserAndWorkspaceSkillsAndASwitchHidesOneFromTheComposer() throws Exception {
        Path home = dir.resolve("home");
        Path work = Files.createDirectories(dir.resolve("work"));
        write(home.resolve(".qoder/skills/commit"), "name: commit\ndescription: Commit messages");
        write(work.resolve(".claude/skills/pdf"), "name: pdf\ndescription: Read PDFs");
        try (Store store = Store.open(dir.resolve("data"))) {
            var workspace = store.workspaces().open(work.toString());
            SkillsViewModel model = new SkillsViewModel(store, home, new DirectTaskRunner());
            model.load();
            assertEquals(List.of("commit", "pdf"), model.rows().stream().map(SkillsViewModel.Row::name).toList());
            assertEquals("user", model.rows().get(0).source());
            assertTrue(model.rows().get(1).source().startsWith("project"), model.rows().get(1).source());
            assertTrue(model.rows().get(1).enabled());

            Quest quest = Quest.create(null, "x", workspace.id(), QuestMode.AGENT, QuestEnvironment.LOCAL,
                    Instant.now());
            SlashCommandSource source = SlashCommandSource.skills(store.settings(), home);
            assertEquals(List.of("pdf", "commit"), source.commands(quest, work).stream().map(SlashCommand::name)
                    .toList());

            model.setEnabled("pdf", false);
            assertFalse(model.rows().get(1).enabled());
            assertEquals(0, store.settings().get(AgentSettings.DISABLED_SKILLS).length, "nothing stored before Save");
            AtomicBoolean saved = new AtomicBoolean();
            model.save(() -> saved.set(true));
            assertTrue(saved.get());
            assertEquals(List.of("pdf"), List.of(store.settings().get(AgentSettings.DISABLED_SKILLS)));
            assertEquals(List.of("commit"), source.commands(quest, work).stream().map(SlashCommand::name).toList());

            SkillsViewModel cancelled = new SkillsViewModel(store, home, new DirectTaskRunner());
            cancelled.load();
            assertFalse(cancelled.rows().get(1).enabled(), "the stored switch reads back");
            cancelled.setEnabled("pdf", true); // and the dialog is cancelled: no save
            assertEquals(List.of("pdf"), List.of(store.settings().get(AgentSettings.DISABLED_SKILLS)));
            model.setEnabled("pdf", true);
            model.save(() -> { });
            assertEquals(0, store.settings().get(AgentSettings.DISABLED_SKILLS).length);
        }
    }

    private static void write(Path folder, String frontmatter) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("SKILL.md"), "---\n" + frontmatter + "\n---\nBody.\n");
    }
}
