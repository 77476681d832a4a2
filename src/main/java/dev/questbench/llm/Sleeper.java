package dev.questbench.llm;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits between retries; injectable so tests need not sleep. A cancel must wake it at once. */
interface Sleeper {

    void sleep(long millis, Cancellation cancel) throws InterruptedException;

    /** Really waits, waking early when {@code cancel} fires. */
    Sleeper REAL = (millis, cancel) -> {
        CountDownLatch cancelled = new CountDownLatch(1);
        AutoCloseable registration = cancel.onCancel(cancelled::countDown);
        try {
            cancelled.await(millis, TimeUnit.MILLISECONDS);
        } finally {
            Registrations.release(registration);
        }
    };
}
