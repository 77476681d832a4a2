package dev.questbench.ui.schedule;

/** One entry of the form's Workspace or Continue-quest picker; a null id is the "none" entry. */
public record Choice(String id, String label) {

    public boolean isNone() {
        return id == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
