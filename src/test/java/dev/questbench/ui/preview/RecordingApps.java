package dev.questbench.ui.preview;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** System apps for tests: what would have been opened, revealed or browsed, as "open path" lines. */
final class RecordingApps implements SystemApps {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void open(Path file) {
        calls.add("open " + file);
    }

    @Override
    public void reveal(Path file) {
        calls.add("reveal " + file);
    }

    @Override
    public void browse(URI uri) {
        calls.add("browse " + uri);
    }
}
