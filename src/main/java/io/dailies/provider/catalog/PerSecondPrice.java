package io.dailies.provider.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/** USD per second of generated video, for one model at one size. */
public record PerSecondPrice(BigDecimal sync, BigDecimal batch) {

    public PerSecondPrice {
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(batch, "batch");
        if (sync.signum() < 0 || batch.signum() < 0) {
            throw new IllegalArgumentException("prices cannot be negative: sync " + sync + ", batch " + batch);
        }
    }

    public BigDecimal forMode(BillingMode mode) {
        return mode == BillingMode.BATCH ? batch : sync;
    }
}
