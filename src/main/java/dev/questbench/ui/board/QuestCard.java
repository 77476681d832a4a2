package dev.questbench.ui.board;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.ui.common.StatusPill;
import dev.questbench.ui.common.Stylesheets;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A quest on the board: title, description, workspace, status pill and last activity. CSS sees the board
 * column ({@code :column-running}...), {@code :pinned} and {@code :unread}.
 */
public final class QuestCard extends Control {
    private static final String STYLESHEET = Stylesheets.of(QuestCard.class, "quest-card.css");
    private static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");
    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");

    private final ObjectProperty<QuestSummary> summary = new SimpleObjectProperty<>(this, "summary") {
        private QuestStatus oldStatus;

        @Override
        protected void invalidated() {
            QuestSummary now = get();
            QuestStatus status = now == null ? null : now.status();
            if (oldStatus != status) {
                if (oldStatus != null) {
                    pseudoClassStateChanged(StatusPill.columnClass(oldStatus), false);
                }
                if (status != null) {
                    pseudoClassStateChanged(StatusPill.columnClass(status), true);
                }
                oldStatus = status;
            }
            pseudoClassStateChanged(PINNED, now != null && now.quest().pinned());
            pseudoClassStateChanged(UNREAD, now != null && !now.quest().read());
        }
    };
    private final StringProperty workspaceName = new SimpleStringProperty(this, "workspaceName", "");
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(this, "now", Instant.now());
    private final ObjectProperty<CardProgress> progress = new SimpleObjectProperty<>(this, "progress",
            CardProgress.NONE);

    /** Todo progress, the latest step and the current turn's start. */
    public ObjectProperty<CardProgress> progressProperty() {
        return progress;
    }

    public void setProgress(CardProgress value) {
        progress.set(value == null ? CardProgress.NONE : value);
    }

    public QuestCard() {
        getStyleClass().add("quest-card");
    }

    public ObjectProperty<QuestSummary> summaryProperty() {
        return summary;
    }

    public QuestSummary getSummary() {
        return summary.get();
    }

    public void setSummary(QuestSummary value) {
        summary.set(value);
    }

    public StringProperty workspaceNameProperty() {
        return workspaceName;
    }

    public void setWorkspaceName(String value) {
        workspaceName.set(value);
    }

    /** The time "last activity" is measured against; bind it to a ticking clock. */
    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new QuestCardSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}
