package dev.questbench.engine.builtin;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.builtin.ProviderEntry;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.llm.ProviderKind;
import dev.questbench.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The built-in agent for real: a store in a temp folder, a git repository as the workspace, the executor, and a
 * MockWebServer on loopback standing in for the model provider.
 */
final class AgentFixture implements AutoCloseable {
    final Path root;
    final Path workspaceDir;
    final Path home;
    final MockWebServer server = new MockWebServer();
    Store store;
    BuiltinAgent agent;
    QuestExecutor executor;
    QuestWorkspaces workspaces;
    Workspace workspace;

    AgentFixture(Path root, int contextWindow) throws IOException {
        this.root = root;
        this.workspaceDir = Files.createDirectories(root.resolve("work space ü"));
        this.home = Files.createDirectories(root.resolve("home"));
        server.start();
        git("init", "-q", "-b", "main");
        git("config", "user.email", "test@example.com");
        git("config", "user.name", "Test");
        open(contextWindow);
    }

    void open(int contextWindow) {
        store = Store.open(root.resolve("data"));
        agent = new BuiltinAgent(store, Map.of(), home, BuiltinAgent.Overrides.NONE);
        agent.providers().save(List.of(new ProviderEntry("mock", ProviderKind.OPENAI,
                server.url("/v1").toString().replaceAll("/$", ""), "test-model", contextWindow, Map.of(), null)));
        executor = new QuestExecutor(store, List.of(agent.backend()), Notifier.NONE);
        workspaces = QuestWorkspaces.install(store, executor, System.getenv());
        executor.start();
        workspace = store.workspaces().open(workspaceDir.toString());
    }

    /** From now on quests talk to the mock server as an Anthropic Messages endpoint. */
    void useAnthropic() {
        agent.providers().save(List.of(new ProviderEntry("mock", ProviderKind.ANTHROPIC,
                server.url("/v1").toString().replaceAll("/$", ""), "claude-test", 200_000, Map.of(), null)));
    }

    /** A recorded SSE stream from the test resources, served as is. */
    static mockwebserver3.MockResponse recorded(String name) {
        try (var in = AgentFixture.class.getResourceAsStream("/dev/questbench/llm/" + name)) {
            return new mockwebserver3.MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                    .body(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the executor and the store as an app exit would, keeping the server and the folders. */
    void restart() {
        int window = agent.provider(null).config().contextWindow();
        executor.close();
        store.close();
        open(window);
    }

    String start(String prompt, PermissionMode mode) {
        return start(prompt, mode, QuestEnvironment.LOCAL);
    }

    String start(String prompt, PermissionMode mode, QuestEnvironment environment) {
        Quest quest = Quest.create(null, prompt, workspace.id(), QuestMode.AGENT, environment, Instant.now());
        quest = quest.withOptions(new QuestOptions(false, null, mode), quest.createdAt());
        return executor.create(quest).id();
    }

    /** An Experts-mode quest: the Lead delegates to the expert roles. */
    String startExperts(String prompt, PermissionMode mode) {
        Quest quest = Quest.create(null, prompt, workspace.id(), QuestMode.EXPERTS, QuestEnvironment.LOCAL,
                Instant.now());
        quest = quest.withOptions(new QuestOptions(false, null, mode), quest.createdAt());
        return executor.create(quest).id();
    }

    /** The ids the quest waits for answers to, from its last {@code requires_action}. */
    List<String> pendingIds(String questId) {
        List<QuestEvent.SessionStatusIdle> idles = events(questId, QuestEvent.SessionStatusIdle.class);
        QuestEvent.SessionStatusIdle last = idles.get(idles.size() - 1);
        return last.requiresAction() ? last.stopReason().eventIds() : List.of();
    }

    QuestStatus status(String questId) {
        return store.quests().summary(questId).orElseThrow().status();
    }

    void awaitStatus(String questId, QuestStatus expected) {
        await(() -> status(questId) == expected, () -> "status of " + questId + " is " + status(questId)
                + ", expected " + expected + "; events " + types(questId));
    }

    List<JournalEntry> entries(String questId) {
        return store.journal().readAfter(questId, null, 100_000);
    }

    List<String> types(String questId) {
        return entries(questId).stream().map(JournalEntry::type).toList();
    }

    <T extends QuestEvent> List<T> events(String questId, Class<T> type) {
        return entries(questId).stream().map(JournalEntry::event).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends QuestEvent> List<JournalEntry> entriesOf(String questId, Class<T> type) {
        return entries(questId).stream().filter(e -> type.isInstance(e.event())).toList();
    }

    /** The JSON bodies the "model" received so far, in order. */
    List<JsonNode> requests() {
        List<JsonNode> bodies = new ArrayList<>();
        try {
            RecordedRequest request;
            while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
                bodies.add(EventJson.mapper().readTree(request.getBody().utf8()));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return bodies;
    }

    void git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", workspaceDir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(BooleanSupplier condition, Supplier<String> message) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    @Override
    public void close() throws IOException {
        executor.close();
        store.close();
        server.close();
    }
}
