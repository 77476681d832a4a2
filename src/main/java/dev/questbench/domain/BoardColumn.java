package dev.questbench.domain;

/** The three columns of the My Quests board. */
public enum BoardColumn {
    RUNNING("Running"),
    WAITING("Waiting"),
    COMPLETED("Completed");

    private final String label;

    BoardColumn(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
