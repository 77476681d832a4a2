package dev.questbench.ui.preview;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.questbench.preview.FileKind;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The canvas: artifacts pinned side by side on one zoomable surface to compare versions or the outputs of different
 * quests. Each quest keeps its own canvas (its pins and zoom) in the settings; files from anywhere can be pinned.
 */
public final class CanvasViewModel {
    static final double MIN_ZOOM = 0.25;
    static final double MAX_ZOOM = 2.0;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "preview.canvas.";

    private final Store store;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObservableList<Pin> pins = FXCollections.observableArrayList();
    private final ObservableList<Pin> pinsView = FXCollections.unmodifiableObservableList(pins);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    private String questId;
    private long generation;

    /** One pinned file: where it is, what it is, and the name on its tile. */
    public record Pin(String file, FileKind kind, String name) {
        Path path() {
            return Path.of(file);
        }
    }

    /** The layout as saved with the quest. */
    record Layout(List<Pin> pins, double zoom) {
    }

    public CanvasViewModel(Store store, TaskRunner tasks, DialogService dialogs) {
        this.store = store;
        this.tasks = tasks;
        this.dialogs = dialogs;
        zoom.addListener((observable, before, after) -> save());
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The pinned files, left to right (read-only for the View). */
    public ObservableList<Pin> pins() {
        return pinsView;
    }

    /** The surface's scale, 0.25–2. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Shows this quest's canvas (null: an empty one that is not saved). */
    public void show(String id) {
        questId = id;
        long asked = ++generation;
        pins.clear();
        if (id == null) {
            return;
        }
        tasks.run(() -> read(id), layout -> {
            if (asked == generation) {
                pins.setAll(layout.pins());
                zoom.set(clamp(layout.zoom()));
            }
        }, failure -> { }); // an unreadable layout starts empty
    }

    /** Pins a file (once); its kind decides how its tile renders it. */
    public void pin(Path file, String name) {
        if (file == null || pins.stream().anyMatch(pin -> pin.path().equals(file))) {
            return;
        }
        tasks.run(() -> new Pin(file.toString(), FileKind.of(file), name == null ? file.getFileName().toString()
                : name), pin -> {
                    if (pins.stream().noneMatch(each -> each.file().equals(pin.file()))) {
                        pins.add(pin);
                        save();
                    }
                }, failure -> dialogs.showError("The file could not be pinned", failure.getMessage()));
    }

    /** Asks for any file (another quest's output, say) and pins it. */
    public void pinOther() {
        dialogs.chooseFile("Pin a file to the canvas", null).ifPresent(file -> pin(file, null));
    }

    public void unpin(Pin pin) {
        if (pins.remove(pin)) {
            save();
        }
    }

    public void zoomBy(double factor) {
        zoom.set(clamp(zoom.get() * factor));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Layout read(String id) throws Exception {
        String raw = store.settings().raw(KEY + id).orElse(null);
        if (raw == null) {
            return new Layout(List.of(), 1.0);
        }
        Layout layout = JSON.readValue(raw, new TypeReference<Layout>() { });
        List<Pin> present = new ArrayList<>();
        for (Pin pin : layout.pins() == null ? List.<Pin>of() : layout.pins()) {
            if (Files.exists(pin.path())) { // a file deleted since leaves the canvas
                present.add(pin);
            }
        }
        return new Layout(present, layout.zoom());
    }

    private void save() {
        String id = questId;
        if (id == null) {
            return;
        }
        Layout layout = new Layout(List.copyOf(pins), zoom.get());
        tasks.run(() -> {
            store.settings().rawSet(KEY + id, JSON.writeValueAsString(layout));
            return null;
        }, ignored -> { }, failure -> { }); // the layout is a convenience
    }

    private static double clamp(double value) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value <= 0 ? 1.0 : value));
    }
}
