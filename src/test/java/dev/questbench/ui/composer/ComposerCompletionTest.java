package dev.questbench.ui.composer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.event.ContentBlock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposerCompletionTest {
    @TempDir
    Path dir;
    private ComposerFixture fixture;
    private ComposerViewModel composer;

    @BeforeEach
    void open() throws Exception {
        fixture = new ComposerFixture(dir);
        composer = fixture.composer;
        fixture.write("src/main/OrderService.java", "class OrderService {}\n");
        fixture.write("src/main/OrderView.java", "class OrderView {}\n");
        fixture.write("docs/guide.md", "# Guide\n");
        fixture.write("node_modules/x/order.js", "ignored");
        fixture.write(".claude/commands/fix.md", "---\ndescription: Fix an issue\n---\nFix issue $ARGUMENTS.\n");
        fixture.write(".qoder/commands/git/pr.md", "Open a pull request.");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void atThenTextListsMatchingFilesAndChoosingOneInsertsItAndAttachesIt() {
        composer.show(fixture.quest());
        fixture.type("look at @ordserv");

        assertTrue(composer.completion().showingProperty().get());
        assertEquals(Completion.Mode.MENTION, composer.completion().mode());
        assertEquals("src/main/OrderService.java", composer.completion().items().get(0).label());
        assertTrue(composer.completion().items().stream().noneMatch(item -> item.label().contains("node_modules")));

        Completion.Accepted accepted = composer.acceptCompletion();

        assertEquals("look at @src/main/OrderService.java ", composer.textProperty().get());
        assertEquals(composer.textProperty().get().length(), accepted.caret());
        assertFalse(composer.completion().showingProperty().get());
        assertEquals(List.of("src/main/OrderService.java"),
                composer.attachments().stream().map(Attachment::label).toList());
    }

    @Test
    void aFileAddedLaterIsFoundAfterARefresh() throws Exception {
        composer.show(fixture.quest());
        fixture.type("@refund");
        assertEquals("No file matches “refund”.", composer.completion().statusProperty().get());

        fixture.write("src/main/RefundPolicy.java", "class RefundPolicy {}\n");
        composer.refreshFiles();
        fixture.type("@refund");
        assertEquals("src/main/RefundPolicy.java", composer.completion().items().get(0).label());
    }

    @Test
    void upDownMoveTheSelectionAndEscapeCloses() {
        composer.show(fixture.quest());
        fixture.type("@order");
        assertEquals(0, composer.completion().selectedProperty().get());
        composer.completion().move(1);
        assertEquals(1, composer.completion().selectedProperty().get());
        composer.completion().move(-2);
        assertEquals(composer.completion().items().size() - 1, composer.completion().selectedProperty().get(),
                "wraps around");
        composer.completion().dismiss();
        assertFalse(composer.completion().showingProperty().get());
        assertNull(composer.acceptCompletion(), "nothing to choose once closed");
    }

    @Test
    void aChosenFolderAttachesAsAListingAndTheFileContentGoesToTheAgent() {
        String id = fixture.quest();
        composer.show(id);
        fixture.type("@docs/");
        composer.acceptCompletion();
        fixture.type(composer.textProperty().get() + "and @OrderView");
        composer.acceptCompletion();
        composer.textProperty().set("Compare these");
        composer.send();

        List<ContentBlock> sent = fixture.userMessages(id).get(0);
        assertEquals(ContentBlock.text("Compare these"), sent.get(0));
        assertEquals("file", sent.get(1).type());
        assertEquals("Attached folder docs/ contains:\n```\nguide.md\n```", sent.get(1).text());
        assertEquals("Attached file src/main/OrderView.java:\n```\nclass OrderView {}\n```", sent.get(2).text());
        assertTrue(composer.attachments().isEmpty(), "sent attachments are cleared");
    }

    @Test
    void slashListsBuiltInAndCustomCommandsWithDescriptions() {
        composer.show(fixture.quest());
        fixture.type("/");
        List<String> labels = composer.completion().items().stream().map(Completion.Item::label).toList();
        assertEquals(List.of("/goal", "/schedule", "/spec", "/review", "/compact", "/clear", "/fix", "/git:pr"),
                labels);
        assertEquals("Fix an issue", composer.completion().items().get(6).detail());

        fixture.type("/c");
        assertEquals(List.of("/compact", "/clear", "/schedule", "/spec"), composer.completion().items().stream()
                .map(Completion.Item::label).toList(), "names starting with the text first");
        composer.acceptCompletion();
        assertEquals("/compact ", composer.textProperty().get());

        fixture.type("/usr/bin/env");
        assertFalse(composer.completion().showingProperty().get(), "no list for text that matches no command");
        fixture.type("see /goal");
        assertFalse(composer.completion().showingProperty().get(), "commands only at the start");
    }

    @Test
    void aCustomCommandSendsItsBodyWithTheArguments() {
        String id = fixture.quest();
        composer.show(id);
        fixture.send("/fix #42 in checkout");
        assertEquals(List.of(List.of(ContentBlock.text("Fix issue #42 in checkout."))), fixture.userMessages(id));
        assertEquals("Sent /fix.", composer.noticeProperty().get());
    }

    @Test
    void anAddedCommandSourceIsOfferedForTheNextQuest() {
        composer.addCommandSource((quest, workspace) -> List.of(SlashCommand.agent("init", "Agent: write AGENTS.md")));
        composer.show(fixture.quest());
        fixture.type("/in");
        assertEquals("/init", composer.completion().items().get(0).label());
        assertEquals("Agent: write AGENTS.md", composer.completion().items().get(0).detail());
    }

    @Test
    void aQuestWithoutAFolderSaysThereIsNothingToPick() {
        dev.questbench.domain.Quest quest = dev.questbench.domain.Quest.create("Loose", "Loose", null,
                dev.questbench.domain.QuestMode.AGENT, dev.questbench.domain.QuestEnvironment.LOCAL,
                java.time.Instant.now());
        fixture.store.quests().create(quest);
        composer.show(quest.id());
        fixture.type("@x");
        assertEquals(Completion.Mode.MENTION, composer.completion().mode());
        assertEquals("This quest has no folder to pick files from.", composer.completion().statusProperty().get());
    }
}
