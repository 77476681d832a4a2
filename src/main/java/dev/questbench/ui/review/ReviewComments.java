package dev.questbench.ui.review;

import atlantafx.base.theme.Styles;
import dev.questbench.domain.event.QuestEvent.ReviewComment;
import dev.questbench.review.ReviewState;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The review's line comments with their status (pending, sent, resolved); Resolve and Delete on each. */
final class ReviewComments extends ListView<ReviewComment> {

    ReviewComments(ReviewViewModel model) {
        super(model.comments());
        setId("review-comments");
        setPrefHeight(100);
        setCellFactory(view -> new CommentCell(model));
        visibleProperty().bind(Bindings.isNotEmpty(model.comments()));
        managedProperty().bind(visibleProperty());
    }

    /** One comment: where, its status, its text, and what can be done with it now. */
    private static final class CommentCell extends ListCell<ReviewComment> {
        private final Label where = new Label();
        private final Label status = new Label();
        private final Label text = new Label();
        private final Button resolve = new Button("Resolve");
        private final Button delete = new Button("Delete");
        private final HBox row;

        CommentCell(ReviewViewModel model) {
            where.getStyleClass().add(Styles.TEXT_BOLD);
            status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.SOMETIMES);
            for (Button button : new Button[] {resolve, delete}) {
                button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            }
            resolve.setOnAction(event -> {
                if (getItem() != null) {
                    model.resolveComment(getItem());
                }
            });
            delete.setOnAction(event -> {
                if (getItem() != null) {
                    model.deleteComment(getItem());
                }
            });
            row = new HBox(6, where, status, text, gap, resolve, delete);
            row.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ReviewComment comment, boolean empty) {
            super.updateItem(comment, empty);
            if (empty || comment == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            where.setText(comment.path() + ":" + comment.startLine()
                    + (comment.endLine() > comment.startLine() ? "–" + comment.endLine() : ""));
            status.setText(comment.status());
            text.setText(comment.text());
            resolve.setVisible(!ReviewState.RESOLVED.equals(comment.status()));
            resolve.setManaged(resolve.isVisible());
            resolve.setId("comment-resolve-" + getIndex());
            delete.setId("comment-delete-" + getIndex());
            setText(comment.text());
            setGraphic(row);
        }
    }
}
