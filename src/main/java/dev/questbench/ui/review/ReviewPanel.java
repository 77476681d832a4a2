package dev.questbench.ui.review;

import atlantafx.base.theme.Styles;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.CommandControls;
import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.FileDiff;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Review tab: scope switcher, toolbar, filterable file list, the diff, and the feedback footer. */
public final class ReviewPanel extends BorderPane {
    private final ReviewViewModel model;
    private final DiffView diff = new DiffView();
    private final ListView<FileDiff> list = new ListView<>();

    public ReviewPanel(ReviewViewModel model) {
        this.model = model;
        setId("review-panel");
        getStyleClass().add("review-panel");
        setTop(new VBox(4, scopes(), toolbar()));
        setCenter(body());
        setBottom(footer());
        diff.setId("review-diff");
        diff.setOnAcceptHunk(model::acceptHunk);
        diff.setOnRejectHunk(model::rejectHunk);
        diff.setOnRejectHunkWithReason(model::rejectHunkWithReason);
        diff.setOnMarkViewed(model::toggleViewed);
        diff.setOnMarkHunkViewed(model::toggleHunkViewed);
        diff.setOnAddComment(model::addComment);
        model.files().addListener((javafx.collections.ListChangeListener<FileDiff>) change -> showDiff());
        model.selectedFileProperty().addListener((observable, before, after) -> {
            showDiff();
            if (after != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(after);
            }
        });
        model.annotationsProperty().addListener((observable, before, after) -> diff.setAnnotations(after));
        model.viewedProperty().addListener((observable, before, after) -> list.refresh());
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                model.selectedFileProperty().set(after);
            }
        });
        showDiff();
    }

    private void showDiff() {
        FileDiff file = model.selectedFileProperty().get();
        diff.setFiles(file == null ? List.copyOf(model.files()) : List.of(file));
        diff.setAnnotations(model.annotationsProperty().get());
    }

    private HBox scopes() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        for (DiffScope scope : DiffScope.values()) {
            ToggleButton toggle = new ToggleButton(label(scope));
            toggle.setId("scope-" + scope.name().toLowerCase(Locale.ROOT));
            toggle.setToggleGroup(group);
            toggle.setUserData(scope);
            toggle.setSelected(scope == model.scopeProperty().get());
            box.getChildren().add(toggle);
        }
        group.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after == null) {
                before.setSelected(true); // one scope is always chosen
            } else {
                model.scopeProperty().set((DiffScope) after.getUserData());
            }
        });
        model.scopeProperty().addListener((observable, before, after) -> group.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == after).findFirst().ifPresent(group::selectToggle));
        for (int i = 0; i < box.getChildren().size(); i++) {
            box.getChildren().get(i).getStyleClass().add(i == 0 ? Styles.LEFT_PILL
                    : i == box.getChildren().size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
        }
        box.setPadding(new Insets(6, 6, 0, 6));
        return box;
    }

    private static String label(DiffScope scope) {
        return switch (scope) {
            case CURRENT_QUEST -> "Current Quest";
            case LAST_TURN -> "Last Turn";
            case ALL_UNCOMMITTED -> "All Uncommitted";
        };
    }

    private FlowPane toolbar() {
        var hasFile = model.selectedFileProperty().isNotNull();
        var hasFiles = Bindings.isNotEmpty(model.files());
        var idle = model.findings().reviewingProperty().not();
        ReviewCommitModel commits = model.commits();
        FlowPane bar = new FlowPane(4, 4,
                CommandControls.iconButton(Command.named("Accept File").icon(Feather.CHECK)
                        .executableWhen(hasFile).does(model::acceptFile)),
                CommandControls.iconButton(Command.named("Reject File").icon(Feather.X)
                        .executableWhen(hasFile).does(model::rejectFile)),
                CommandControls.iconButton(Command.named("Undo Last Decision").icon(Feather.ROTATE_CCW)
                        .does(model::undoLast)),
                CommandControls.iconButton(Command.named("Reload").icon(Feather.REFRESH_CW).does(model::load)),
                CommandControls.iconButton(Command.named("Stage All").icon(Feather.PLUS_SQUARE)
                        .executableWhen(hasFiles).does(commits::stageAll)),
                CommandControls.iconButton(Command.named("Discard All").icon(Feather.TRASH_2)
                        .executableWhen(hasFiles).does(commits::discardAll)),
                commitButton(commits),
                withId(CommandControls.button(Command.named("AI Review").icon(Feather.ZAP)
                        .executableWhen(model.questIdProperty().isNotNull().and(idle)).does(model::aiReview)),
                        "review-ai"),
                withId(CommandControls.iconButton(Command.named("Review with Qodo Merge").icon(Feather.SHIELD)
                        .executableWhen(hasFiles.and(idle)).does(model::externalReview)), "review-external"),
                cancelReview(), sinceLastReview(), modeToggle(), fullWindow(), reviewStatus());
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 6, 0, 6));
        return bar;
    }

    /** Commit, with Commit and Push and Commit to a New Branch in its dropdown; progress shows beside it. */
    private SplitMenuButton commitButton(ReviewCommitModel commits) {
        SplitMenuButton commit = new SplitMenuButton();
        commit.setId("review-commit");
        commit.setText("Commit…");
        commit.setGraphic(new FontIcon(Feather.GIT_COMMIT));
        commit.setOnAction(event -> commitWith(commits, false, false));
        MenuItem push = new MenuItem("Commit and Push…");
        push.setId("review-commit-push");
        push.setOnAction(event -> commitWith(commits, true, false));
        MenuItem branch = new MenuItem("Commit to a New Branch…");
        branch.setOnAction(event -> commitWith(commits, false, true));
        commit.getItems().addAll(push, branch);
        commit.disableProperty().bind(commits.busyProperty());
        return commit;
    }

    private static void commitWith(ReviewCommitModel commits, boolean push, boolean branch) {
        commits.setForm(CommitDialog.form(commits, push, branch));
        commits.commit();
    }

    private Button cancelReview() {
        Button cancel = CommandControls.iconButton(Command.named("Cancel Review").icon(Feather.X_CIRCLE)
                .does(model.findings()::cancel));
        cancel.setId("review-cancel");
        cancel.visibleProperty().bind(model.findings().reviewingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        return cancel;
    }

    /** Shows only what changed since the reviewer marked it viewed. */
    private ToggleButton sinceLastReview() {
        ToggleButton toggle = new ToggleButton("Since last review");
        toggle.setId("review-since");
        toggle.setTooltip(new Tooltip("Only changes not marked viewed (V marks a file, Shift+V a hunk)"));
        toggle.selectedProperty().bindBidirectional(model.sinceLastReviewProperty());
        return toggle;
    }

    /** The review over the whole window (Escape or the toggle goes back). */
    private ToggleButton fullWindow() {
        ToggleButton toggle = new ToggleButton(null, new FontIcon(Feather.MAXIMIZE_2));
        toggle.setId("review-full-window");
        toggle.setTooltip(new Tooltip("Full window (Esc to leave)"));
        toggle.selectedProperty().bindBidirectional(model.fullWindowProperty());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> { // a filter: lists and the diff use Escape themselves
            if (event.getCode() == KeyCode.ESCAPE && model.fullWindowProperty().get()) {
                model.fullWindowProperty().set(false);
                event.consume();
            }
        });
        return toggle;
    }

    private static <T extends javafx.scene.Node> T withId(T node, String id) {
        node.setId(id);
        return node;
    }

    /** Unified or side by side, bound both ways to the diff's mode. */
    private ToggleButton modeToggle() {
        ToggleButton toggle = new ToggleButton("Side by side");
        toggle.setId("review-mode");
        toggle.setSelected(diff.getMode() == DiffView.Mode.SIDE_BY_SIDE);
        toggle.selectedProperty().addListener((observable, before, after) ->
                diff.setMode(after ? DiffView.Mode.SIDE_BY_SIDE : DiffView.Mode.UNIFIED));
        diff.modeProperty().addListener((observable, before, after) ->
                toggle.setSelected(after == DiffView.Mode.SIDE_BY_SIDE));
        return toggle;
    }

    private Label reviewStatus() {
        Label status = new Label();
        status.setId("review-ai-status");
        status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> join(model.findings().statusProperty().get(),
                model.commits().progressProperty().get()), model.findings().statusProperty(),
                model.commits().progressProperty()));
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        return status;
    }

    private static String join(String first, String second) {
        return first == null ? second == null ? "" : second : second == null ? first : first + "\n" + second;
    }

    /** The latest review's findings; Fix asks the agent to fix one. */
    private ListView<Finding> findingsList() {
        ListView<Finding> findings = new ListView<>(model.findings().findings());
        findings.setId("review-findings");
        findings.setPrefHeight(110);
        findings.setCellFactory(view -> new FindingCell());
        findings.visibleProperty().bind(Bindings.isNotEmpty(model.findings().findings()));
        findings.managedProperty().bind(findings.visibleProperty());
        return findings;
    }

    private StackPane body() {
        TextField search = new TextField();
        search.setId("review-search");
        search.setPromptText("Filter files by path");
        FilteredList<FileDiff> filtered = new FilteredList<>(model.files());
        search.textProperty().addListener((observable, before, text) -> filtered.setPredicate(text == null
                || text.isBlank() ? null : file -> file.path().toLowerCase(Locale.ROOT)
                .contains(text.strip().toLowerCase(Locale.ROOT))));
        list.setId("review-files");
        list.setItems(filtered);
        list.setCellFactory(view -> new FileCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(4, search, list, findingsList(), new ReviewComments(model));
        left.setPadding(new Insets(4));
        SplitPane split = new SplitPane(left, diff);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        Label empty = new Label();
        empty.setId("review-empty");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.textProperty().bind(model.emptyMessageProperty());
        empty.visibleProperty().bind(model.emptyMessageProperty().isNotNull());
        split.visibleProperty().bind(empty.visibleProperty().not());
        StackPane.setAlignment(empty, Pos.CENTER);
        empty.setPadding(new Insets(24));
        return new StackPane(split, empty);
    }

    private HBox footer() {
        Label pending = new Label();
        pending.setId("review-pending");
        pending.textProperty().bind(model.pendingCommentsProperty().asString("%d pending comments"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button send = CommandControls.button(Command.named("Send feedback").icon(Feather.SEND)
                .executableWhen(model.pendingCommentsProperty().greaterThan(0)).does(model::sendFeedback));
        send.setId("review-send");
        HBox box = new HBox(8, pending, gap, send);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 6, 4, 6));
        return box;
    }

    /** One finding: severity, path:line and title, and a Fix button. */
    private final class FindingCell extends ListCell<Finding> {
        private final Label severity = new Label();
        private final Label title = new Label();
        private final Button fix = new Button("Fix");
        private final HBox row;

        FindingCell() {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            severity.getStyleClass().add(Styles.TEXT_BOLD);
            fix.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            fix.setOnAction(event -> {
                if (getItem() != null) {
                    model.findings().fix(getItem());
                }
            });
            row = new HBox(6, severity, title, gap, fix);
            row.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Finding finding, boolean empty) {
            super.updateItem(finding, empty);
            if (empty || finding == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            severity.setText(finding.severity());
            severity.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
            if (finding.severity().equals("critical")) {
                severity.getStyleClass().add(Styles.DANGER);
            } else if (finding.severity().equals("warning")) {
                severity.getStyleClass().add(Styles.WARNING);
            }
            title.setText(finding.path() + ":" + finding.startLine() + "  " + finding.title());
            fix.setId("review-fix-" + getIndex());
            setText(finding.title());
            setGraphic(row);
        }
    }

    /** One changed file: status letter, path, +/− counts, ⚠ when changed outside the quest, and a viewed box. */
    private final class FileCell extends ListCell<FileDiff> {
        private final Label letter = new Label();
        private final Label path = new Label();
        private final Label counts = new Label();
        private final Label external = new Label("⚠");
        private final CheckBox viewed = new CheckBox();
        private final HBox row;

        FileCell() {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            letter.getStyleClass().add(Styles.TEXT_BOLD);
            counts.getStyleClass().add(Styles.TEXT_MUTED);
            external.getStyleClass().add(Styles.WARNING);
            external.setTooltip(new javafx.scene.control.Tooltip("Changed outside this quest"));
            viewed.setTooltip(new javafx.scene.control.Tooltip("Viewed"));
            viewed.setOnAction(event -> {
                if (getItem() != null) {
                    model.toggleViewed(getItem());
                }
            });
            row = new HBox(6, letter, path, external, gap, counts, viewed);
            row.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(FileDiff file, boolean empty) {
            super.updateItem(file, empty);
            if (empty || file == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            letter.setText(String.valueOf(file.kind().letter()));
            path.setText(file.path());
            counts.setText("+" + file.additions() + " −" + file.deletions());
            external.setVisible(file.external());
            external.setManaged(file.external());
            viewed.setSelected(model.viewedProperty().get().contains(file.path()));
            setText(file.path());
            setGraphic(row);
        }
    }
}
