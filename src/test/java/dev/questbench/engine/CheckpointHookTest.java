package dev.questbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.workspace.checkpoint.Checkpoints;
import dev.questbench.workspace.checkpoint.TestRepos;
import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint before every turn of a quest with a folder, through the real executor and a scripted agent. */
class CheckpointHookTest {
    @TempDir
    Path temp;

    /** The scripted agent edits files in its folder: {@code "a.txt=text; -b.txt"} writes a.txt and deletes b.txt. */
    static final ScriptedBackend.Script EDITS = turn -> {
        Path folder = turn.context().workingDirectory();
        for (String command : turn.text().split(";")) {
            String step = command.strip();
            if (step.startsWith("-")) {
                Files.deleteIfExists(folder.resolve(step.substring(1)));
            } else if (step.contains("=")) {
                Files.writeString(folder.resolve(step.substring(0, step.indexOf('='))),
                        step.substring(step.indexOf('=') + 1));
            }
        }
        return new TurnResult.EndTurn();
    };

    /** A quest run by the scripted agent in a workspace for this folder. */
    static Quest questIn(EngineFixture fixture, Path folder, String prompt) {
        String workspaceId = folder == null ? null : fixture.store.workspaces().open(folder.toString()).id();
        Quest quest = Quest.create(null, prompt, workspaceId, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        return quest.withBackend(ScriptedBackend.KIND, null, quest.createdAt());
    }

    static List<QuestEvent.Checkpoint> checkpoints(EngineFixture fixture, String questId) {
        return fixture.store.journal().readByType(questId, Set.of("quest.checkpoint"), 0).stream()
                .map(entry -> (QuestEvent.Checkpoint) entry.event()).toList();
    }

    static void sendAndWait(EngineFixture fixture, String questId, String text) {
        fixture.executor.send(questId, text);
        fixture.awaitStatus(questId, QuestStatus.READY);
    }

    @Test
    void everyTurnGetsACheckpointOfTheFilesBeforeIt() {
        Path repo = TestRepos.repo(temp.resolve("repo"), Map.of("a.txt", "0"));
        try (EngineFixture fixture = new EngineFixture(temp.resolve("data"), 2, EDITS)) {
            Checkpoints checkpoints = new Checkpoints(TestRepos.GIT, temp.resolve("data/checkpoints"));
            fixture.executor.addTurnHook(CheckpointHook.forExecutor(fixture.store, checkpoints, fixture.executor));
            String questId = fixture.executor.create(questIn(fixture, repo, "a.txt=1")).id();
            fixture.awaitStatus(questId, QuestStatus.READY);
            sendAndWait(fixture, questId, "a.txt=2; b.txt=new");
            sendAndWait(fixture, questId, "-b.txt");

            List<QuestEvent.Checkpoint> taken = checkpoints(fixture, questId);
            assertEquals(List.of(1, 2, 3), taken.stream().map(QuestEvent.Checkpoint::turn).toList());
            for (QuestEvent.Checkpoint checkpoint : taken) {
                assertEquals("refs/questbench/" + questId + "/" + checkpoint.turn(), checkpoint.ref());
                assertEquals(checkpoint.commit(), TestRepos.git(repo, "rev-parse", checkpoint.ref()));
            }
            assertEquals("0", TestRepos.git(repo, "show", taken.get(0).commit() + ":a.txt"));
            assertEquals("1", TestRepos.git(repo, "show", taken.get(1).commit() + ":a.txt"));
            assertEquals("a.txt\nb.txt", TestRepos.tree(repo, taken.get(2).commit()));
            assertEquals(Map.of("a.txt", "2"), TestRepos.files(repo));
            List<String> types = fixture.types(questId);
            assertTrue(types.indexOf("quest.checkpoint") < types.indexOf("session.status_idle"), types::toString);
        }
    }

    @Test
    void aPlainFolderInLocalModeIsCheckpointedInAShadowRepository() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("plain"));
        Files.writeString(folder.resolve("a.txt"), "0");
        try (EngineFixture fixture = new EngineFixture(temp.resolve("data"), 2, EDITS)) {
            Checkpoints checkpoints = new Checkpoints(TestRepos.GIT, temp.resolve("data/checkpoints"));
            fixture.executor.addTurnHook(CheckpointHook.forExecutor(fixture.store, checkpoints, fixture.executor));
            String questId = fixture.executor.create(questIn(fixture, folder, "a.txt=1")).id();
            fixture.awaitStatus(questId, QuestStatus.READY);
            sendAndWait(fixture, questId, "a.txt=2");

            assertEquals(List.of(1, 2), checkpoints(fixture, questId).stream().map(QuestEvent.Checkpoint::turn)
                    .toList());
            assertEquals(2, checkpoints.list(folder, questId).size());
            assertEquals(Map.of("a.txt", "2"), TestRepos.files(folder));
            assertTrue(Files.notExists(folder.resolve(".git")), "no .git in the user's folder");
        }
    }

    @Test
    void aTurnRunsWithoutACheckpointWhenGitFails() throws IOException {
        Path repo = TestRepos.repo(temp.resolve("repo"), Map.of("a.txt", "0"));
        Path broken = temp.resolve("broken-git");
        Files.writeString(broken, "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = --version ] && echo 'git version 2.39.5'"
                + " && exit 0; done\necho 'fatal: disk full' >&2\nexit 128\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
        try (EngineFixture fixture = new EngineFixture(temp.resolve("data"), 2, EDITS)) {
            Checkpoints checkpoints = new Checkpoints(Git.at(broken), temp.resolve("data/checkpoints"));
            fixture.executor.addTurnHook(CheckpointHook.forExecutor(fixture.store, checkpoints, fixture.executor));
            String questId = fixture.executor.create(questIn(fixture, repo, "a.txt=1")).id();

            fixture.awaitStatus(questId, QuestStatus.READY);

            assertEquals(List.of(), checkpoints(fixture, questId));
            assertEquals(Map.of("a.txt", "1"), TestRepos.files(repo), "the turn ran");
        }
    }

    @Test
    void questsWithNoFolderGetNoCheckpoints() {
        try (EngineFixture fixture = new EngineFixture(temp.resolve("data"), 2, turn -> new TurnResult.EndTurn())) {
            Checkpoints checkpoints = new Checkpoints(TestRepos.GIT, temp.resolve("data/checkpoints"));
            fixture.executor.addTurnHook(CheckpointHook.forExecutor(fixture.store, checkpoints, fixture.executor));
            String questId = fixture.executor.create(questIn(fixture, null, "hello")).id();

            fixture.awaitStatus(questId, QuestStatus.READY);

            assertEquals(List.of(), checkpoints(fixture, questId));
            assertEquals(List.of(questId + ":send:hello"), fixture.backend.calls);
        }
    }

    @Test
    void aMessageSentAgainKeepsItsFirstCheckpoint() {
        Path repo = TestRepos.repo(temp.resolve("repo"), Map.of("a.txt", "0"));
        try (EngineFixture fixture = new EngineFixture(temp.resolve("data"), 2, EDITS)) {
            Checkpoints checkpoints = new Checkpoints(TestRepos.GIT, temp.resolve("data/checkpoints"));
            CheckpointHook hook = new CheckpointHook(fixture.store, checkpoints,
                    WorkingDirectories.workspaces(fixture.store));
            Quest quest = questIn(fixture, repo, "a.txt=1");
            fixture.store.quests().create(quest);
            JournalEntry message = fixture.store.journal().append(quest.id(), QuestEvent.UserMessage.text("a.txt=1"));

            assertTrue(hook.checkpoint(quest.id(), message.id()).isPresent());
            assertTrue(hook.checkpoint(quest.id(), message.id()).isEmpty(), "after a restart the turn is sent again");
            assertEquals(1, checkpoints(fixture, quest.id()).size());
        }
    }
}
