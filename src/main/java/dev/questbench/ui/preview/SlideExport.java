package dev.questbench.ui.preview;

import dev.questbench.preview.SlideDeck;
import dev.questbench.preview.SlidesPdf;
import dev.questbench.ui.common.TaskRunner;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

/**
 * Exports a deck to PDF: each slide is loaded into a 1280×720 WebView in an invisible window, pictured once it has
 * painted, and the pictures are written by PDFBox off the FX thread. Runs on the FX thread, one slide after another.
 */
final class SlideExport {
    /** Time for WebKit to paint a loaded page before it is pictured. */
    private static final Duration SETTLE = Duration.millis(120);

    private final List<String> slides;
    private final TaskRunner tasks;
    private final List<BufferedImage> pictures = new ArrayList<>();
    private final WebView web = new WebView();
    private final Stage stage = new Stage(StageStyle.UTILITY);
    private Consumer<Throwable> done;
    private Path target;

    /** @param slides the slides' page addresses, in order */
    SlideExport(List<String> slides, TaskRunner tasks) {
        this.slides = slides;
        this.tasks = tasks;
        web.setPrefSize(SlideDeck.WIDTH, SlideDeck.HEIGHT);
        stage.setScene(new Scene(web, SlideDeck.WIDTH, SlideDeck.HEIGHT));
        stage.setOpacity(0);
        stage.setX(-20_000);
    }

    void run(Path file, Consumer<Throwable> whenDone) {
        this.target = file;
        this.done = whenDone;
        stage.show();
        picture(0);
    }

    private void picture(int slide) {
        if (slide == slides.size()) {
            stage.close();
            List<BufferedImage> all = List.copyOf(pictures);
            tasks.run(() -> {
                SlidesPdf.write(all, target);
                return target;
            }, written -> done.accept(null), done::accept);
            return;
        }
        Worker<Void> worker = web.getEngine().getLoadWorker();
        ChangeListener<Worker.State> loaded = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Worker.State> observable,
                                Worker.State before, Worker.State state) {
                if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED) {
                    worker.stateProperty().removeListener(this);
                    PauseTransition settle = new PauseTransition(SETTLE);
                    settle.setOnFinished(event -> {
                        pictures.add(FxImages.toAwt(web.snapshot(null, null)));
                        picture(slide + 1);
                    });
                    settle.play();
                }
            }
        };
        worker.stateProperty().addListener(loaded);
        web.getEngine().load(slides.get(slide));
    }
}
