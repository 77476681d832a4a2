package dev.questbench.ui.newquest;

import atlantafx.base.theme.Styles;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.ui.common.PermissionModeText;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.Workspace;
import dev.questbench.ui.common.Stylesheets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The New Quest dialog: a static FXML form bound to a {@link NewQuestViewModel}; its result is the new quest's id. */
public final class NewQuestDialog extends Dialog<String> {
    public static final ButtonType START = new ButtonType("Start Quest", ButtonBar.ButtonData.OK_DONE);

    private final NewQuestViewModel model;
    @FXML private TextArea promptArea;
    @FXML private TextField titleField;
    @FXML private ComboBox<WorkspaceChoice> workspaceBox;
    @FXML private Button chooseFolderButton;
    @FXML private ToggleButton agentMode;
    @FXML private ToggleButton expertsMode;
    @FXML private ToggleButton localEnvironment;
    @FXML private ToggleButton worktreeEnvironment;
    @FXML private HBox environmentToggles;
    @FXML private HBox worktreeOptions;
    @FXML private ComboBox<BaseBranch> baseBranchBox;
    @FXML private Label worktreeUnavailable;
    @FXML private CheckBox includeUncommittedCheck;
    @FXML private CheckBox specCheck;
    @FXML private ComboBox<PermissionMode> permissionBox;
    @FXML private ComboBox<AgentChoice> agentBox;
    @FXML private HBox modelRow;
    @FXML private ComboBox<ProviderChoice> providerBox;
    @FXML private ComboBox<String> modelBox;
    @FXML private Button listModelsButton;
    @FXML private VBox agentNotes;
    @FXML private Label permissionWarning;
    @FXML private Label providerHint;
    @FXML private Label modelsProblem;
    @FXML private Label problemLabel;

    public NewQuestDialog(NewQuestViewModel model) {
        this.model = model;
        setTitle("New Quest");
        setHeaderText(null);
        FXMLLoader loader = new FXMLLoader(NewQuestDialog.class.getResource("NewQuestDialog.fxml"));
        loader.setController(this);
        try {
            getDialogPane().setContent(loader.load());
        } catch (IOException e) {
            throw new IllegalStateException("NewQuestDialog.fxml cannot be read", e);
        }
        getDialogPane().getStyleClass().add("new-quest-dialog");
        getDialogPane().getStylesheets().add(Stylesheets.of(NewQuestDialog.class, "new-quest.css"));
        getDialogPane().getButtonTypes().setAll(START, ButtonType.CANCEL);
        setResultConverter(button -> null); // the id is set by create(); Cancel gives no result
        setResizable(true);
        bind();
        model.load();
    }

    private void bind() {
        promptArea.textProperty().bindBidirectional(model.promptProperty());
        titleField.textProperty().bindBidirectional(model.titleProperty());
        specCheck.selectedProperty().bindBidirectional(model.specDrivenProperty());
        chooseFolderButton.setGraphic(new FontIcon(Feather.FOLDER));
        chooseFolderButton.setOnAction(event -> model.chooseFolder());
        bindWorkspaces();
        pair(agentMode, expertsMode);
        agentMode.setSelected(model.modeProperty().get() == QuestMode.AGENT);
        expertsMode.setSelected(model.modeProperty().get() == QuestMode.EXPERTS);
        agentMode.setOnAction(event -> model.modeProperty().set(QuestMode.AGENT));
        expertsMode.setOnAction(event -> model.modeProperty().set(QuestMode.EXPERTS));
        pair(localEnvironment, worktreeEnvironment);
        worktreeEnvironment.disableProperty().bind(model.worktreeAllowedProperty().not());
        localEnvironment.setOnAction(event -> model.environmentProperty().set(QuestEnvironment.LOCAL));
        worktreeEnvironment.setOnAction(event -> model.environmentProperty().set(QuestEnvironment.WORKTREE));
        model.environmentProperty().addListener((observable, before, after) -> showEnvironment());
        showEnvironment();
        bindWorktreeChoice();
        bindPermissionMode();
        bindModelChoice();
        showWhenSet(problemLabel, model.problemProperty());

        Button start = (Button) getDialogPane().lookupButton(START);
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(model.creatingProperty());
        start.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // stay open until the store has the quest, or show what is wrong
            submit();
        });
        promptArea.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                event.consume();
                submit();
            }
        });
        setOnShown(event -> promptArea.requestFocus());
    }

    /** Base branch and uncommitted changes while Worktree is chosen; why it cannot be, when it cannot. */
    private void bindWorktreeChoice() {
        WorktreeChoice choice = model.worktreeChoice();
        BooleanBinding worktree = model.environmentProperty().isEqualTo(QuestEnvironment.WORKTREE);
        worktreeOptions.visibleProperty().bind(worktree);
        worktreeOptions.managedProperty().bind(worktree);
        baseBranchBox.setItems(choice.branches());
        baseBranchBox.valueProperty().bindBidirectional(choice.baseProperty());
        baseBranchBox.promptTextProperty().bind(Bindings.when(choice.readingProperty())
                .then("Reading branches…").otherwise(""));
        includeUncommittedCheck.textProperty().bind(choice.includeTextProperty());
        includeUncommittedCheck.selectedProperty().bindBidirectional(choice.includeUncommittedProperty());
        includeUncommittedCheck.visibleProperty().bind(worktree.and(choice.uncommittedFilesProperty().greaterThan(0)));
        includeUncommittedCheck.managedProperty().bind(includeUncommittedCheck.visibleProperty());
        showWhenSet(worktreeUnavailable, choice.unavailableProperty());
        Tooltip why = new Tooltip();
        why.setWrapText(true);
        why.setMaxWidth(420);
        why.textProperty().bind(choice.unavailableProperty());
        // The toggles' tooltip says why Worktree is disabled, and is gone while it is not.
        choice.unavailableProperty().addListener((observable, before, now) -> {
            if (isEmpty(before) && !isEmpty(now)) {
                Tooltip.install(environmentToggles, why);
            } else if (!isEmpty(before) && isEmpty(now)) {
                Tooltip.uninstall(environmentToggles, why);
            }
        });
        if (!isEmpty(choice.unavailableProperty().get())) {
            Tooltip.install(environmentToggles, why);
        }
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    private void bindPermissionMode() {
        permissionBox.getItems().setAll(PermissionMode.values());
        permissionBox.valueProperty().bindBidirectional(model.permissionModeProperty());
        permissionBox.setCellFactory(list -> new PermissionCell());
        permissionBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(PermissionMode mode, boolean empty) {
                super.updateItem(mode, empty);
                setText(empty || mode == null ? null : PermissionModeText.label(mode));
            }
        });
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(Bindings.createStringBinding(() -> {
            PermissionMode mode = model.permissionModeProperty().get();
            return "Permission mode: " + (mode == null ? "" : PermissionModeText.description(mode));
        }, model.permissionModeProperty()));
        permissionBox.setTooltip(tooltip);
        showWhenSet(permissionWarning, model.permissionWarningProperty());
    }

    private void bindModelChoice() {
        ModelChoice choice = model.modelChoice();
        agentBox.setItems(model.agents());
        agentBox.valueProperty().bindBidirectional(model.agentProperty());
        // Provider and model belong to the built-in agent; an external agent brings its own.
        modelRow.visibleProperty().bind(Bindings.createBooleanBinding(() -> choice.available()
                && (model.agentProperty().get() == null || model.agentProperty().get().builtin()),
                model.agentProperty()));
        modelRow.managedProperty().bind(modelRow.visibleProperty());
        providerBox.setItems(choice.providers());
        providerBox.valueProperty().bindBidirectional(choice.providerProperty());
        modelBox.setItems(choice.models());
        // The editor's text, not the value: typing counts even before Enter or leaving the field commits it.
        modelBox.getEditor().textProperty().bindBidirectional(choice.modelProperty());
        listModelsButton.disableProperty().bind(choice.listingProperty().or(choice.providerProperty().isNull()));
        listModelsButton.setGraphic(new FontIcon(Feather.REFRESH_CW));
        listModelsButton.setOnAction(event -> choice.listModels());
        showWhenSet(providerHint, choice.hintProperty());
        showWhenSet(modelsProblem, choice.problemProperty());
        // The notes' grid row takes room (and a gap) only while one of them shows.
        agentNotes.visibleProperty().bind(permissionWarning.visibleProperty().or(providerHint.visibleProperty())
                .or(modelsProblem.visibleProperty()));
        agentNotes.managedProperty().bind(agentNotes.visibleProperty());
    }

    private void submit() {
        model.create(id -> {
            setResult(id);
            close();
        });
    }

    private void bindWorkspaces() {
        workspaceBox.getItems().setAll(WorkspaceChoice.NONE);
        model.recentWorkspaces().addListener((ListChangeListener<Workspace>) change -> {
            for (Workspace workspace : model.recentWorkspaces()) {
                addChoice(Path.of(workspace.path()));
            }
            showFolder(model.folderProperty().get());
        });
        model.folderProperty().addListener((observable, before, folder) -> showFolder(folder));
        workspaceBox.valueProperty().addListener((observable, before, choice) -> {
            Path folder = choice == null ? null : choice.folder();
            if (!Objects.equals(folder, model.folderProperty().get())) {
                model.folderProperty().set(folder);
            }
        });
        showFolder(model.folderProperty().get());
    }

    private void showFolder(Path folder) {
        WorkspaceChoice choice = folder == null ? WorkspaceChoice.NONE : addChoice(folder);
        if (!Objects.equals(workspaceBox.getValue(), choice)) {
            workspaceBox.setValue(choice);
        }
    }

    private WorkspaceChoice addChoice(Path folder) {
        for (WorkspaceChoice choice : workspaceBox.getItems()) {
            if (folder.equals(choice.folder())) {
                return choice;
            }
        }
        WorkspaceChoice added = WorkspaceChoice.of(folder);
        workspaceBox.getItems().add(1, added);
        return added;
    }

    private void showEnvironment() {
        boolean local = model.environmentProperty().get() == QuestEnvironment.LOCAL;
        localEnvironment.setSelected(local);
        worktreeEnvironment.setSelected(!local);
    }

    /** A note label that takes room only while it has something to say. */
    private static void showWhenSet(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> text.get() != null && !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
    }

    /** A permission mode in the open list: its name, and below it what it lets the agent do. */
    private static final class PermissionCell extends ListCell<PermissionMode> {
        private final Label name = new Label();
        private final Label description = new Label();
        private final VBox lines = new VBox(2, name, description);

        PermissionCell() {
            getStyleClass().add("permission-cell");
            name.getStyleClass().add("name");
            description.getStyleClass().add("description");
        }

        @Override
        protected void updateItem(PermissionMode mode, boolean empty) {
            super.updateItem(mode, empty);
            setText(null);
            if (empty || mode == null) {
                setGraphic(null);
            } else {
                name.setText(PermissionModeText.label(mode));
                description.setText(PermissionModeText.description(mode));
                setGraphic(lines);
            }
        }
    }

    private static void pair(ToggleButton first, ToggleButton second) {
        ToggleGroup group = new ToggleGroup();
        first.setToggleGroup(group);
        second.setToggleGroup(group);
        // Keep one choice selected: clicking the selected button again does not clear it.
        group.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after == null && before != null) {
                group.selectToggle(before);
            }
        });
    }
}
