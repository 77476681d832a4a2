package dev.questbench.ui.quest;

import dev.questbench.ui.common.Stylesheets;
import java.util.List;
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
 * A proposed spec: its text and task list, and while it waits for the user, Build, Ask for changes (with what to
 * change) and Schedule (with when). The spec's Markdown is shown as text for now. CSS sees {@code :open}.
 */
public final class SpecCard extends Control {
    private static final String STYLESHEET = Stylesheets.of(SpecCard.class, "cards.css");
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");

    private final StringProperty markdown = new SimpleStringProperty(this, "markdown", "");
    private final ObjectProperty<List<String>> tasks = new SimpleObjectProperty<>(this, "tasks", List.of());
    private final StringProperty outcome = new SimpleStringProperty(this, "outcome", "");
    private final StringProperty changeRequest = new SimpleStringProperty(this, "changeRequest", "");
    private final StringProperty when = new SimpleStringProperty(this, "when", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open") {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(OPEN, get());
        }
    };
    private final ObjectProperty<Runnable> onBuild = new SimpleObjectProperty<>(this, "onBuild");
    private final ObjectProperty<Consumer<String>> onRequestChanges =
            new SimpleObjectProperty<>(this, "onRequestChanges");
    private final ObjectProperty<Consumer<String>> onSchedule = new SimpleObjectProperty<>(this, "onSchedule");

    public SpecCard() {
        getStyleClass().addAll("qb-card", "spec-card");
    }

    public StringProperty markdownProperty() {
        return markdown;
    }

    /** The spec's tasks, in order. */
    public ObjectProperty<List<String>> tasksProperty() {
        return tasks;
    }

    /** What became of it, shown while not open ("Accepted: building"). */
    public StringProperty outcomeProperty() {
        return outcome;
    }

    public BooleanProperty openProperty() {
        return open;
    }

    /** What the user typed to change the spec. */
    public StringProperty changeRequestProperty() {
        return changeRequest;
    }

    /** When the user wants it built, as in {@code /schedule} ("tomorrow at 2:00"). */
    public StringProperty whenProperty() {
        return when;
    }

    /** Why the last request could not be done, said so the user can fix it; empty when fine. */
    public StringProperty problemProperty() {
        return problem;
    }

    public ObjectProperty<Runnable> onBuildProperty() {
        return onBuild;
    }

    public ObjectProperty<Consumer<String>> onRequestChangesProperty() {
        return onRequestChanges;
    }

    public ObjectProperty<Consumer<String>> onScheduleProperty() {
        return onSchedule;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SpecCardSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}
