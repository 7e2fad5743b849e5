package io.dailies.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.provider.catalog.ModelCatalog;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProviderLimiterTest {

    private static final ModelCatalog CATALOG = ModelCatalog.load();

    private final FakeClock clock = new FakeClock(1_000_000);

    @Test
    void theShippedCatalogsLimitsAreInForce() {
        ProviderLimiter limiter = new ProviderLimiter(CATALOG, Optional.empty(), clock);
        assertEquals(50, limiter.requestsPerMinute("sora-2"));
        assertEquals(25, limiter.requestsPerMinute("sora-2-pro"));
        assertEquals(8, limiter.maxConcurrentGenerations("sora-2"));
        assertEquals(4, limiter.maxConcurrentGenerations("Sora 2 Pro"), "forgiving about how the model is typed");
        assertEquals(4, limiter.maxConcurrentGenerations("sora-2-pro-2025-10-06"), "a dated snapshot counts as its model");
        assertEquals(Integer.MAX_VALUE, limiter.requestsPerMinute("veo-9"), "a model the catalog does not know is not limited");
    }

    @Test
    void the51stRequestOfAMinuteWaitsUntilTheFirstLeavesTheWindow() throws InterruptedException {
        ProviderLimiter limiter = new ProviderLimiter(CATALOG, Optional.empty(), clock);
        long start = clock.millis();
        for (int i = 0; i < 50; i++) {
            limiter.acquireRequest("sora-2");
            clock.advance(100); // 50 requests over 5 s
        }
        assertTrue(clock.sleeps.isEmpty(), "50 RPM: the first 50 go at once");
        assertEquals(55_000, limiter.millisUntilRequest("sora-2"));
        assertFalse(limiter.tryAcquireRequest("sora-2"));

        limiter.acquireRequest("sora-2");
        assertEquals(start + 60_000, clock.millis(), "the 51st went the moment the first left the one-minute window");
        assertEquals(List.of(55_000L), clock.sleeps);

        limiter.acquireRequest("sora-2");
        assertEquals(start + 60_100, clock.millis(), "the 52nd waits for the second");
    }

    @Test
    void modelsHaveTheirOwnWindows() throws InterruptedException {
        ProviderLimiter limiter = new ProviderLimiter(CATALOG, Optional.empty(), clock);
        for (int i = 0; i < 25; i++) {
            limiter.acquireRequest("sora-2-pro");
        }
        assertFalse(limiter.tryAcquireRequest("sora-2-pro"));
        assertTrue(limiter.tryAcquireRequest("sora-2"), "sora-2 is not held up by sora-2-pro's window");
        limiter.acquireRequest(null);
        assertTrue(clock.sleeps.isEmpty(), "a call whose model is unknown is not limited here");
    }

    @Test
    void theConfiguredRateOverridesTheCatalog() throws InterruptedException {
        ProviderLimiter limiter = new ProviderLimiter(CATALOG, Optional.of(2), clock);
        assertEquals(2, limiter.requestsPerMinute("sora-2"));
        assertEquals(2, limiter.requestsPerMinute("model-not-in-catalog"));
        limiter.acquireRequest("sora-2");
        limiter.acquireRequest("sora-2");
        limiter.acquireRequest("sora-2");
        assertEquals(List.of(60_000L), clock.sleeps);
        assertThrows(IllegalArgumentException.class, () -> new ProviderLimiter(CATALOG, Optional.of(0), clock));
    }

    @Test
    void generationSlotsFollowMaxConcurrentGenerationsAndReleasesRestoreThem() {
        ProviderLimiter limiter = new ProviderLimiter(CATALOG, Optional.empty(), clock);
        for (int i = 0; i < 8; i++) {
            assertTrue(limiter.tryAcquireGeneration("sora-2"), "slot " + (i + 1));
        }
        assertFalse(limiter.tryAcquireGeneration("sora-2"), "a 9th sora-2 generation must wait");
        assertEquals(8, limiter.generationsInFlight("sora-2"));
        assertTrue(limiter.tryAcquireGeneration("sora-2-pro"), "another model has its own slots");

        limiter.releaseGeneration("sora-2");
        assertEquals(7, limiter.generationsInFlight("sora-2"));
        assertTrue(limiter.tryAcquireGeneration("sora-2"));
        assertFalse(limiter.tryAcquireGeneration("sora-2"));

        for (int i = 0; i < 20; i++) {
            limiter.releaseGeneration("sora-2");
        }
        assertEquals(0, limiter.generationsInFlight("sora-2"), "extra releases never make room beyond the limit");
        for (int i = 0; i < 8; i++) {
            assertTrue(limiter.tryAcquireGeneration("sora-2"));
        }
        assertFalse(limiter.tryAcquireGeneration("sora-2"));
    }

    @Test
    void aWaitingCallerCanBeInterruptedAndTakesNoSlot() throws Exception {
        ProviderLimiter limiter = new ProviderLimiter(CATALOG, Optional.of(1), ProviderClock.SYSTEM);
        limiter.acquireRequest("sora-2");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                limiter.acquireRequest("sora-2");
                outcome.set(new AssertionError("acquired a slot that was not free"));
            } catch (Throwable t) {
                outcome.set(t);
            } finally {
                done.countDown();
            }
        });
        waiter.start();
        Thread.sleep(200);
        assertTrue(waiter.isAlive(), "the second request of a 1-per-minute model blocks");
        waiter.interrupt();
        assertTrue(done.await(5, TimeUnit.SECONDS), "an interrupt ends the wait");
        assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));
        assertTrue(limiter.millisUntilRequest("sora-2") > 50_000, "the interrupted caller took no slot");
    }

    @Test
    void unlimitedNeverWaits() throws InterruptedException {
        ProviderLimiter limiter = ProviderLimiter.unlimited();
        for (int i = 0; i < 1000; i++) {
            limiter.acquireRequest("sora-2");
            assertTrue(limiter.tryAcquireGeneration("sora-2"));
        }
    }
}
