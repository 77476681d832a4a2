package dev.questbench.bench;

import atlantafx.base.theme.PrimerLight;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.review.DiffView;
import dev.questbench.workspace.diff.ChangeKind;
import dev.questbench.workspace.diff.DiffLine;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * The diff view under Monocle headless with a synthesized 200-file, 20,000-line diff of Java sources (4 hunks per
 * file, changed lines paired so changed words are computed). Measures first paint (from {@code setFiles} to the
 * end of the first layout pulse after it), the heap the view adds once syntax colours are applied (used heap after
 * GC, before and after), and the FX work per pulse while scrolling the whole area a page per frame.
 * Budget: first paint < 500 ms, scrolling frame p99 < 20 ms, memory added < 150 MB.
 */
public final class DiffViewBench implements BenchMain.Benchmark {
    private static final int FILES = 200;
    private static final int HUNKS = 4;
    private static final int LINES_PER_HUNK = 25;

    // FX thread only:
    private final List<Long> frames = new ArrayList<>();
    private long pulseStart;
    private long paintStart;
    private long firstPaint;
    private int nextTop = -1;
    private int pageRows;
    private int scrollEnd;
    private CountDownLatch scrolled;

    @Override
    public void run() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        started.await();
        round(false); // warm-up: JIT, CSS, fonts; not reported
        round(true);
    }

    private void round(boolean reported) throws Exception {
        List<FileDiff> files = files();
        frames.clear();
        firstPaint = 0;
        DiffView view = call(this::show);
        long before = usedAfterGc();
        CountDownLatch painted = new CountDownLatch(1);
        call(() -> {
            paintStart = System.nanoTime();
            view.setFiles(files);
            view.getScene().addPostLayoutPulseListener(() -> {
                if (firstPaint == 0) {
                    firstPaint = System.nanoTime() - paintStart;
                    painted.countDown();
                }
            });
            return null;
        });
        painted.await(30, TimeUnit.SECONDS);
        Thread.sleep(2_000); // syntax colours computed off the FX thread and applied
        long after = usedAfterGc();
        StyleClassedTextArea area = view.oldArea();
        int paragraphs = call(() -> area.getParagraphs().size());
        int page = call(() -> Math.max(1, (int) (area.getHeight() / 16)));
        List<Long> pages = scroll(page, paragraphs);
        List<Long> wheel = scroll(3, Math.min(paragraphs, 3 * 600));
        if (reported) {
            System.out.printf("%d files, %d diff lines, %d paragraphs%n", FILES, FILES * HUNKS * LINES_PER_HUNK,
                    paragraphs);
            System.out.printf("first paint %.0f ms (budget < 500 ms) -> %s%n", firstPaint / 1e6,
                    firstPaint < 500_000_000L ? "OK" : "OVER");
            System.out.printf("memory added %.1f MB (budget < 150 MB) -> %s%n", (after - before) / 1e6,
                    after - before < 150_000_000L ? "OK" : "OVER");
            print("scroll 3 rows per frame (wheel), first 1800 rows", wheel);
            print("scroll a page (" + page + " rows) per frame, whole diff", pages);
        }
        call(() -> {
            view.getScene().getWindow().hide();
            return null;
        });
    }

    /** Scrolls {@code step} rows per frame from the top until {@code rows}; FX work per pulse. */
    private List<Long> scroll(int step, int rows) throws Exception {
        scrolled = new CountDownLatch(1);
        call(() -> {
            frames.clear();
            pageRows = step;
            scrollEnd = rows;
            nextTop = 0;
            return null;
        });
        scrolled.await(300, TimeUnit.SECONDS);
        return call(() -> List.copyOf(frames));
    }

    private static void print(String what, List<Long> nanos) {
        System.out.printf("%s: n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms (budget p99 < 20 ms) -> %s%n", what,
                nanos.size(), pct(nanos, 50) / 1e6, pct(nanos, 99) / 1e6, pct(nanos, 100) / 1e6,
                pct(nanos, 99) < 20_000_000L ? "OK" : "OVER");
    }

    private DiffView show() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        DiffView view = new DiffView();
        Stage stage = new Stage();
        Scene scene = new Scene(view, 1280, 800);
        Stylesheets.apply(scene.getStylesheets());
        stage.setScene(scene);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulseStart = System.nanoTime();
                if (nextTop >= 0) {
                    if (nextTop >= Math.min(scrollEnd, view.oldArea().getParagraphs().size())) {
                        nextTop = -1;
                        scrolled.countDown();
                        return;
                    }
                    view.oldArea().showParagraphAtTop(nextTop);
                    nextTop += pageRows;
                }
            }
        }.start();
        scene.addPostLayoutPulseListener(() -> {
            if (nextTop >= 0) {
                frames.add(System.nanoTime() - pulseStart);
            }
        });
        stage.show();
        return view;
    }

    /** 200 Java files, each with 4 hunks of 25 lines: 15 context, 5 removed, 5 added (paired). */
    private static List<FileDiff> files() {
        List<FileDiff> files = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            List<Hunk> hunks = new ArrayList<>();
            for (int h = 0; h < HUNKS; h++) {
                int start = 1 + h * 60;
                List<DiffLine> lines = new ArrayList<>();
                int oldNo = start;
                int newNo = start;
                for (int i = 0; i < 15; i++) {
                    lines.add(new DiffLine(DiffLine.Type.CONTEXT, oldNo++, newNo++, "        int value" + i
                            + " = compute(\"item\", " + i + "); // keep " + f, false));
                    if (i == 9) {
                        for (int k = 0; k < 5; k++) {
                            lines.add(new DiffLine(DiffLine.Type.REMOVED, oldNo++, 0, "        String name" + k
                                    + " = lookup(map, \"old-key-" + k + "\");", false));
                        }
                        for (int k = 0; k < 5; k++) {
                            lines.add(new DiffLine(DiffLine.Type.ADDED, 0, newNo++, "        String name" + k
                                    + " = lookup(cache, \"new-key-" + k + "\");", false));
                        }
                    }
                }
                hunks.add(new Hunk(start, 20, start, 20, "@@ -" + start + ",20 +" + start + ",20 @@ class File" + f,
                        "class File" + f, lines));
            }
            String path = "src/main/java/dev/example/module" + (f % 10) + "/File" + f + ".java";
            files.add(new FileDiff(path, path, ChangeKind.MODIFIED, -1, "100644", "100644", false, false, hunks,
                    HUNKS * 5, HUNKS * 5, null, false));
        }
        return files;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long pct(List<Long> values, int percentile) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
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
        return result.get(60, TimeUnit.SECONDS);
    }
}
