package dev.questbench.ui.shell;

import dev.questbench.ui.quest.QuestSummaryView;
import dev.questbench.ui.quest.QuestSummaryViewModel;
import dev.questbench.ui.review.ReviewPanel;
import dev.questbench.ui.review.ReviewViewModel;
import java.time.Instant;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The right column: Summary, Review and Preview tabs about the selected quest (Review: its changes). */
final class FunctionAreaView extends TabPane {

    FunctionAreaView(QuestSummaryViewModel summary, ReviewViewModel review, ObservableValue<Instant> now) {
        setId("function-area");
        getStyleClass().add("function-area");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setMinWidth(0);
        getTabs().addAll(
                tab("Summary", new QuestSummaryView(summary, now)),
                tab("Review", new ReviewPanel(review)),
                tab("Preview", placeholder(Feather.EYE, "Preview",
                        "Previews of the pages, documents and images a quest produces "
                                + "arrive with the preview issue.")));
        // The review snapshots the quest's folder with git: only while its tab is in front.
        Tab reviewTab = getTabs().get(1);
        review.setVisible(reviewTab.isSelected());
        reviewTab.selectedProperty().addListener((observable, before, selected) -> review.setVisible(selected));
    }

    /** Brings the Review tab to the front. */
    void showReview() {
        getTabs().stream().filter(tab -> "tab-review".equals(tab.getId())).findFirst()
                .ifPresent(tab -> getSelectionModel().select(tab));
    }

    /** Text-only tabs: all three fit a narrow function area without an overflow menu. */
    private static Tab tab(String name, Node content) {
        Tab tab = new Tab(name, content);
        tab.setId("tab-" + name.toLowerCase(java.util.Locale.ROOT));
        return tab;
    }

    private static Node placeholder(Ikon icon, String title, String text) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("qb-empty-icon");
        Label heading = new Label(title + " is not here yet");
        heading.getStyleClass().add("qb-placeholder-title");
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(260);
        VBox box = new VBox(10, glyph, heading, body);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("qb-placeholder");
        return box;
    }
}
