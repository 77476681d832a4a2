package dev.questbench.ui.quest;

import dev.questbench.ui.common.Stylesheets;
import java.util.function.Consumer;
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
 * Asks the user whether a tool may run: the tool, the exact command or path, for Write and Edit a preview of the
 * change, the other arguments, and Allow once / Allow always for this quest / Deny (with an optional message for
 * the agent). Once answered it shows the outcome instead. CSS sees {@code :open}.
 */
public final class ApprovalCard extends Control {
    private static final String STYLESHEET = Stylesheets.of(ApprovalCard.class, "cards.css");
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");

    private final StringProperty tool = new SimpleStringProperty(this, "tool", "");
    private final StringProperty requester = new SimpleStringProperty(this, "requester", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final StringProperty details = new SimpleStringProperty(this, "details", "");
    private final StringProperty preview = new SimpleStringProperty(this, "preview", "");
    private final BooleanProperty diffPreview = new SimpleBooleanProperty(this, "diffPreview");
    private final StringProperty outcome = new SimpleStringProperty(this, "outcome", "");
    private final StringProperty denyMessage = new SimpleStringProperty(this, "denyMessage", "");
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open") {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(OPEN, get());
        }
    };
    private final ObjectProperty<Runnable> onAllowOnce = new SimpleObjectProperty<>(this, "onAllowOnce");
    private final ObjectProperty<Runnable> onAllowAlways = new SimpleObjectProperty<>(this, "onAllowAlways");
    private final ObjectProperty<Consumer<String>> onDeny = new SimpleObjectProperty<>(this, "onDeny");

    public ApprovalCard() {
        getStyleClass().addAll("qb-card", "approval-card");
    }

    /** The tool's name, such as {@code Bash}. */
    public StringProperty toolProperty() {
        return tool;
    }

    /** Who asks: empty for the quest's agent, else a subagent's or expert's name, such as {@code Code Reviewer}. */
    public StringProperty requesterProperty() {
        return requester;
    }

    /** Why it asks when that needs saying, e.g. the command failed in the sandbox; else empty. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** The exact command, file path or URL the tool would act on. */
    public StringProperty subjectProperty() {
        return subject;
    }

    /** The tool's other arguments, compact. */
    public StringProperty detailsProperty() {
        return details;
    }

    /** What a Write would write or an Edit would change (capped); empty for other tools. */
    public StringProperty previewProperty() {
        return preview;
    }

    /** Whether the preview is {@code -}/{@code +} lines (an Edit) rather than plain content (a Write). */
    public BooleanProperty diffPreviewProperty() {
        return diffPreview;
    }

    /** Whether the quest waits for this answer (buttons shown) or not (outcome shown). */
    public BooleanProperty openProperty() {
        return open;
    }

    /** How it was answered, e.g. "Allowed once"; shown while not open. */
    public StringProperty outcomeProperty() {
        return outcome;
    }

    /** What the user typed for the agent in case of Deny. */
    public StringProperty denyMessageProperty() {
        return denyMessage;
    }

    public ObjectProperty<Runnable> onAllowOnceProperty() {
        return onAllowOnce;
    }

    public ObjectProperty<Runnable> onAllowAlwaysProperty() {
        return onAllowAlways;
    }

    /** Called with the message for the agent (possibly empty). */
    public ObjectProperty<Consumer<String>> onDenyProperty() {
        return onDeny;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ApprovalCardSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}
