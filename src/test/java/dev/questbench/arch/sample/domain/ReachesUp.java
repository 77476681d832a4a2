package dev.questbench.arch.sample.domain;

import dev.questbench.arch.sample.store.FxStore;

/** Breaks the layering on purpose: domain reaching up into store. */
public class ReachesUp {
    public FxStore store;
}
