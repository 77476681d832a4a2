package dev.questbench.ui.review;

import static dev.questbench.ui.review.ReviewViewModelTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.builtin.ProviderEntry;
import dev.questbench.agent.builtin.ProviderRegistry;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.ProviderKind;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.QueueExecutor;
import dev.questbench.ui.testing.WorkspaceEngine;
import dev.questbench.workspace.env.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AI review from the Review ViewModel against a real OpenAI-compatible server on loopback: the finding shows as a
 * diff annotation, is journaled, comes back on the next load, and Fix sends it to the agent.
 */
class ReviewAiReviewTest {
    private static final String FINDINGS = "{\"findings\":[{\"severity\":\"warning\",\"file\":\"story.txt\","
            + "\"start_line\":19,\"end_line\":19,\"title\":\"t\",\"evidence\":\"e\",\"suggestion\":\"s\"}]}";

    @TempDir
    Path dir;
    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private final QueueExecutor fx = new QueueExecutor();
    private Path repo;
    private Store store;
    private WorkspaceEngine engine;
    private ReviewViewModel model;

    @BeforeEach
    void open() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return sse(FINDINGS);
            }
        });
        repo = GitRepos.withCommit(dir.resolve("shop"));
        GitRepos.write(repo, "story.txt", ReviewViewModelTest.story(-1));
        GitRepos.commitAll(repo, "story");
        store = Store.open(dir.resolve("data"));
        new ProviderRegistry(store.settings(), store.secrets(), Map.of()).save(List.of(new ProviderEntry("mock",
                ProviderKind.OPENAI, server.url("/v1").toString().replaceAll("/$", ""), "m", 100_000, Map.of(),
                null)));
        engine = new WorkspaceEngine(store, turn -> {
            Path story = turn.context().workingDirectory().resolve("story.txt");
            Files.writeString(story, ReviewViewModelTest.story(-1).replace("line 19\n", "line nineteen\n"));
            return new TurnResult.EndTurn();
        });
        QuestEngine parts = engine.parts;
        BuiltinAgent agent = new BuiltinAgent(store, Map.of(), dir.resolve("home"), null);
        model = new ReviewViewModel(store, new QuestEngine(parts.executor(), parts.goals(), parts.specs(),
                parts.scheduler(), agent, parts.workspaces()), new DirectTaskRunner(), dialogs, fx);
    }

    @AfterEach
    void close() {
        model.close();
        engine.close();
        store.close();
    }

    @Test
    void findingsShowAsAnnotationsAreJournaledAndFixSendsThemToTheAgent() throws Exception {
        String id = runQuest();
        model.show(id);
        assertTrue(model.findings().findings().isEmpty(), "no review yet");

        model.aiReview();

        assertEquals(1, model.findings().findings().size(), model.findings().statusProperty().get());
        assertTrue(model.annotationsProperty().get().stream().anyMatch(note -> note.kind().equals("finding-warning")
                && note.path().equals("story.txt") && note.side().equals("new") && note.line() == 19
                && note.text().equals("t\ne\n→ s")),
                model.annotationsProperty().get().toString());
        assertEquals("1 finding", model.findings().statusProperty().get());
        List<JournalEntry> journaled = store.journal().readByType(id, Set.of("quest.review_findings"), 0);
        assertEquals(1, journaled.size());
        assertEquals(1, ((QuestEvent.ReviewFindings) journaled.get(0).event()).findings().size());

        // another view of the quest shows the journaled findings
        try (ReviewViewModel again = new ReviewViewModel(store, engine.parts, new DirectTaskRunner(), dialogs, fx)) {
            again.show(id);
            assertEquals(List.of(model.findings().findings().get(0)), List.copyOf(again.findings().findings()));
        }

        model.findings().fix(model.findings().findings().get(0));
        List<JournalEntry> messages = store.journal().readByType(id, Set.of("user.message"), 0);
        assertTrue(messages.stream().anyMatch(entry -> entry.event().toString().contains("Please fix this review "
                + "finding (warning) in story.txt, line 19")), messages.toString());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void withoutAModelTheStatusSaysWhereToSetOneUp() throws Exception {
        String id = runQuest();
        try (ReviewViewModel noModel = new ReviewViewModel(store, engine.parts, new DirectTaskRunner(), dialogs, fx)) {
            noModel.show(id);
            noModel.aiReview();
            String status = noModel.findings().statusProperty().get();
            assertTrue(status != null && status.contains("Settings → Models"), status);
            assertTrue(noModel.findings().findings().isEmpty());
            assertTrue(store.journal().readByType(id, Set.of("quest.review_findings"), 0).isEmpty());
        }
    }

    @Test
    void theExternalReviewerGetsWholeFilesAndItsSuggestionsBecomeFindings() throws Exception {
        String id = runQuest();
        model.show(id);
        model.externalReview();
        assertTrue(model.findings().statusProperty().get().contains("Settings → Review"),
                model.findings().statusProperty().get());

        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!"secret-key".equals(request.getHeaders().get("X-API-Key"))) {
                    return new MockResponse.Builder().code(400)
                            .body("{\"detail\":{\"error\":\"Invalid API key\"}}").build();
                }
                return new MockResponse.Builder().code(200).body("{\"raw_data\":{\"code_suggestions\":[{"
                        + "\"relevant_file\":\"story.txt\",\"suggestion_content\":\"Use digits.\","
                        + "\"one_sentence_summary\":\"Keep numbering consistent\",\"label\":\"possible issue\","
                        + "\"score\":7,\"relevant_lines_start\":19,\"relevant_lines_end\":19}]}}").build();
            }
        });
        dev.questbench.review.external.ExternalReviewSettings.saveBaseUrl(store.settings(),
                server.url("/").toString());
        dev.questbench.review.external.ExternalReviewSettings.saveApiKey(store.secrets(), "wrong");
        model.externalReview();
        String failed = model.findings().statusProperty().get();
        assertTrue(failed.startsWith("Review failed") && failed.contains("Invalid API key"), failed);

        dev.questbench.review.external.ExternalReviewSettings.saveApiKey(store.secrets(), "secret-key");
        int before = server.getRequestCount();
        model.externalReview();
        assertEquals(1, model.findings().findings().size(), model.findings().statusProperty().get());
        assertEquals("external", ((QuestEvent.ReviewFindings) store.journal().readByType(id,
                Set.of("quest.review_findings"), 0).get(0).event()).source());
        assertTrue(model.annotationsProperty().get().stream().anyMatch(note -> note.line() == 19
                && note.kind().equals("finding-warning")), model.annotationsProperty().get().toString());
        RecordedRequest sent = null;
        for (int i = before; i < server.getRequestCount(); i++) {
            sent = server.takeRequest();
        }
        String body = sent.getBody().utf8();
        assertTrue(body.contains("line 19\\n") && body.contains("line nineteen\\n"),
                "before and after contents: " + body);
    }

    @Test
    void aCancelledReviewIsNotJournaledOrShown() throws Exception {
        String id = runQuest();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                return sse(FINDINGS);
            }
        });
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        dev.questbench.ui.common.TaskRunner background = new dev.questbench.ui.common.TaskRunner() {
            @Override
            public void close() {
            }

            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> done,
                                java.util.function.Consumer<Throwable> failed) {
                running.incrementAndGet();
                Thread thread = new Thread(() -> {
                    try {
                        T value = work.call();
                        fx.execute(() -> done.accept(value));
                    } catch (Throwable e) {
                        fx.execute(() -> failed.accept(e));
                    } finally {
                        running.decrementAndGet();
                    }
                });
                thread.setDaemon(true);
                thread.start();
            }
        };
        BuiltinAgent agent = new BuiltinAgent(store, Map.of(), dir.resolve("home"), null);
        QuestEngine parts = engine.parts;
        try (ReviewViewModel slow = new ReviewViewModel(store, new QuestEngine(parts.executor(), parts.goals(),
                parts.specs(), parts.scheduler(), agent, parts.workspaces()), background, dialogs, fx)) {
            slow.show(id);
            waitUntil(() -> {
                fx.runPending();
                return !slow.files().isEmpty();
            });
            slow.aiReview();
            assertTrue(slow.findings().reviewingProperty().get());
            slow.findings().cancel();
            assertEquals("Review cancelled.", slow.findings().statusProperty().get());
            release.countDown();
            waitUntil(() -> running.get() == 0); // the review's task ended (it threw: cancelled)
            fx.runPending();
            assertTrue(slow.findings().findings().isEmpty(), "a late result is dropped");
            assertTrue(store.journal().readByType(id, Set.of("quest.review_findings"), 0).isEmpty());
        }
    }

    private String runQuest() throws Exception {
        String id = engine.executor().create(WorkspaceEngine.quest(store, repo, "Edit the story",
                QuestEnvironment.LOCAL)).id();
        waitUntil(() -> store.quests().summary(id).orElseThrow().status() == QuestStatus.READY);
        return id;
    }

    private static MockResponse sse(String content) {
        String quoted = "\"" + content.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String body = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quoted + "}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body).build();
    }
}
