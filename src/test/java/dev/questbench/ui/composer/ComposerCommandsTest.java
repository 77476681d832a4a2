package dev.questbench.ui.composer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.common.QuestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposerCommandsTest {
    @TempDir
    Path dir;
    private ComposerFixture fixture;
    private ComposerViewModel composer;

    @BeforeEach
    void open() throws Exception {
        fixture = new ComposerFixture(dir);
        composer = fixture.composer;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void clearAndCompactJournalTheirMarkersForTheBuiltInAgent() {
        String id = fixture.quest();
        composer.show(id);
        fixture.send("/clear");
        assertTrue(composer.noticeProperty().get().startsWith("Context cleared"), composer.noticeProperty().get());
        fixture.send("/compact");
        assertTrue(composer.noticeProperty().get().startsWith("The conversation will be summarised"));
        assertEquals(1, events(id, "quest.context_cleared"));
        assertEquals(1, events(id, "quest.compact_requested"));
        assertEquals("", composer.textProperty().get());
        assertTrue(fixture.userMessages(id).isEmpty(), "nothing went to the agent as a message");
    }

    @Test
    void clearWaitsWhileATurnRunsAndStopEndsTheTurn() throws Exception {
        String id = fixture.quest();
        composer.show(id);
        fixture.send("please wait");
        fixture.fx.runUntil(() -> composer.canStopProperty().get(), () -> "running: " + composer.statusProperty().get());

        fixture.send("/clear");
        assertTrue(composer.problemProperty().get().startsWith("/clear waits until the current turn ends"),
                composer.problemProperty().get());
        assertEquals(0, events(id, "quest.context_cleared"));

        composer.stop();
        fixture.fx.runUntil(() -> composer.statusProperty().get() == QuestStatus.READY && !composer.canStopProperty().get(),
                () -> "stopped: " + composer.statusProperty().get());
    }

    @Test
    void clearIsRefusedForAnotherAgentWithAClearMessage() {
        String id = fixture.quest();
        Quest quest = fixture.store.quests().get(id).orElseThrow();
        fixture.store.quests().update(quest.withBackend("acp:gemini", null, java.time.Instant.now()));
        composer.show(id);
        fixture.send("/compact");
        assertEquals("/compact " + ComposerActions.NOT_BUILT_IN + "acp:gemini.", composer.problemProperty().get());
        assertEquals("/compact", composer.textProperty().get(), "the text stays");
    }

    @Test
    void specTurnsSpecModeOnAndSendsTheRequest() throws Exception {
        String id = fixture.quest();
        composer.show(id);
        fixture.send("/spec");
        assertTrue(composer.problemProperty().get().startsWith("Say what the spec is for"));

        fixture.send("/spec add CSV export");
        assertTrue(fixture.store.quests().get(id).orElseThrow().options().specDriven());
        assertEquals(List.of(List.of(ContentBlock.text("add CSV export"))), fixture.userMessages(id));
        fixture.fx.runUntil(() -> events(id, "quest.spec_proposed") == 1, () -> "a spec proposal");
        assertTrue(composer.noticeProperty().get().startsWith("Spec mode"));
    }

    @Test
    void aDraftIsKeptPerQuestAndRestoredByANewComposer() throws Exception {
        fixture.write("notes.txt", "n");
        String first = fixture.quest();
        String second = fixture.quest();
        composer.show(first);
        composer.textProperty().set("half-written thought");
        composer.attachFile(fixture.workspace.resolve("notes.txt"));
        composer.show(second);
        assertEquals("", composer.textProperty().get());
        assertTrue(composer.attachments().isEmpty());
        composer.textProperty().set("other draft");

        composer.show(first);
        assertEquals("half-written thought", composer.textProperty().get());
        assertEquals(List.of("notes.txt"), composer.attachments().stream().map(Attachment::label).toList());

        composer.close(); // the window closes: the open draft is saved too
        ComposerViewModel restarted = fixture.open();
        restarted.show(second);
        assertEquals("other draft", restarted.textProperty().get());
        restarted.send();
        restarted.show(first);
        restarted.show(second);
        assertEquals("", restarted.textProperty().get(), "a sent draft is gone");
        restarted.close();
    }

    @Test
    void droppedFilesOutsideTheWorkspaceKeepTheirFullPathAndCanBeRemoved() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("shot.png"), "png");
        String id = fixture.quest();
        composer.show(id);
        composer.attachFile(dir.resolve("shot.png"));
        composer.attachFile(dir.resolve("shot.png"));
        Attachment shot = composer.attachments().get(0);
        assertEquals(1, composer.attachments().size(), "the same file attaches once");
        assertEquals(dir.resolve("shot.png").toAbsolutePath().toString(), shot.label());
        assertTrue(shot.image());
        assertTrue(composer.canSendProperty().get(), "attachments alone can be sent");
        composer.removeAttachment(shot);
        assertFalse(composer.canSendProperty().get());
    }

    @Test
    void thePickersStoreTheModelAndPermissionModeOnTheQuest() {
        BuiltinAgent agent = new BuiltinAgent(fixture.store, Map.of("OPENAI_API_KEY", "sk-test"), dir.resolve("home"),
                BuiltinAgent.Overrides.NONE);
        QuestEngine parts = fixture.engine.parts;
        ComposerViewModel withAgent = new ComposerViewModel(fixture.store, new QuestEngine(parts.executor(),
                parts.goals(), parts.specs(), parts.scheduler(), agent), new DirectTaskRunner(), fixture.fx);
        try {
            String id = fixture.quest();
            Quest created = fixture.store.quests().get(id).orElseThrow();
            fixture.store.quests().update(created.withBackend(Quest.BUILTIN_BACKEND, "llama3-custom",
                    java.time.Instant.now()));
            withAgent.show(id);
            QuestChoices choices = withAgent.choices();
            assertTrue(choices.availableProperty().get());
            assertTrue(choices.models().get(0).label().startsWith("Default ("), choices.models().toString());
            assertTrue(choices.models().get(0).label().endsWith(" · llama3-custom)"), "the quest's own model id");
            assertEquals(choices.models().get(0), choices.modelProperty().get());
            assertEquals(PermissionMode.DEFAULT, choices.permissionModeProperty().get());

            QuestChoices.ModelOption other = choices.models().get(1);
            choices.modelProperty().set(other);
            choices.permissionModeProperty().set(PermissionMode.ACCEPT_EDITS);

            Quest stored = fixture.store.quests().get(id).orElseThrow();
            assertEquals(other.provider(), stored.options().provider());
            assertEquals(PermissionMode.ACCEPT_EDITS, stored.options().permissionMode());
            assertEquals(null, stored.model(), "the new provider uses its own default model");
        } finally {
            withAgent.close();
        }
    }

    private int events(String id, String type) {
        return fixture.store.journal().readByType(id, Set.of(type), 0).size();
    }
}
