package dev.questbench.arch.sample.ui;

/** A stand-in ui class for the architecture rule test. */
public class SampleView {
}
