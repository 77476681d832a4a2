package dev.questbench.server;

import java.util.concurrent.CountDownLatch;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** A model that holds every reply until the test opens the gate, so "during a turn" does not depend on timing. */
final class GatedModel extends Dispatcher {
    private final CountDownLatch gate = new CountDownLatch(1);
    private final MockResponse reply;

    GatedModel(MockResponse reply) {
        this.reply = reply;
    }

    void open() {
        gate.countDown();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        gate.await();
        return reply;
    }

    @Override
    public void close() {
        open();
    }
}
