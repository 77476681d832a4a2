package dev.questbench.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.questbench.domain.Workspace;
import dev.questbench.ui.common.Spinners;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.util.function.Function;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Settings → Worktrees: how many worktrees a workspace keeps, its setup script, and the disk its worktrees take. */
final class WorktreesPage extends ScrollPane {
    private final WorktreesViewModel model;

    WorktreesPage(WorktreesViewModel model) {
        this.model = model;
        setId("settings-worktrees-page");
        getStyleClass().addAll("settings-page", Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        VBox form = new VBox(18, banner(), cleanup(), setupScript(), diskUse(),
                SettingsDialog.problemLabel("worktrees-problem", model.problemProperty()));
        form.getStyleClass().add("settings-form");
        setContent(form);
    }

    private Label banner() {
        Label banner = new Label();
        banner.setId("worktrees-unavailable");
        banner.getStyleClass().add("models-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(model.unavailableProperty());
        banner.visibleProperty().bind(model.unavailableProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private VBox cleanup() {
        Spinner<Integer> max = new Spinner<>(1, WorktreesViewModel.MAX_RETAINED, model.maxWorktreesProperty().get());
        max.setId("worktrees-max");
        max.setEditable(true);
        max.setPrefWidth(110);
        max.setMinWidth(Region.USE_PREF_SIZE); // the long hint beside it must not squeeze it
        Spinners.bind(max, model.maxWorktreesProperty());
        Label title = new Label("Maximum retained");
        title.getStyleClass().add("field-label");
        HBox row = new HBox(title, max, hint("Worktrees kept per workspace. When a quest makes a new one, the "
                + "folders of the oldest finished, clean worktrees beyond this are removed; their branches stay."));
        row.getStyleClass().add("form-row");
        return section("Clean-up", row);
    }

    private VBox setupScript() {
        ComboBox<Workspace> workspaces = new ComboBox<>(model.workspaces());
        workspaces.setId("worktrees-workspace");
        workspaces.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(workspaces, Priority.ALWAYS);
        workspaces.setPromptText("No workspace opened yet");
        workspaces.valueProperty().bindBidirectional(model.workspaceProperty());
        workspaces.setCellFactory(list -> new WorkspaceCell());
        workspaces.setButtonCell(new WorkspaceCell());
        Label title = new Label("Workspace");
        title.getStyleClass().add("field-label");
        HBox row = new HBox(title, workspaces);
        row.getStyleClass().add("form-row");

        TextArea script = new TextArea();
        script.setId("worktrees-setup-script");
        script.getStyleClass().add("mono-area");
        script.setPrefRowCount(7);
        script.setPromptText("e.g.\nnpm ci\ncp \"$QUESTBENCH_REPO/.env\" .env");
        script.textProperty().bindBidirectional(model.setupScriptProperty());
        script.disableProperty().bind(model.workspaceProperty().isNull());
        return section("Setup script", hint("Runs with bash in each new worktree of the chosen workspace, for "
                + "example to install dependencies or copy environment files. Its output shows in the quest's "
                + "conversation; a failing script is reported and the worktree is used all the same. It can read "
                + "QUESTBENCH_WORKTREE, QUESTBENCH_REPO, QUESTBENCH_BRANCH and QUESTBENCH_BASE_BRANCH."), row, script);
    }

    private VBox diskUse() {
        Button measure = new Button("Measure", new FontIcon(Feather.HARD_DRIVE));
        measure.setId("worktrees-measure");
        measure.disableProperty().bind(model.canMeasureProperty().not());
        measure.setTooltip(new Tooltip("Add up the files of the chosen workspace's worktrees (slow for big ones)"));
        measure.setOnAction(event -> model.measure());
        Label status = hint("");
        status.setId("worktrees-usage-status");
        status.textProperty().bind(model.usageStatusProperty());
        HBox row = new HBox(measure, status);
        row.getStyleClass().add("form-row");

        TableView<WorktreeUsageRow> table = new TableView<>(model.usage());
        table.setId("worktrees-usage");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(180);
        table.setPlaceholder(new Label("No worktrees listed"));
        table.getColumns().add(column("Branch", 240, WorktreeUsageRow::branch));
        table.getColumns().add(column("Quest", 280, WorktreeUsageRow::questLabel));
        TableColumn<WorktreeUsageRow, String> size = column("Size", 90, WorktreeUsageRow::size);
        size.getStyleClass().add("size-column");
        table.getColumns().add(size);
        return section("Disk use", row, table);
    }

    private static TableColumn<WorktreeUsageRow, String> column(String title, double width,
                                                                Function<WorktreeUsageRow, String> value) {
        TableColumn<WorktreeUsageRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox section = new VBox(8, heading);
        section.getChildren().addAll(content);
        section.getStyleClass().add("section");
        return section;
    }

    static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("field-hint");
        hint.setWrapText(true);
        return hint;
    }

    /** A workspace by name, with its folder. */
    private static final class WorkspaceCell extends ListCell<Workspace> {
        @Override
        protected void updateItem(Workspace workspace, boolean empty) {
            super.updateItem(workspace, empty);
            setText(empty || workspace == null ? null : workspace.name() + "  —  " + workspace.path());
        }
    }
}
