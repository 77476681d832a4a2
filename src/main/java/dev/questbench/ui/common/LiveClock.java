package dev.questbench.ui.common;

import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;

/** The current time as a property that ticks every half minute, so "2 min ago" labels stay true. */
public final class LiveClock implements AutoCloseable {
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(Instant.now());
    private final Timeline ticks;

    /** Create on the FX thread. */
    public LiveClock() {
        ticks = new Timeline(new KeyFrame(Duration.seconds(30), event -> now.set(Instant.now())));
        ticks.setCycleCount(Timeline.INDEFINITE);
        ticks.play();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public Instant now() {
        return now.get();
    }

    @Override
    public void close() {
        ticks.stop();
    }
}
