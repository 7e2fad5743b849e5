package io.dailies.provider;

import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.provider.catalog.ModelSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps Dailies inside the account's limits per model, as the catalog states them, instead of learning
 * them from 429s: (a) requests per minute for calls that start a generation (a sliding one-minute
 * window; a caller over the limit waits for a slot), and (b) generations in flight at once (the render
 * loop asks before it submits and gives the slot back when the take is finished).
 */
@ApplicationScoped
public class ProviderLimiter {

    static final long WINDOW_MS = 60_000;

    private final ModelCatalog catalog;
    private final Integer requestsPerMinuteOverride;
    private final ProviderClock clock;
    /** Per model: when each request of the last minute was sent, oldest first. */
    private final Map<String, Deque<Long>> sent = new HashMap<>();
    private final Map<String, Integer> generating = new HashMap<>();

    /** For CDI's proxy only. */
    protected ProviderLimiter() {
        this(null, Optional.empty(), ProviderClock.SYSTEM);
    }

    @Inject
    public ProviderLimiter(ModelCatalog catalog,
                           @ConfigProperty(name = "dailies.provider.requests-per-minute") Optional<Integer> requestsPerMinute) {
        this(catalog, requestsPerMinute, ProviderClock.SYSTEM);
    }

    public ProviderLimiter(ModelCatalog catalog, Optional<Integer> requestsPerMinute, ProviderClock clock) {
        this.catalog = catalog;
        this.requestsPerMinuteOverride = requestsPerMinute == null ? null : requestsPerMinute.orElse(null);
        if (requestsPerMinuteOverride != null && requestsPerMinuteOverride <= 0) {
            throw new IllegalArgumentException("dailies.provider.requests-per-minute must be positive, found " + requestsPerMinuteOverride);
        }
        this.clock = clock;
    }

    /** A limiter that never makes anyone wait: for tests and tools that talk to the provider directly. */
    public static ProviderLimiter unlimited() {
        return new ProviderLimiter(null, Optional.empty(), ProviderClock.SYSTEM);
    }

    /** The request rate in force for this model; {@link Integer#MAX_VALUE} when none is known. */
    public int requestsPerMinute(String model) {
        if (requestsPerMinuteOverride != null) {
            return requestsPerMinuteOverride;
        }
        return spec(model).map(ModelSpec::requestsPerMinute).orElse(Integer.MAX_VALUE);
    }

    /** How many generations of this model may be in flight at once; {@link Integer#MAX_VALUE} when none is known. */
    public int maxConcurrentGenerations(String model) {
        return spec(model).map(ModelSpec::maxConcurrentGenerations).orElse(Integer.MAX_VALUE);
    }

    /**
     * Takes a request slot for a call that starts a generation of this model, waiting until the last
     * minute's window has one free. A null model (the caller does not know it) is not limited here.
     *
     * @throws InterruptedException if the caller is interrupted while waiting; no slot is taken then
     */
    public void acquireRequest(String model) throws InterruptedException {
        if (model == null || requestsPerMinute(model) == Integer.MAX_VALUE) {
            return;
        }
        while (true) {
            long wait = takeOrWait(model);
            if (wait == 0) {
                return;
            }
            clock.sleep(wait);
        }
    }

    /** Takes a request slot if one is free now; never waits. */
    public boolean tryAcquireRequest(String model) {
        return model == null || requestsPerMinute(model) == Integer.MAX_VALUE || takeOrWait(model) == 0;
    }

    /** How long a request for this model would wait now (0: a slot is free). Takes nothing. */
    public synchronized long millisUntilRequest(String model) {
        if (model == null || requestsPerMinute(model) == Integer.MAX_VALUE) {
            return 0;
        }
        long now = clock.millis();
        Deque<Long> log = window(model, now);
        return log.size() < requestsPerMinute(model) ? 0 : Math.max(1, log.peekFirst() + WINDOW_MS - now);
    }

    /** Takes a generation slot if this model has one free. */
    public synchronized boolean tryAcquireGeneration(String model) {
        String key = key(model);
        int now = generating.getOrDefault(key, 0);
        if (now >= maxConcurrentGenerations(model)) {
            return false;
        }
        generating.put(key, now + 1);
        return true;
    }

    /** Gives a generation slot back (the take completed, failed or was given up). Extra releases are ignored. */
    public synchronized void releaseGeneration(String model) {
        String key = key(model);
        int now = generating.getOrDefault(key, 0);
        if (now <= 1) {
            generating.remove(key);
        } else {
            generating.put(key, now - 1);
        }
    }

    public synchronized int generationsInFlight(String model) {
        return generating.getOrDefault(key(model), 0);
    }

    /** 0 when a slot was taken, else how long until the oldest request of the window leaves it. */
    private synchronized long takeOrWait(String model) {
        long now = clock.millis();
        Deque<Long> log = window(model, now);
        if (log.size() < requestsPerMinute(model)) {
            log.addLast(now);
            return 0;
        }
        return Math.max(1, log.peekFirst() + WINDOW_MS - now);
    }

    private Deque<Long> window(String model, long now) {
        Deque<Long> log = sent.computeIfAbsent(key(model), k -> new ArrayDeque<>());
        while (!log.isEmpty() && log.peekFirst() <= now - WINDOW_MS) {
            log.removeFirst();
        }
        return log;
    }

    /** The catalog entry, forgiving about case and about dated snapshots ("sora-2-2025-10-06" is sora-2). */
    private Optional<ModelSpec> spec(String model) {
        if (catalog == null || model == null) {
            return Optional.empty();
        }
        Optional<ModelSpec> spec = catalog.model(model);
        return spec.isPresent() ? spec : catalog.model(model.strip().replaceFirst("-\\d{4}-\\d{2}-\\d{2}$", ""));
    }

    private String key(String model) {
        return spec(model).map(ModelSpec::name).orElse(model == null ? "" : model.strip().toLowerCase(Locale.ROOT));
    }
}
