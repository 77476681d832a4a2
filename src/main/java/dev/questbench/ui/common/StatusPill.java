package dev.questbench.ui.common;

import dev.questbench.domain.QuestStatus;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A small coloured badge naming a quest's status. CSS sees the board column as a pseudo-class
 * ({@code :running}, {@code :waiting}, {@code :completed}) and the status itself ({@code :queued},
 * {@code :action-required}, {@code :error}...), so the colours live in the stylesheet.
 */
public final class StatusPill extends Control {
    private static final String STYLESHEET = Stylesheets.of(StatusPill.class, "status-pill.css");

    private final ObjectProperty<QuestStatus> status = new SimpleObjectProperty<>(this, "status") {
        private QuestStatus old;

        @Override
        protected void invalidated() {
            if (old != null) {
                pseudoClassStateChanged(statusClass(old), false);
                pseudoClassStateChanged(columnClass(old), false);
            }
            QuestStatus now = get();
            if (now != null) {
                pseudoClassStateChanged(statusClass(now), true);
                pseudoClassStateChanged(columnClass(now), true);
            }
            old = now;
        }
    };

    public StatusPill() {
        getStyleClass().add("status-pill");
        setFocusTraversable(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE); // a badge keeps its size in grids and boxes
    }

    public StatusPill(QuestStatus initial) {
        this();
        setStatus(initial);
    }

    public ObjectProperty<QuestStatus> statusProperty() {
        return status;
    }

    public QuestStatus getStatus() {
        return status.get();
    }

    public void setStatus(QuestStatus value) {
        status.set(value);
    }

    /** The pseudo-class for one status: {@code ACTION_REQUIRED} becomes {@code :action-required}. */
    public static PseudoClass statusClass(QuestStatus status) {
        return PseudoClass.getPseudoClass(status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The pseudo-class for a status's board column: {@code :running}, {@code :waiting} or {@code :completed}. */
    public static PseudoClass columnClass(QuestStatus status) {
        return PseudoClass.getPseudoClass("column-" + status.column().name().toLowerCase(Locale.ROOT));
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new StatusPillSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}
