package dev.questbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.questbench.ui.testing.QueueExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class FxBatcherTest {
    private final QueueExecutor fx = new QueueExecutor();

    record Update(String id, int value) {
    }

    @Test
    void manyOffersMakeOneHandOffAndTheLatestPerKeyWins() {
        List<Map<String, Update>> delivered = new ArrayList<>();
        FxBatcher<Update, Map<String, Update>> batcher = FxBatcher.latestByKey(fx, Update::id, delivered::add);

        for (int i = 1; i <= 100; i++) {
            batcher.offer(new Update(i % 2 == 0 ? "a" : "b", i));
        }

        assertEquals(1, fx.pending(), "at most one hand-off is pending");
        fx.runPending();
        assertEquals(1, delivered.size());
        assertEquals(List.of("b", "a"), List.copyOf(delivered.get(0).keySet()), "keys keep first-arrival order");
        assertEquals(100, delivered.get(0).get("a").value());
        assertEquals(99, delivered.get(0).get("b").value());
    }

    @Test
    void offersAfterADeliveryStartANewBatch() {
        List<List<Integer>> delivered = new ArrayList<>();
        FxBatcher<Integer, List<Integer>> batcher = FxBatcher.inOrder(fx, delivered::add);

        batcher.offer(1);
        batcher.offer(2);
        fx.runPending();
        batcher.offerAll(List.of(3, 4));
        batcher.offer(5);
        fx.runPending();

        assertEquals(List.of(List.of(1, 2), List.of(3, 4, 5)), delivered);
    }

    @Test
    void customMergeJoinsValuesOfOneKey() {
        List<Map<String, String>> delivered = new ArrayList<>();
        FxBatcher<String, Map<String, String>> batcher =
                FxBatcher.byKey(fx, text -> text.substring(0, 1), (older, newer) -> older + newer.substring(1),
                        delivered::add);

        batcher.offer("mhel");
        batcher.offer("mlo");
        fx.runPending();

        assertEquals("mhello", delivered.get(0).get("m"));
    }

    @Test
    void closingDropsWhatIsPendingAndIgnoresLaterOffers() {
        List<List<Integer>> delivered = new ArrayList<>();
        FxBatcher<Integer, List<Integer>> batcher = FxBatcher.inOrder(fx, delivered::add);

        batcher.offer(1);
        batcher.close();
        batcher.offer(2);
        fx.runPending();

        assertEquals(List.of(), delivered);
    }

    @Test
    void concurrentProducersLoseNothing() throws Exception {
        List<Integer> received = new ArrayList<>();
        FxBatcher<Integer, List<Integer>> batcher = FxBatcher.inOrder(fx, received::addAll);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int base = p * 10_000;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 10_000; i++) {
                    batcher.offer(base + i);
                }
            });
            thread.start();
            producers.add(thread);
        }
        start.countDown();
        while (producers.stream().anyMatch(Thread::isAlive)) {
            fx.runPending(); // the "FX thread" drains while producers run
        }
        fx.runPending();

        assertEquals(40_000, received.size());
        assertEquals(40_000, received.stream().distinct().count());
    }
}
