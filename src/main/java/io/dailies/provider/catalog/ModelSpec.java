package io.dailies.provider.catalog;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one video model accepts and costs, as configured in {@code model-catalog.json}.
 *
 * @param name                     API model name, e.g. "sora-2"
 * @param sizes                    allowed "WIDTHxHEIGHT" sizes, in catalog order
 * @param seconds                  allowed clip lengths in seconds, in catalog order
 * @param maxCharacters            character references allowed per generation
 * @param maxPromptLength          longest prompt accepted, in characters
 * @param pricePerSecond           price per second of video, by size (every allowed size is priced)
 * @param requestsPerMinute        request rate the account may use for this model
 * @param maxConcurrentGenerations generations that may run at once
 * @param defaultSize              size used when a shot leaves Size blank
 * @param defaultSeconds           length used when a shot leaves Seconds blank
 */
public record ModelSpec(String name,
                        List<String> sizes,
                        List<Integer> seconds,
                        int maxCharacters,
                        int maxPromptLength,
                        Map<String, PerSecondPrice> pricePerSecond,
                        int requestsPerMinute,
                        int maxConcurrentGenerations,
                        String defaultSize,
                        int defaultSeconds) {

    public ModelSpec {
        Objects.requireNonNull(name, "name");
        sizes = List.copyOf(sizes);
        seconds = List.copyOf(seconds);
        pricePerSecond = Collections.unmodifiableMap(new LinkedHashMap<>(pricePerSecond));
        Objects.requireNonNull(defaultSize, "defaultSize");
    }

    /** Whether the model renders this size; expects the canonical "1280x720" form. */
    public boolean allowsSize(String size) {
        return sizes.contains(size);
    }

    public boolean allowsSeconds(int s) {
        return seconds.contains(s);
    }

    /** Price per second of video at this size. */
    public BigDecimal pricePerSecond(String size, BillingMode mode) {
        PerSecondPrice price = pricePerSecond.get(size);
        if (price == null) {
            throw new IllegalArgumentException(name + " does not render " + size + "; sizes: " + String.join(", ", sizes));
        }
        return price.forMode(mode);
    }

    /** What one take of this size and length costs in USD. */
    public BigDecimal cost(String size, int seconds, BillingMode mode) {
        return pricePerSecond(size, mode).multiply(BigDecimal.valueOf(seconds));
    }
}
