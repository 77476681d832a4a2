package dev.questbench.agent.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.questbench.agent.ToolConfirmation;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.store.Store;
import dev.questbench.workspace.checkpoint.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole quests through the real executor against {@link FakeAcpAgent} running as a child process. */
class AcpQuestTest {
    @TempDir
    Path temp;
    private Store store;
    private QuestExecutor executor;
    private Path workspace;
    private String workspaceId;
    private final List<QuestEvent> live = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        store = Store.open(temp.resolve("data"));
        AcpPreset fake = new AcpPreset("fake", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                List.of("-cp", System.getProperty("java.class.path"), FakeAcpAgent.class.getName()));
        store.settings().set(AgentPresets.SETTING, AgentPresets.DEFAULT.with(fake));
        workspace = TestRepos.repo(temp.resolve("ws"), Map.of("notes.txt", "old line\n"));
        workspaceId = store.workspaces().open(workspace.toString()).id();
        executor = new QuestExecutor(store, List.of(new AcpBackend(store)), Notifier.NONE);
        QuestWorkspaces.install(store, executor, System.getenv());
        executor.subscribeLive((quest, event) -> live.add(event));
        executor.start();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        store.close();
    }

    @Test
    void approvedEditWritesThroughFsAndRunsATerminal() throws Exception {
        String id = start("full", PermissionMode.DEFAULT);
        awaitStatus(id, QuestStatus.ACTION_REQUIRED);
        assertEquals("Hello from the fake agent.", text(messages(id).get(0)));
        assertEquals("Plan it.", events(id, QuestEvent.AgentThinking.class).get(0).text());
        assertEquals(List.of("Edit notes.txt", "Run a command"), events(id, QuestEvent.TodoUpdated.class).get(0)
                .todos().stream().map(QuestEvent.TodoUpdated.TodoItem::content).toList());
        QuestEvent.AgentToolUse edit = events(id, QuestEvent.AgentToolUse.class).get(0);
        assertEquals("Edit", edit.name());
        assertEquals(Decision.Permission.ASK, edit.evaluatedPermission());
        assertEquals("new line\n", edit.input().path("diffs").get(0).path("new_text").asText());
        assertEquals("old line", edit.input().path("old_string").asText(), "the card previews the edit");
        assertEquals("new line", edit.input().path("new_string").asText());
        assertTrue(live.stream().anyMatch(e -> e instanceof QuestEvent.AgentContentBlockDelta d
                && " from".equals(d.delta().text())), "chunks stream live");
        QuestEvent.ExternalSession session = events(id, QuestEvent.ExternalSession.class).get(0);
        assertTrue(session.sessionId().startsWith("sess_fake_"));
        assertEquals(List.of("init"), last(id, QuestEvent.ExternalSession.class).commands());
        assertEquals(1, events(id, QuestEvent.Checkpoint.class).size(), "the turn has a checkpoint for review");

        executor.confirm(id, new ToolConfirmation(pendingId(id), Decision.ALLOW, null, false));
        awaitStatus(id, QuestStatus.READY);
        assertEquals("new line\n", Files.readString(workspace.resolve("notes.txt")));
        List<QuestEvent.AgentToolResult> results = events(id, QuestEvent.AgentToolResult.class);
        assertFalse(results.get(0).isError());
        QuestEvent.AgentToolUse bash = events(id, QuestEvent.AgentToolUse.class).get(1);
        assertEquals("Bash", bash.name());
        assertEquals("echo 'hi from terminal'", bash.input().path("command").asText());
        assertTrue(ContentBlock.plainText(results.get(1).content()).contains("hi from terminal"));
        assertEquals("Done: exit 0, output hi from terminal.", text(messages(id).get(messages(id).size() - 1)));
        assertEquals("notes.txt", events(id, QuestEvent.Artifact.class).get(0).path());
    }

    @Test
    void rejectedPermissionLeavesTheFileAlone() throws Exception {
        String id = start("full", PermissionMode.DEFAULT);
        awaitStatus(id, QuestStatus.ACTION_REQUIRED);
        executor.confirm(id, new ToolConfirmation(pendingId(id), Decision.DENY, "not now", false));
        awaitStatus(id, QuestStatus.READY);
        assertEquals("old line\n", Files.readString(workspace.resolve("notes.txt")));
        assertTrue(events(id, QuestEvent.AgentToolResult.class).get(0).isError());
        assertEquals("Okay, I left notes.txt alone.", text(messages(id).get(messages(id).size() - 1)));
    }

    @Test
    void bypassPermissionsAnswersWithoutAskingAndSwitchesTheAgentsMode() throws Exception {
        String id = start("full", PermissionMode.BYPASS_PERMISSIONS);
        awaitStatus(id, QuestStatus.READY);
        assertEquals(Decision.Permission.ALLOW, events(id, QuestEvent.AgentToolUse.class).get(0).evaluatedPermission());
        assertEquals("new line\n", Files.readString(workspace.resolve("notes.txt")));
        assertEquals("yolo", last(id, QuestEvent.ExternalSession.class).mode());
    }

    @Test
    void planModeRefusesTheEditWithoutAsking() throws Exception {
        String id = start("full", PermissionMode.PLAN);
        awaitStatus(id, QuestStatus.READY);
        assertEquals(Decision.Permission.DENY, events(id, QuestEvent.AgentToolUse.class).get(0).evaluatedPermission());
        assertEquals("old line\n", Files.readString(workspace.resolve("notes.txt")));
        assertEquals("Okay, I left notes.txt alone.", text(messages(id).get(messages(id).size() - 1)));
    }

    @Test
    void anAgentThatNeedsASignInSaysSo() {
        AcpPreset fake = store.settings().get(AgentPresets.SETTING).find("fake").orElseThrow();
        store.settings().set(AgentPresets.SETTING, AgentPresets.DEFAULT.with(new AcpPreset("fake", fake.command(),
                fake.args(), Map.of("FAKE_ACP_NEEDS_LOGIN", "1"), null)));
        String id = start("hello", PermissionMode.DEFAULT);
        awaitStatus(id, QuestStatus.ERROR);
        String error = last(id, QuestEvent.SessionError.class).error().message();
        assertTrue(error.contains("needs you to sign in (Log in with Fake)"), error);
    }

    @Test
    void aMissingProgramSaysHowToFixIt() {
        store.settings().set(AgentPresets.SETTING, AgentPresets.DEFAULT.with(new AcpPreset("fake",
                temp.resolve("no-such-agent").toString(), List.of("--acp"))));
        String id = start("hello", PermissionMode.DEFAULT);
        awaitStatus(id, QuestStatus.ERROR);
        String error = last(id, QuestEvent.SessionError.class).error().message();
        assertTrue(error.contains("Could not start the agent 'fake'") && error.contains("Settings → Agents"), error);
    }

    @Test
    void crashBecomesAnErrorWithTheLastStderrAndTheNextMessageLoadsTheSession() {
        String id = start("crash", PermissionMode.DEFAULT);
        awaitStatus(id, QuestStatus.ERROR);
        String error = last(id, QuestEvent.SessionError.class).error().message();
        assertTrue(error.contains("fatal: the model server went away"), error);
        assertTrue(error.contains("exit code 3"), error);
        String firstSession = last(id, QuestEvent.ExternalSession.class).sessionId();

        executor.send(id, "hello again");
        awaitStatus(id, QuestStatus.READY);
        assertEquals("You said: hello again", text(messages(id).get(messages(id).size() - 1)));
        assertEquals(firstSession, last(id, QuestEvent.ExternalSession.class).sessionId(), "session/load kept it");
    }

    @Test
    void aForkOpensItsOwnSessionAndBringsTheConversationAlong() {
        String id = start("hello", PermissionMode.DEFAULT);
        awaitStatus(id, QuestStatus.READY);
        String original = last(id, QuestEvent.ExternalSession.class).sessionId();
        List<JournalEntry> all = entries(id);
        String fork = executor.fork(id, all.get(all.size() - 1).id()).id();
        assertEquals(null, last(fork, QuestEvent.ExternalSession.class), "the original's session is not copied");
        executor.send(fork, "and then");
        await(() -> messages(fork).size() == 2, () -> "no answer in the fork: " + types(fork));
        String reply = text(messages(fork).get(1));
        assertTrue(reply.contains("User: hello") && reply.contains("Agent: You said: hello")
                && reply.endsWith("and then"), reply);
        assertFalse(original.equals(last(fork, QuestEvent.ExternalSession.class).sessionId()));
    }

    @Test
    void stopCancelsTheTurnAndTheAgentTakesTheNextMessage() {
        String id = start("wait", PermissionMode.DEFAULT);
        await(() -> live.stream().anyMatch(e -> e instanceof QuestEvent.AgentContentBlockDelta d
                && "Working on it".equals(d.delta().text())), () -> "no chunk streamed: " + types(id));
        assertTrue(executor.stop(id));
        awaitStatus(id, QuestStatus.READY);
        executor.send(id, "next");
        await(() -> messages(id).stream().anyMatch(m -> text(m).equals("You said: next")),
                () -> "no answer after the stop: " + types(id));
        assertEquals(1, events(id, QuestEvent.ExternalSession.class).size(), "the same agent process went on");
    }

    @Test
    void filesOutsideTheWorkspaceAreRefused() {
        String id = start("escape", PermissionMode.DEFAULT);
        awaitStatus(id, QuestStatus.READY);
        String said = text(messages(id).get(0));
        assertTrue(said.contains("outside the workspace"), said);
    }

    @Test
    void aSilentAgentCountsAsHung() {
        store.settings().set(AcpSettings.IDLE_TIMEOUT, 1);
        String id = start("wait", PermissionMode.DEFAULT);
        awaitStatus(id, QuestStatus.ERROR);
        String error = last(id, QuestEvent.SessionError.class).error().message();
        assertTrue(error.contains("counts as hung"), error);
        assertTrue(error.contains("fake agent starting"), "stderr tail is shown: " + error);
    }

    @Test
    void closingTheExecutorEndsTheAgentProcess() {
        String id = start("hello", PermissionMode.DEFAULT);
        awaitStatus(id, QuestStatus.READY);
        String sessionId = last(id, QuestEvent.ExternalSession.class).sessionId();
        long pid = Long.parseLong(sessionId.substring("sess_fake_".length()));
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        executor.close();
        await(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), () -> "agent " + pid + " lives on");
    }

    @Test
    void anUnknownPresetSaysWhereToAddIt() {
        Quest quest = quest("hi", PermissionMode.DEFAULT).withBackend("acp:nope", null, Instant.now());
        String id = executor.create(quest).id();
        awaitStatus(id, QuestStatus.ERROR);
        assertTrue(last(id, QuestEvent.SessionError.class).error().message().contains("Settings → Agents"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Quest quest(String prompt, PermissionMode mode) {
        Instant now = Instant.now();
        Quest draft = Quest.create(null, prompt, workspaceId, QuestMode.AGENT, QuestEnvironment.LOCAL, now);
        return draft.withBackend(AcpBackend.backendId("fake"), null, now)
                .withOptions(new QuestOptions(false, null, mode), now);
    }

    private String start(String prompt, PermissionMode mode) {
        return executor.create(quest(prompt, mode)).id();
    }

    private String pendingId(String id) {
        QuestEvent.SessionStatusIdle idle = last(id, QuestEvent.SessionStatusIdle.class);
        assertNotNull(idle);
        return idle.stopReason().eventIds().get(0);
    }

    private List<JournalEntry> entries(String id) {
        return store.journal().readAfter(id, null, 10_000);
    }

    private List<String> types(String id) {
        return entries(id).stream().map(JournalEntry::type).toList();
    }

    private <T extends QuestEvent> List<T> events(String id, Class<T> type) {
        return entries(id).stream().map(JournalEntry::event).filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends QuestEvent> T last(String id, Class<T> type) {
        List<T> all = events(id, type);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private List<QuestEvent.AgentMessage> messages(String id) {
        return events(id, QuestEvent.AgentMessage.class);
    }

    private static String text(QuestEvent.AgentMessage message) {
        return ContentBlock.plainText(message.content());
    }

    private void awaitStatus(String id, QuestStatus expected) {
        await(() -> store.quests().summary(id).orElseThrow().status() == expected,
                () -> "status " + store.quests().summary(id).orElseThrow().status() + ", expected " + expected
                        + "; events " + types(id));
    }

    private static void await(BooleanSupplier condition, Supplier<String> message) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
