package dev.questbench.ui.quest;

import dev.questbench.ui.common.Stylesheets;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A question the agent asked: the question, its options as buttons (the agent's default emphasised) and a field
 * for any other answer; once answered it shows the answer instead. CSS sees {@code :open}.
 */
public final class QuestionCard extends Control {
    private static final String STYLESHEET = Stylesheets.of(QuestionCard.class, "cards.css");
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");

    private final StringProperty question = new SimpleStringProperty(this, "question", "");
    private final ObservableList<String> options = FXCollections.observableArrayList();
    private final StringProperty defaultOption = new SimpleStringProperty(this, "defaultOption");
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final StringProperty outcome = new SimpleStringProperty(this, "outcome", "");
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open") {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(OPEN, get());
        }
    };
    private final ObjectProperty<Consumer<String>> onAnswer = new SimpleObjectProperty<>(this, "onAnswer");

    public QuestionCard() {
        getStyleClass().addAll("qb-card", "question-card");
    }

    public StringProperty questionProperty() {
        return question;
    }

    /** Short answers the agent offered, as buttons. */
    public ObservableList<String> getOptions() {
        return options;
    }

    /** The option the agent would pick (emphasised), or null. */
    public StringProperty defaultOptionProperty() {
        return defaultOption;
    }

    /** What the user typed as the answer, not sent yet. */
    public StringProperty draftProperty() {
        return draft;
    }

    /** Whether the quest waits for this answer (options and field shown) or not (outcome shown). */
    public BooleanProperty openProperty() {
        return open;
    }

    /** The answer given, read-only, e.g. "You answered: Postgres"; shown while not open. */
    public StringProperty outcomeProperty() {
        return outcome;
    }

    /** Called with the chosen option or the typed answer (never blank). */
    public ObjectProperty<Consumer<String>> onAnswerProperty() {
        return onAnswer;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new QuestionCardSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}
