package io.dailies.provider;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock whose sleeps only move its own time forward and are remembered. */
final class FakeClock implements ProviderClock {

    private long now;
    final List<Long> sleeps = new CopyOnWriteArrayList<>();

    FakeClock(long start) {
        this.now = start;
    }

    @Override
    public synchronized long millis() {
        return now;
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(millis);
        synchronized (this) {
            now += millis;
        }
    }

    synchronized void advance(long millis) {
        now += millis;
    }

    long slept() {
        return sleeps.stream().mapToLong(Long::longValue).sum();
    }
}
