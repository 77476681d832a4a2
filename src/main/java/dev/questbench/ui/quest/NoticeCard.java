package dev.questbench.ui.quest;

import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.quest.TranscriptRow.NoticeKind;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * Says that a turn failed or was interrupted, with the message and the way on (Retry, Resume) while it is open.
 * CSS sees the kind ({@code :error}, {@code :interrupted}) and {@code :open}.
 */
public final class NoticeCard extends Control {
    private static final String STYLESHEET = Stylesheets.of(NoticeCard.class, "cards.css");
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");

    private final ObjectProperty<NoticeKind> kind = new SimpleObjectProperty<>(this, "kind") {
        private NoticeKind old;

        @Override
        protected void invalidated() {
            if (old != null) {
                pseudoClassStateChanged(pseudo(old), false);
            }
            old = get();
            if (old != null) {
                pseudoClassStateChanged(pseudo(old), true);
            }
        }
    };
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open") {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(OPEN, get());
        }
    };
    private final ObjectProperty<Runnable> onAction = new SimpleObjectProperty<>(this, "onAction");

    public NoticeCard() {
        getStyleClass().addAll("qb-card", "notice-card");
        kind.set(NoticeKind.ERROR);
    }

    public ObjectProperty<NoticeKind> kindProperty() {
        return kind;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Whether this is the way on now: the action button shows only then. */
    public BooleanProperty openProperty() {
        return open;
    }

    /** Retry for an error, Resume for an interruption. */
    public ObjectProperty<Runnable> onActionProperty() {
        return onAction;
    }

    private static PseudoClass pseudo(NoticeKind kind) {
        return PseudoClass.getPseudoClass(kind.name().toLowerCase(Locale.ROOT));
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new NoticeCardSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}
