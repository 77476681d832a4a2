package dev.questbench.bench;

import dev.questbench.domain.BoardColumn;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.ui.board.BoardView;
import dev.questbench.ui.board.BoardViewModel;
import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.common.PulseExecutor;
import dev.questbench.ui.common.Stylesheets;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The My Quests board over 1,000 quests (5 workspaces, 3 to 6 events each) under Monocle headless:
 * (1) from "store is open" to the board's first rendered layout with cards; (2) a search answered by the
 * store and applied to the columns, up to the next laid-out pulse. Budgets: 300 ms and 50 ms.
 */
public final class BoardBench implements BenchMain.Benchmark {
    private static final int QUESTS = 1_000;
    private static final List<Double> APPLIED = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final String[] WORDS = {"pagination", "login", "schema", "invoice", "search", "upload",
            "cache", "retry", "export", "theme"};

    @Override
    public void run() throws Exception {
        Path dir = Files.createTempDirectory("questbench-board-bench");
        seed(dir);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        Platform.setImplicitExit(false); // closing one round's stage must not end the toolkit
        started.await();
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        List<Double> opens = new ArrayList<>();
        List<Double> searches = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            try (Store store = Store.open(dir.resolve("data")); FxTaskRunner tasks = new FxTaskRunner(2)) {
                long open = System.nanoTime(); // the store is open: the clock starts here
                Board board = call(() -> showBoard(store, tasks));
                board.awaitFirstCards();
                opens.add(millis(board.firstRendered - open));
                System.out.printf("  round %d: answer applied after %.1f ms, first cards laid out after %.1f ms%n",
                        round, millis(board.loadedAt - open), millis(board.firstRendered - open));
                if (round > 0) {
                    for (String word : WORDS) {
                        searches.add(board.search(word));
                    }
                    searches.add(board.search("nomatchatall"));
                    searches.add(board.search(""));
                }
                call(() -> {
                    board.close();
                    return null;
                });
            }
        }
        report("board open (store open → first rendered layout), cold", opens.get(0), 300);
        List<Double> warm = opens.subList(1, opens.size());
        report("board open, warm median of " + warm.size(), median(warm), 300);
        report("search answered and applied to the columns, median of " + APPLIED.size(), median(APPLIED), 50);
        report("search answered and applied to the columns, max",
                APPLIED.stream().max(Comparator.naturalOrder()).orElseThrow(), 50);
        report("search until the next laid-out pulse, median", median(searches), 50);
        report("search until the next laid-out pulse, max", searches.stream().max(Comparator.naturalOrder()).orElseThrow(),
                50);
        Platform.exit();
    }

    private static void seed(Path dir) {
        long start = System.nanoTime();
        try (Store store = Store.open(dir.resolve("data"))) {
            List<Workspace> workspaces = new ArrayList<>();
            for (String name : List.of("shop-frontend", "orders-api", "handbook", "infra", "mobile-app")) {
                workspaces.add(store.workspaces().open(dir.resolve(name).toString()));
            }
            for (int i = 0; i < QUESTS; i++) {
                String word = WORDS[i % WORDS.length];
                Workspace home = i % 11 == 0 ? null : workspaces.get(i % workspaces.size());
                Quest quest = Quest.create("Quest " + i + ": improve the " + (i % 3 == 0 ? word : "module " + i),
                        "Please look at the " + word + " flow and make it better. Ticket #" + i,
                        home == null ? null : home.id(), QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
                store.quests().create(quest);
                List<QuestEvent> events = new ArrayList<>();
                events.add(QuestEvent.UserMessage.text(quest.prompt()));
                switch (i % 4) {
                    case 0 -> events.add(new QuestEvent.SessionStatusRunning());
                    case 1 -> events.addAll(List.of(new QuestEvent.SessionStatusRunning(),
                            QuestEvent.AgentMessage.text("Working on the " + word + " part now."),
                            QuestEvent.SessionStatusIdle.requiresAction(List.of("evt_x"))));
                    case 2 -> events.addAll(List.of(new QuestEvent.SessionStatusRunning(),
                            QuestEvent.AgentMessage.text("Done: the " + word + " flow is simpler and tested."),
                            QuestEvent.SessionStatusIdle.endTurn()));
                    default -> { }
                }
                store.journal().appendAll(quest.id(), events);
            }
        }
        System.out.printf("seeded %d quests in %.0f ms%n", QUESTS, millis(System.nanoTime() - start));
    }

    private static Board showBoard(Store store, FxTaskRunner tasks) {
        BoardViewModel model = new BoardViewModel(store, tasks, Debouncer.immediate(), PulseExecutor.shared());
        model.reload(); // the query runs while the scene is built, as in the app
        BoardView view = new BoardView(model, new SimpleObjectProperty<>(Instant.now()), id -> { },
                new javafx.beans.property.SimpleIntegerProperty());
        Scene scene = new Scene(view, 1280, 800);
        Stylesheets.apply(scene.getStylesheets());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        return new Board(model, scene, stage, APPLIED);
    }

    /** One shown board and the pulse-listener bookkeeping around it. */
    private static final class Board {
        private final BoardViewModel model;
        private final Scene scene;
        private final Stage stage;
        private final CountDownLatch firstCards = new CountDownLatch(1);
        private volatile long firstRendered;
        private volatile long loadedAt;
        private final List<Double> appliedToModel;

        Board(BoardViewModel model, Scene scene, Stage stage, List<Double> appliedToModel) {
            this.appliedToModel = appliedToModel;
            this.model = model;
            this.scene = scene;
            this.stage = stage;
            Runnable check = new Runnable() {
                @Override
                public void run() {
                    if (model.loadedProperty().get() && scene.getRoot().lookup(".quest-card") != null) {
                        firstRendered = System.nanoTime();
                        scene.removePostLayoutPulseListener(this);
                        firstCards.countDown();
                    }
                }
            };
            scene.addPostLayoutPulseListener(check);
            model.loadedProperty().addListener((observable, before, loaded) -> loadedAt = System.nanoTime());
        }

        void awaitFirstCards() throws InterruptedException {
            if (!firstCards.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the board never showed a card");
            }
        }

        /** Milliseconds from asking to the first laid-out pulse after the answer is applied. */
        double search(String words) throws Exception {
            CompletableFuture<Long> applied = new CompletableFuture<>();
            long[] start = new long[1];
            long[] appliedAt = new long[1];
            Platform.runLater(() -> {
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    if (!model.searchingProperty().get()) {
                        scene.removePostLayoutPulseListener(listener[0]);
                        applied.complete(System.nanoTime());
                    }
                };
                start[0] = System.nanoTime();
                model.searchingProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean b, Boolean now) {
                        if (!now) {
                            model.searchingProperty().removeListener(this);
                            appliedAt[0] = System.nanoTime();
                        }
                    }
                });
                model.searchTextProperty().set(words);
                scene.addPostLayoutPulseListener(listener[0]);
                Platform.requestNextPulse();
            });
            long end = applied.get(30, TimeUnit.SECONDS);
            int shown = call(() -> model.column(BoardColumn.RUNNING).size() + model.column(BoardColumn.WAITING).size()
                    + model.column(BoardColumn.COMPLETED).size());
            if (words.isEmpty() && shown != QUESTS) {
                throw new IllegalStateException("expected all quests after clearing the search, got " + shown);
            }
            appliedToModel.add(millis(appliedAt[0] - start[0]));
            return millis(end - start[0]);
        }

        void close() {
            model.close();
            stage.close();
        }
    }

    private static <T> T call(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void report(String what, double millis, double budget) {
        System.out.printf("%-62s %7.1f ms  (budget < %.0f ms: %s)%n", what, millis, budget,
                millis < budget ? "met" : "MISSED");
    }
}
