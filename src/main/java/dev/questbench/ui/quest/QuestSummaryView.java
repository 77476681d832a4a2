package dev.questbench.ui.quest;

import atlantafx.base.theme.Styles;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.ui.common.StatusPill;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.common.TimeAgo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Summary tab: the selected quest's title, status, workspace, mode, environment, times and event count, its
 * usage (tokens and time, in total and per turn), and the memory files the agent loaded as references.
 */
public final class QuestSummaryView extends ScrollPane {
    private final QuestSummaryViewModel model;
    private final ObservableValue<Instant> now;
    private final Label title = new Label();
    private final StatusPill status = new StatusPill();
    private final Label workspace = value();
    private final Label mode = value();
    private final Label environment = value();
    private final Label created = value();
    private final Label activity = value();
    private final Label events = value();
    private final VBox references = new VBox(6);
    private final QuestWorkView workView;
    private final VBox content;
    private final VBox nothingSelected = nothingSelected();

    public QuestSummaryView(QuestSummaryViewModel model, ObservableValue<Instant> now) {
        this.model = model;
        this.now = now;
        this.workView = new QuestWorkView(model.workProperty());
        getStyleClass().addAll("summary-tab", Styles.FLAT);
        setFitToWidth(true);
        title.getStyleClass().addAll(Styles.TITLE_4, "summary-title");
        title.setWrapText(true);
        title.setId("summary-title");
        GridPane facts = new GridPane();
        facts.getStyleClass().add("summary-facts");
        facts.setHgap(16);
        facts.setVgap(10);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().addAll(names, values);
        row(facts, 0, "Status", status);
        row(facts, 1, "Workspace", workspace);
        row(facts, 2, "Mode", mode);
        row(facts, 3, "Environment", environment);
        row(facts, 4, "Created", created);
        row(facts, 5, "Last activity", activity);
        row(facts, 6, "Events", events);
        Label progress = new Label("Progress");
        progress.getStyleClass().add("qb-section-title");
        references.getStyleClass().add("summary-references");
        references.setId("summary-references");
        content = new VBox(14, title, progress, facts, new UsageView(model.usageProperty()), workView, references);
        content.getStyleClass().add("summary-box");
        getStylesheets().add(Stylesheets.of(QuestSummaryView.class, "summary.css"));
        setContent(content);
        model.summaryProperty().addListener((observable, before, after) -> update());
        model.workspaceProperty().addListener((observable, before, after) -> update());
        model.referencesProperty().addListener((observable, before, after) -> showReferences(after));
        now.addListener((observable, before, after) -> update());
        update();
        showReferences(model.referencesProperty().get());
    }

    private void update() {
        QuestSummary summary = model.summaryProperty().get();
        setContent(summary == null ? nothingSelected : content);
        if (summary == null) {
            return;
        }
        Workspace home = model.workspaceProperty().get();
        title.setText(summary.quest().title());
        status.setStatus(summary.status());
        workspace.setText(home == null ? "No workspace" : home.name() + "\n" + home.path());
        mode.setText(summary.quest().mode().label());
        environment.setText(summary.quest().environment().label());
        created.setText(TimeAgo.exact(summary.quest().createdAt()));
        activity.setText(TimeAgo.format(summary.lastActivityAt(), now.getValue()));
        events.setText(Long.toString(summary.eventCount()));
    }

    /** What the Work section's Review link does. */
    public void setOnReview(Runnable action) {
        workView.setOnReview(action);
    }

    /** One line per file (name and scope, the full path as tooltip), then any warnings; hidden when empty. */
    private void showReferences(QuestEvent.ContextLoaded loaded) {
        List<Node> lines = new ArrayList<>();
        if (loaded != null) {
            for (QuestEvent.ContextLoaded.Reference reference : loaded.references() == null
                    ? List.<QuestEvent.ContextLoaded.Reference>of() : loaded.references()) {
                lines.add(reference(reference));
            }
            for (String warning : loaded.warnings() == null ? List.<String>of() : loaded.warnings()) {
                Label line = new Label(warning, new FontIcon(Feather.ALERT_TRIANGLE));
                line.getStyleClass().add("reference-warning");
                line.setWrapText(true);
                line.setMinHeight(Region.USE_PREF_SIZE);
                lines.add(line);
            }
        }
        if (!lines.isEmpty()) {
            Label heading = new Label("References");
            heading.getStyleClass().add("qb-section-title");
            lines.add(0, heading);
        }
        references.getChildren().setAll(lines);
        references.setVisible(!lines.isEmpty());
        references.setManaged(!lines.isEmpty());
    }

    private static Node reference(QuestEvent.ContextLoaded.Reference reference) {
        String path = reference.path() == null ? "" : reference.path();
        Label name = new Label(fileName(path), new FontIcon("settings".equals(reference.kind())
                ? Feather.SLIDERS : Feather.FILE_TEXT));
        name.getStyleClass().add("reference-name");
        String where = reference.scope() == null ? "" : reference.scope();
        Label scope = new Label("settings".equals(reference.kind()) ? "settings · " + where : where);
        scope.getStyleClass().add("reference-scope");
        HBox line = new HBox(8, name, scope);
        line.setAlignment(Pos.BASELINE_LEFT);
        line.getStyleClass().add("reference");
        Tooltip.install(line, new Tooltip(path));
        return line;
    }

    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 || slash == path.length() - 1 ? path : path.substring(slash + 1);
    }

    private static VBox nothingSelected() {
        FontIcon icon = new FontIcon(Feather.INFO);
        icon.getStyleClass().add("qb-empty-icon");
        Label text = new Label("Select a quest to see its progress, workspace and activity here.");
        text.setWrapText(true);
        text.setMaxWidth(240);
        VBox box = new VBox(10, icon, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("qb-placeholder");
        box.setPadding(new Insets(48, 16, 16, 16));
        return box;
    }

    private static Label value() {
        Label label = new Label();
        label.setWrapText(true);
        label.getStyleClass().add("summary-value");
        return label;
    }

    private static void row(GridPane grid, int row, String name, Node value) {
        Label label = new Label(name);
        label.getStyleClass().add("summary-name");
        grid.addRow(row, label, value);
    }
}
