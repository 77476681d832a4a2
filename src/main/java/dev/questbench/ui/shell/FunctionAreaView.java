package dev.questbench.ui.shell;

import dev.questbench.ui.quest.QuestSummaryView;
import dev.questbench.ui.quest.QuestSummaryViewModel;
import dev.questbench.ui.preview.ArtifactsSummary;
import dev.questbench.ui.preview.PreviewPanel;
import dev.questbench.ui.preview.PreviewViewModel;
import dev.questbench.ui.review.ReviewPanel;
import dev.questbench.ui.review.ReviewViewModel;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The right column: Summary, Review, Preview and Team (the Expert Team Canvas) tabs about the selected quest
 * (Review: its changes).
 */
final class FunctionAreaView extends TabPane {

    FunctionAreaView(QuestSummaryViewModel summary, ReviewViewModel review, Supplier<PreviewPanel> preview,
                     PreviewViewModel previewModel, ObservableValue<Instant> now,
                     dev.questbench.ui.experts.ExpertTeamViewModel experts) {
        setId("function-area");
        getStyleClass().add("function-area");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setMinWidth(0);
        QuestSummaryView summaryView = new QuestSummaryView(summary, now);
        summaryView.setOnReview(() -> {
            review.scopeProperty().set(dev.questbench.workspace.diff.DiffScope.CURRENT_QUEST);
            showReview();
        });
        // Only the tab in front is built at start-up: a TabPane keeps every tab's content in the scene, so each
        // hidden one would cost its construction, CSS and layout before the first frame.
        getTabs().addAll(
                tab("Summary", () -> withArtifacts(summaryView, previewModel)),
                tab("Review", () -> new ReviewPanel(review)),
                tab("Preview", preview),
                tab("Team", () -> new dev.questbench.ui.experts.ExpertTeamCanvas(experts)));
        // The review snapshots the quest's folder with git: only while its tab is in front.
        Tab reviewTab = getTabs().get(1);
        review.setVisible(reviewTab.isSelected());
        reviewTab.selectedProperty().addListener((observable, before, selected) -> review.setVisible(selected));
        // Artifacts show in the Summary and the Preview tabs: kept current unless the Review tab is in front.
        previewModel.setVisible(!reviewTab.isSelected());
        reviewTab.selectedProperty().addListener((observable, before, selected) -> previewModel.setVisible(!selected));
    }

    /** Brings the Review tab to the front. */
    void showReview() {
        getTabs().stream().filter(tab -> "tab-review".equals(tab.getId())).findFirst()
                .ifPresent(tab -> getSelectionModel().select(tab));
    }

    /** Brings the Preview tab to the front (an artifact was picked in the Summary). */
    void showPreview() {
        getSelectionModel().select(getTabs().get(2));
    }

    private Node withArtifacts(QuestSummaryView summary, PreviewViewModel previewModel) {
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(summary);
        pane.setBottom(new ArtifactsSummary(previewModel, this::showPreview));
        return pane;
    }

    /** A text-only tab (all fit a narrow function area) whose content is built the first time it is selected. */
    private static Tab tab(String name, Supplier<? extends Node> content) {
        Tab tab = new Tab(name);
        tab.setId("tab-" + name.toLowerCase(java.util.Locale.ROOT));
        if (tab.isSelected()) {
            tab.setContent(content.get());
        } else {
            tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> observable, Boolean before,
                                    Boolean selected) {
                    if (selected) {
                        tab.selectedProperty().removeListener(this);
                        tab.setContent(content.get());
                    }
                }
            });
        }
        return tab;
    }
}
