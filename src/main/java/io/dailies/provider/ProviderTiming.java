package io.dailies.provider;

/**
 * How a run waits on the provider: how often a take in flight (or a batch) is polled, and how long a
 * generation may take before it is given up. Read once, by {@link ProviderConfiguration}.
 */
public record ProviderTiming(long pollIntervalMs, long generationTimeoutSeconds) {

    public ProviderTiming {
        if (pollIntervalMs <= 0 || generationTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("dailies.provider.poll-interval-ms and generation-timeout-s must be positive");
        }
    }
}
