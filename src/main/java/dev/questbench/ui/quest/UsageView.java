package dev.questbench.ui.quest;

import dev.questbench.engine.QuestUsage;
import dev.questbench.ui.common.TokenCount;
import java.time.Duration;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The Summary tab's Usage section: tokens in and out and time, in total and for the latest turns. */
final class UsageView extends VBox {
    static final int TURNS_SHOWN = 12;

    private final Label totals = new Label();
    private final VBox turns = new VBox(3);

    UsageView(ObservableValue<QuestUsage> usage) {
        super(8);
        setId("summary-usage");
        Label title = new Label("Usage");
        title.getStyleClass().add("qb-section-title");
        totals.getStyleClass().add("summary-value");
        totals.setWrapText(true);
        turns.getStyleClass().add("usage-turns");
        getChildren().addAll(title, totals, turns);
        usage.addListener((observable, before, after) -> show(after));
        show(usage.getValue());
    }

    private void show(QuestUsage usage) {
        turns.getChildren().clear();
        if (usage == null) {
            totals.setText("Counting…");
            return;
        }
        totals.setText(TokenCount.split(usage.inputTokens(), usage.outputTokens()) + " tokens  ·  "
                + duration(usage.elapsed()) + " working, over " + usage.turns().size()
                + (usage.turns().size() == 1 ? " turn" : " turns"));
        List<QuestUsage.Turn> list = usage.turns();
        int from = Math.max(0, list.size() - TURNS_SHOWN);
        if (from > 0) {
            turns.getChildren().add(cell(from + " earlier turns not shown"));
        }
        for (QuestUsage.Turn turn : list.subList(from, list.size())) {
            // One line per turn: the function area is narrow, and a line wraps where columns would cut.
            turns.getChildren().add(cell("Turn " + turn.number() + "  ·  "
                    + TokenCount.split(turn.inputTokens(), turn.outputTokens()) + "  ·  "
                    + (turn.elapsed() == null ? "running" : duration(turn.elapsed()))));
        }
    }

    private static Label cell(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("usage-turn");
        return label;
    }

    /** 850 ms, 12 s, 3 min 12 s, 1 h 5 min. */
    static String duration(Duration duration) {
        long millis = duration == null ? 0 : duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        long seconds = millis / 1_000;
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min " + seconds % 60 + " s";
        }
        return minutes / 60 + " h " + minutes % 60 + " min";
    }
}
