package dev.questbench.ui.preview;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the operating system does with a file or URL: open it in its app, show it in the file manager, open a web
 * page in the browser. Calls block briefly: make them off the FX thread (AWT must not run on it).
 */
public interface SystemApps {

    /** Opens the file with the app the system associates with it. */
    void open(Path file) throws IOException;

    /** Shows the file selected in the file manager (or opens its folder where selecting is not possible). */
    void reveal(Path file) throws IOException;

    /** Opens a web page in the default browser. */
    void browse(URI uri) throws IOException;

    /** java.awt.Desktop where the platform supports it, else {@code xdg-open}, {@code open} or {@code explorer}. */
    static SystemApps desktop() {
        return new SystemApps() {
            @Override
            public void open(Path file) throws IOException {
                if (supports(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(file.toFile());
                } else {
                    launch(file.toString());
                }
            }

            @Override
            public void reveal(Path file) throws IOException {
                if (supports(Desktop.Action.BROWSE_FILE_DIR)) {
                    Desktop.getDesktop().browseFileDirectory(file.toFile());
                } else if (os().contains("mac")) {
                    run(List.of("open", "-R", file.toString()));
                } else if (os().contains("win")) {
                    run(List.of("explorer", "/select,", file.toString()));
                } else {
                    launch(Files.isDirectory(file) ? file.toString() : file.getParent().toString());
                }
            }

            @Override
            public void browse(URI uri) throws IOException {
                if (supports(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(uri);
                } else {
                    launch(uri.toString());
                }
            }
        };
    }

    private static boolean supports(Desktop.Action action) {
        return !java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(action);
    }

    private static void launch(String target) throws IOException {
        String os = os();
        run(os.contains("mac") ? List.of("open", target) : os.contains("win")
                ? List.of("rundll32", "url.dll,FileProtocolHandler", target) : List.of("xdg-open", target));
    }

    private static void run(List<String> command) throws IOException {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IOException("The system could not open it (" + command.get(0) + " is not available). Open "
                    + command.get(command.size() - 1) + " yourself.", e);
        }
    }

    private static String os() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }
}
