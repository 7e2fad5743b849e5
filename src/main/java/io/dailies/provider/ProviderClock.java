package io.dailies.provider;

/**
 * Time as the provider client sees it: the rate limiter's window and the retry pauses. Tests pass a
 * clock whose sleep only moves its time forward, so a minute of rate limiting takes no real minute.
 */
public interface ProviderClock {

    ProviderClock SYSTEM = new ProviderClock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            if (millis > 0) {
                Thread.sleep(millis);
            }
        }
    };

    long millis();

    /** Waits this long; interruptible. */
    void sleep(long millis) throws InterruptedException;
}
