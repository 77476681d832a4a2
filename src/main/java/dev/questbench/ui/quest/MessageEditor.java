package dev.questbench.ui.quest;

import java.util.Optional;

/** Asks the user for a new version of a message they sent; empty when they cancel. Call on the FX thread. */
@FunctionalInterface
public interface MessageEditor {
    Optional<String> edit(String text);
}
