package dev.questbench.ui.settings;

import atlantafx.base.theme.Styles;
import dev.questbench.engine.Notification;
import dev.questbench.ui.common.Spinners;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.shell.ThemePreference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Settings dialog (File ▸ Settings…): tabs for General (a static FXML form bound to a
 * {@link SettingsViewModel}), Models ({@link ModelsViewModel}), Agent ({@link AgentViewModel}), Agents
 * ({@link AgentsViewModel}, the external ACP agents) and Worktrees
 * ({@link WorktreesViewModel}). Save checks every page, then stores them all.
 */
public final class SettingsDialog extends Dialog<Boolean> {
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    /** The dialog's tabs, for opening it on one of them. */
    public enum Page { GENERAL, MODELS, AGENT, AGENTS, WORKTREES, SERVER, REVIEW, SHORTCUTS, SKILLS, MCP, EXPERTS }

    private final SettingsViewModel model;
    private final ModelsViewModel models;
    private final AgentViewModel agent;
    private final WorktreesViewModel worktrees; // null: no Worktrees tab
    private final AgentsViewModel agents;
    private ReviewSettingsViewModel review; // null: no Review tab
    private McpViewModel mcp; // null: no MCP tab
    private final TabPane tabs = new TabPane();
    private final Map<Page, Tab> pages = new EnumMap<>(Page.class);
    private final List<AddedPage> addedPages = new ArrayList<>();
    private BooleanExpression busy;
    @FXML private Spinner<Integer> concurrencySpinner;
    @FXML private Spinner<Integer> goalRoundsSpinner;
    @FXML private CheckBox desktopBox;
    @FXML private CheckBox soundBox;
    @FXML private CheckBox actionRequiredBox;
    @FXML private CheckBox readyBox;
    @FXML private CheckBox errorBox;
    @FXML private CheckBox missedBox;
    @FXML private Button testButton;
    @FXML private HBox themeBox;
    @FXML private Label problemLabel;
    @FXML private Spinner<Integer> textSizeSpinner;
    @FXML private CheckBox stepsExpandedBox;
    @FXML private Label dataDirLabel;
    @FXML private Button openDataDirButton;

    /** The dialog without a built-in agent: the Models page says it is unavailable; Agent edits the stored settings. */
    public SettingsDialog(SettingsViewModel model) {
        this(model, new ModelsViewModel(null, null, model.tasks(), null),
                new AgentViewModel(model.settings(), model.tasks()));
    }

    /** The dialog without the Worktrees tab (it needs the store's workspaces). */
    public SettingsDialog(SettingsViewModel model, ModelsViewModel models, AgentViewModel agent) {
        this(model, models, agent, null);
    }

    /** @param worktrees the Worktrees tab's model, or null to leave the tab out */
    public SettingsDialog(SettingsViewModel model, ModelsViewModel models, AgentViewModel agent,
                          WorktreesViewModel worktrees) {
        this(model, models, agent, worktrees, (ServerViewModel) null);
    }

    /** @param server the Server tab's model, or null to leave the tab out */
    public SettingsDialog(SettingsViewModel model, ModelsViewModel models, AgentViewModel agent,
                          WorktreesViewModel worktrees, ServerViewModel server) {
        this(model, models, agent, worktrees, server, new AgentsViewModel(model.settings(), model.tasks()));
    }

    /** @param agents the Agents tab's model (with the secrets file, so the Cloud token can be set) */
    public SettingsDialog(SettingsViewModel model, ModelsViewModel models, AgentViewModel agent,
                          WorktreesViewModel worktrees, AgentsViewModel agents) {
        this(model, models, agent, worktrees, null, agents);
    }

    /**
     * @param server the Server tab's model, or null to leave the tab out
     * @param agents the Agents tab's model (with the secrets file, so the Cloud token can be set)
     */
    public SettingsDialog(SettingsViewModel model, ModelsViewModel models, AgentViewModel agent,
                          WorktreesViewModel worktrees, ServerViewModel server, AgentsViewModel agents) {
        this.model = model;
        this.models = models;
        this.agent = agent;
        this.worktrees = worktrees;
        this.agents = agents;
        setTitle("Settings");
        setHeaderText(null);
        setResizable(true);
        FXMLLoader loader = new FXMLLoader(SettingsDialog.class.getResource("SettingsDialog.fxml"));
        loader.setController(this);
        Node general;
        try {
            general = loader.load();
        } catch (IOException e) {
            throw new IllegalStateException("SettingsDialog.fxml cannot be read", e);
        }
        addPage(Page.GENERAL, "General", Feather.SLIDERS, general);
        addPage(Page.MODELS, "Models", Feather.CPU, new ModelsPage(models));
        addPage(Page.AGENT, "Agent", Feather.SHIELD, new AgentPage(agent));
        addPage(Page.AGENTS, "Agents", Feather.TERMINAL, new AgentsPage(agents));
        if (worktrees != null) {
            addPage(Page.WORKTREES, "Worktrees", Feather.GIT_BRANCH, new WorktreesPage(worktrees));
        }
        if (server != null) {
            addPage(Page.SERVER, "Server", Feather.SERVER, new ServerPage(server));
        }
        tabs.setId("settings-tabs");
        tabs.getStyleClass().add("settings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefSize(820, 600);
        getDialogPane().setContent(tabs);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE); // else the window opens at a default 600 px
        getDialogPane().getStyleClass().add("settings-dialog");
        getDialogPane().getStylesheets().add(Stylesheets.of(SettingsDialog.class, "settings.css"));
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        setResultConverter(button -> null);
        bind();
        model.load();
        models.load();
        agent.load();
        agents.load();
        if (worktrees != null) {
            worktrees.load();
        }
        if (server != null) {
            server.load();
        }
    }

    /** Adds the Review tab (the external reviewer), loaded now and saved with the rest. */
    public SettingsDialog withReview(ReviewSettingsViewModel reviewSettings) {
        this.review = reviewSettings;
        addPage(Page.REVIEW, "Review", Feather.SHIELD, new ReviewSettingsPage(reviewSettings));
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        busy = busy.or(reviewSettings.savingProperty()).or(reviewSettings.loadedProperty().not());
        save.disableProperty().unbind();
        save.disableProperty().bind(busy);
        showProblems(Page.REVIEW, reviewSettings.problemProperty());
        reviewSettings.load();
        return this;
    }

    /** Adds the Skills tab; its switches are stored with the rest on Save and dropped on Cancel. */
    public SettingsDialog withSkills(SkillsViewModel skills) {
        addPage(Page.SKILLS, "Skills", Feather.BOOK_OPEN, new SkillsPage(skills));
        savedWithTheRest(new AddedPage(Page.SKILLS, () -> true, skills::save), skills.loadedProperty(),
                skills.savingProperty(), skills.problemProperty());
        skills.load();
        return this;
    }

    /** Adds the MCP tab, loaded now and saved with the rest. */
    public SettingsDialog withMcp(McpViewModel mcpServers) {
        this.mcp = mcpServers;
        addPage(Page.MCP, "MCP", Feather.LINK, new McpPage(mcpServers));
        showProblems(Page.MCP, mcpServers.problemProperty());
        mcpServers.loadAndCheck();
        return this;
    }

    /** Adds the Experts tab (per-role model and instructions), stored with the rest on Save. */
    public SettingsDialog withExperts(ExpertsViewModel experts) {
        addPage(Page.EXPERTS, "Experts", Feather.USERS, new ExpertsPage(experts));
        savedWithTheRest(new AddedPage(Page.EXPERTS, experts::validate, experts::save), experts.loadedProperty(),
                experts.savingProperty(), experts.problemProperty());
        experts.load();
        return this;
    }

    /** A page added after construction that checks and stores itself when the dialog is saved. */
    private record AddedPage(Page page, BooleanSupplier validate,
                             Consumer<Runnable> save) {
    }

    /** Save waits while the page loads or saves, checks and stores it after the others, and shows its problems. */
    private void savedWithTheRest(AddedPage page, BooleanExpression loaded, BooleanExpression saving,
                                  ReadOnlyStringProperty problem) {
        addedPages.add(page);
        busy = busy.or(saving).or(loaded.not());
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.disableProperty().unbind();
        save.disableProperty().bind(busy);
        showProblems(page.page(), problem);
    }

    /** Adds the Shortcuts tab listing these commands' shortcuts (and the review diff's keys). */
    public SettingsDialog withShortcuts(java.util.List<dev.questbench.ui.common.Command> commands) {
        addPage(Page.SHORTCUTS, "Shortcuts", Feather.COMMAND, new ShortcutsPage(commands));
        return this;
    }

    /** Shows one page, e.g. Models when a quest failed for want of a provider. */
    public SettingsDialog select(Page page) {
        tabs.getSelectionModel().select(pages.get(page));
        return this;
    }

    /** A page's problem line: hidden while there is none. */
    static Label problemLabel(String id, ReadOnlyStringProperty problem) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("problem");
        label.setWrapText(true);
        label.textProperty().bind(problem);
        label.visibleProperty().bind(problem.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private void addPage(Page page, String title, Feather icon, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("settings-tab-" + page.name().toLowerCase(Locale.ROOT));
        tab.setGraphic(new FontIcon(icon));
        tabs.getTabs().add(tab);
        pages.put(page, tab);
    }

    private void bind() {
        Spinners.bind(concurrencySpinner, model.concurrencyProperty());
        Spinners.bind(goalRoundsSpinner, model.goalRoundsProperty());
        textSizeSpinner.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(
                DisplaySettings.MIN_TEXT_SIZE, DisplaySettings.MAX_TEXT_SIZE, model.textSizeProperty().get()));
        textSizeSpinner.setEditable(true);
        Spinners.bind(textSizeSpinner, model.textSizeProperty());
        stepsExpandedBox.selectedProperty().bindBidirectional(model.stepsExpandedProperty());
        dataDirLabel.setText(model.dataDirectory() == null ? "unknown" : model.dataDirectory().toString());
        openDataDirButton.setDisable(model.dataDirectory() == null);
        openDataDirButton.setOnAction(event -> model.openDataDirectory());
        desktopBox.selectedProperty().bindBidirectional(model.desktopProperty());
        soundBox.selectedProperty().bindBidirectional(model.soundProperty());
        actionRequiredBox.selectedProperty().bindBidirectional(model.kindProperty(Notification.Kind.ACTION_REQUIRED));
        readyBox.selectedProperty().bindBidirectional(model.kindProperty(Notification.Kind.READY));
        errorBox.selectedProperty().bindBidirectional(model.kindProperty(Notification.Kind.ERROR));
        missedBox.selectedProperty().bindBidirectional(model.kindProperty(Notification.Kind.MISSED_SCHEDULE));
        testButton.setVisible(model.canTestNotifications());
        testButton.getParent().setManaged(model.canTestNotifications());
        testButton.getParent().setVisible(model.canTestNotifications());
        testButton.setOnAction(event -> model.testNotification());
        bindTheme();
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());

        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.getStyleClass().add(Styles.ACCENT);
        save.setId("settings-save");
        busy = model.savingProperty().or(models.savingProperty()).or(agent.savingProperty())
                .or(model.loadedProperty().not()).or(models.loadedProperty().not()).or(agent.loadedProperty().not())
                .or(agents.savingProperty()).or(agents.loadedProperty().not());
        if (worktrees != null) {
            busy = busy.or(worktrees.savingProperty()).or(worktrees.loadedProperty().not());
        }
        save.disableProperty().bind(busy);
        save.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // stay open until stored, or show why not
            saveAll();
        });
        showProblems(Page.GENERAL, model.problemProperty());
        showProblems(Page.MODELS, models.problemProperty());
        showProblems(Page.AGENT, agent.problemProperty());
        showProblems(Page.AGENTS, agents.problemProperty());
        if (worktrees != null) {
            showProblems(Page.WORKTREES, worktrees.problemProperty());
        }
    }

    /** Nothing is stored while a page has an invalid field; then each page saves in turn, and the dialog closes. */
    private void saveAll() {
        if (!models.validate()) {
            select(Page.MODELS);
            return;
        }
        if (!agent.validate()) {
            select(Page.AGENT);
            return;
        }
        if (!agents.validate()) {
            select(Page.AGENTS);
            return;
        }
        Runnable done = () -> {
            setResult(Boolean.TRUE);
            close();
        };
        if (review != null && !review.validate()) {
            select(Page.REVIEW);
            return;
        }
        for (AddedPage page : addedPages) {
            if (!page.validate().getAsBoolean()) {
                select(page.page());
                return;
            }
        }
        Runnable afterPages = mcp == null ? done : () -> mcp.save(done);
        for (int i = addedPages.size() - 1; i >= 0; i--) {
            AddedPage page = addedPages.get(i);
            Runnable next = afterPages;
            afterPages = () -> page.save().accept(next);
        }
        Runnable afterReview = afterPages;
        Runnable afterWorktrees = review == null ? afterReview : () -> review.save(afterReview);
        Runnable last = worktrees == null ? afterWorktrees : () -> worktrees.save(afterWorktrees);
        model.save(() -> models.save(() -> agent.save(() -> agents.save(last))));
    }

    /** A page that reports a problem comes to the front, so the message is seen. */
    private void showProblems(Page page, ReadOnlyStringProperty problem) {
        problem.addListener((observable, before, now) -> {
            if (now != null && !now.isEmpty()) {
                select(page);
            }
        });
    }

    private void bindTheme() {
        ToggleGroup group = new ToggleGroup();
        ThemePreference[] choices = ThemePreference.values();
        for (int i = 0; i < choices.length; i++) {
            ThemePreference choice = choices[i];
            ToggleButton button = new ToggleButton(choice.label());
            button.setId("settings-theme-" + choice.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setUserData(choice);
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == choices.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            button.setSelected(model.themeProperty().get() == choice);
            themeBox.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after == null) {
                group.selectToggle(before); // one theme is always chosen
            } else {
                model.themeProperty().set((ThemePreference) after.getUserData());
            }
        });
    }
}
