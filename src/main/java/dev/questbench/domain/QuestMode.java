package dev.questbench.domain;

/** How a quest is worked: one agent end to end, or a team of experts. Fixed at creation. */
public enum QuestMode {
    AGENT("Agent"),
    EXPERTS("Experts");

    private final String label;

    QuestMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
