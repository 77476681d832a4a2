import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The platform floor for the packaged start-up and memory budgets (docs/PERFORMANCE.md, "Packaged app"): a bare
 * JavaFX window with one Label, packaged with the same runtime, JVM options and kind of CDS archive as Questbench
 * by src/bench/packaged-side-by-side.sh. Prints the same "startup: first frame after N ms" line as
 * {@code questbench --startup-metrics}, counted the same way: from the process start (Linux /proc) to the second
 * pulse after show(), which runs once the first frame has been rendered.
 */
public final class HelloWindow extends Application {
    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        long startNanos = System.nanoTime() - processAgeNanos();
        stage.setScene(new Scene(new Label("Hello"), 1280, 800));
        stage.setTitle("Hello");
        stage.show();
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    System.out.println("startup: first frame after " + (System.nanoTime() - startNanos) / 1_000_000L
                            + " ms (JVM start → first pulse rendered)");
                }
            }
        }.start();
    }

    /** How long ago this process started: /proc/self/stat's start time (clock ticks since boot) against /proc/uptime. */
    private static long processAgeNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startSeconds = Long.parseLong(fields[19]) / 100.0;
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return (long) ((uptime - startSeconds) * 1e9);
        } catch (Exception e) {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        }
    }
}
