package dev.questbench.ui.shell;

/** Where the main window was and how big, saved in settings so it reopens the same way. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    public static final WindowBounds DEFAULT = new WindowBounds(Double.NaN, Double.NaN, 1280, 800, false);

    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }
}
