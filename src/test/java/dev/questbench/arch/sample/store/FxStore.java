package dev.questbench.arch.sample.store;

import dev.questbench.arch.sample.ui.SampleView;

/** Breaks the rules on purpose: a store class that reaches JavaFX and the ui. */
public class FxStore {
    public javafx.beans.property.SimpleStringProperty name = new javafx.beans.property.SimpleStringProperty();
    public SampleView view;
}
