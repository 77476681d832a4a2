package dev.questbench.ui.notify;

import dev.questbench.ui.common.Stylesheets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * The toasts in the window's top-right corner, newest on top. Put it over the window's content in a
 * {@code StackPane}: only the toasts take clicks, the empty space around them lets clicks through.
 */
public final class ToastStack extends VBox {
    private final NotificationCenter center;
    private final Map<Long, ToastView> views = new HashMap<>();

    public ToastStack(NotificationCenter center) {
        this.center = center;
        setId("toasts");
        getStyleClass().add("toast-stack");
        getStylesheets().add(Stylesheets.of(ToastStack.class, "toasts.css"));
        setAlignment(Pos.TOP_RIGHT);
        setPickOnBounds(false);
        setFillWidth(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        center.toasts().addListener((ListChangeListener<Toast>) change -> sync());
        sync();
    }

    /** Mirrors the centre's list, keeping the nodes (and running timers) of toasts that stay. */
    private void sync() {
        Map<Long, ToastView> kept = new HashMap<>();
        List<Node> children = new ArrayList<>();
        for (Toast toast : center.toasts()) {
            ToastView view = views.remove(toast.serial());
            if (view == null) {
                view = new ToastView(toast, center);
            }
            kept.put(toast.serial(), view);
            children.add(view);
        }
        views.values().forEach(ToastView::dispose);
        views.clear();
        views.putAll(kept);
        getChildren().setAll(children);
    }
}
