package dev.questbench.store;

/** A listener registration; closing it stops delivery. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
