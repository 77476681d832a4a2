package dev.questbench.ui.markdown;

import java.awt.Desktop;
import java.net.URI;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Opens a link from a message in the system browser, on a thread of its own (the call can block for seconds). */
public final class LinkOpener implements Consumer<String> {
    private static final Logger LOG = Logger.getLogger(LinkOpener.class.getName());

    @Override
    public void accept(String target) {
        URI uri;
        try {
            uri = URI.create(target.strip());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.INFO, "Not a link that can be opened: " + target);
            return;
        }
        if (uri.getScheme() == null || !java.util.Set.of("http", "https", "mailto").contains(uri.getScheme())) {
            LOG.log(Level.INFO, "Only web and mail links open from a message: " + target);
            return;
        }
        Thread thread = new Thread(() -> browse(uri), "open-link");
        thread.setDaemon(true);
        thread.start();
    }

    private static void browse(URI uri) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(uri);
            } else {
                new ProcessBuilder("xdg-open", uri.toString()).start();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not open " + uri + " in the browser", e);
        }
    }
}
