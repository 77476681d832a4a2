package dev.questbench.ui.quest;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Says the quest works in its own git worktree, on which branch and from where; the folder is in the tooltip. */
final class WorktreeLine extends HBox {
    private final Label text = new Label();
    private final Tooltip folder = new Tooltip();

    WorktreeLine() {
        getStyleClass().add("worktree-line");
        text.setGraphic(new FontIcon(Feather.GIT_BRANCH));
        text.getStyleClass().add("status-line");
        text.setWrapText(true);
        text.setTooltip(folder);
        setAlignment(Pos.CENTER);
        getChildren().add(text);
    }

    WorktreeLine show(TranscriptRow.Worktree row) {
        text.setText(text(row));
        folder.setText(row.path());
        return this;
    }

    /** "Working in a worktree on branch questbench/fix-login (from main) · included your uncommitted changes". */
    static String text(TranscriptRow.Worktree row) {
        String base = row.baseBranch() != null && !row.baseBranch().isBlank() ? row.baseBranch()
                : row.baseCommit() == null || row.baseCommit().isBlank() ? "a detached HEAD"
                : "commit " + row.baseCommit().substring(0, Math.min(7, row.baseCommit().length()));
        return "Working in a worktree on branch " + row.branch() + " (from " + base + ")"
                + (row.includedUncommitted() ? " · included your uncommitted changes" : "");
    }
}
