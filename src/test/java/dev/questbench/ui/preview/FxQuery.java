package dev.questbench.ui.preview;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.web.WebView;
import org.testfx.util.WaitForAsyncUtils;

/** Reads state on the FX thread and waits for conditions there (WebViews may be queried only on it). */
final class FxQuery {
    private FxQuery() {
    }

    static <T> T on(Callable<T> read) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                result.set(read.call());
                return null;
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return result.get();
    }

    /** Waits until {@code condition} holds when checked on the FX thread. */
    static void until(int seconds, Callable<Boolean> condition) {
        until(seconds, condition, () -> "");
    }

    /** Like {@link #until(int, Callable)}, saying what was seen when it fails. */
    static void until(int seconds, Callable<Boolean> condition, java.util.function.Supplier<String> seen) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(on(() -> {
                try {
                    return condition.call();
                } catch (RuntimeException e) {
                    return false;
                }
            })));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s " + seen.get(), e);
        }
    }

    /** A script's result in the page, as text ("null" when the page has none). */
    static String script(WebView web, String script) {
        return String.valueOf(on(() -> web.getEngine().getDocument() == null ? null
                : web.getEngine().executeScript(script)));
    }
}
