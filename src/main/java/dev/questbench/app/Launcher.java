package dev.questbench.app;

/** Plain entry point; the real wiring comes next. */
public final class Launcher {
    public static void main(String[] args) {
        System.out.println("questbench");
    }
}
