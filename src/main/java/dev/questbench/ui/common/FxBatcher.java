package dev.questbench.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Hands items offered by background threads to the FX thread in merged batches: at most one hand-off is
 * pending at any time, and items offered meanwhile merge into it (STYLE.md 14).
 *
 * @param <T> what producers offer
 * @param <B> the merged batch the FX thread receives
 */
public final class FxBatcher<T, B> implements AutoCloseable {
    private final Executor fxExecutor;
    private final Supplier<B> newBatch;
    private final BiConsumer<B, T> merge;
    private final Consumer<B> deliver;
    private final Object lock = new Object();
    private B pending;
    private boolean closed;

    /**
     * @param fxExecutor runs the hand-off on the FX thread; {@link PulseExecutor#shared()} delivers at the
     *                   next pulse, tests pass their own
     */
    public FxBatcher(Executor fxExecutor, Supplier<B> newBatch, BiConsumer<B, T> merge, Consumer<B> deliver) {
        this.fxExecutor = Objects.requireNonNull(fxExecutor);
        this.newBatch = Objects.requireNonNull(newBatch);
        this.merge = Objects.requireNonNull(merge);
        this.deliver = Objects.requireNonNull(deliver);
    }

    /** Keeps items in arrival order; the FX thread gets them as one list. */
    public static <T> FxBatcher<T, List<T>> inOrder(Executor fxExecutor, Consumer<List<T>> deliver) {
        return new FxBatcher<>(fxExecutor, ArrayList::new, List::add, deliver);
    }

    /** One value per key, merged with {@code merge(older, newer)}; keys keep their first arrival order. */
    public static <K, V> FxBatcher<V, Map<K, V>> byKey(Executor fxExecutor, Function<V, K> key,
                                                       BinaryOperator<V> merge, Consumer<Map<K, V>> deliver) {
        return new FxBatcher<>(fxExecutor, LinkedHashMap::new,
                (batch, item) -> batch.merge(key.apply(item), item, merge), deliver);
    }

    /** One value per key, the latest winning: e.g. the newest summary of each quest. */
    public static <K, V> FxBatcher<V, Map<K, V>> latestByKey(Executor fxExecutor, Function<V, K> key,
                                                             Consumer<Map<K, V>> deliver) {
        return byKey(fxExecutor, key, (older, newer) -> newer, deliver);
    }

    /** Safe from any thread; never blocks on the FX thread. */
    public void offer(T item) {
        boolean handOff;
        synchronized (lock) {
            if (closed) {
                return;
            }
            handOff = pending == null;
            if (handOff) {
                pending = newBatch.get();
            }
            merge.accept(pending, item);
        }
        if (handOff) {
            fxExecutor.execute(this::drain);
        }
    }

    /** Offers several items at once (one lock, at most one hand-off). */
    public void offerAll(Iterable<? extends T> items) {
        boolean handOff;
        synchronized (lock) {
            if (closed) {
                return;
            }
            handOff = pending == null;
            if (handOff) {
                pending = newBatch.get();
            }
            for (T item : items) {
                merge.accept(pending, item);
            }
        }
        if (handOff) {
            fxExecutor.execute(this::drain);
        }
    }

    /** Stops delivery; a pending batch is dropped. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            pending = null;
        }
    }

    private void drain() {
        B batch;
        synchronized (lock) {
            batch = pending;
            pending = null;
            if (closed) {
                return;
            }
        }
        if (batch != null) {
            deliver.accept(batch);
        }
    }
}
