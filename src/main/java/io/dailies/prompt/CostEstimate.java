package io.dailies.prompt;

import io.dailies.provider.catalog.BillingMode;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.provider.catalog.ModelSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a run costs, shot by shot and in total, at the synchronous price and at the Batch API price, in
 * USD, from the model catalog's per-second prices ({@link ModelSpec#cost}). Amounts are exact
 * ({@link BigDecimal}); {@link #usd} rounds to cents for display. Shots the catalog cannot price (an
 * unknown model or a size the model does not render) are listed in {@code unpriced} and left out of the
 * totals: the linter blocks them anyway.
 *
 * @param lines        one per priced shot, in the order given
 * @param unpriced     labels of the shots that could not be priced
 * @param totalSync    sum of the lines at the synchronous price
 * @param totalBatch   sum of the lines at the Batch API price
 * @param totalSeconds seconds of video generated, takes included
 */
public record CostEstimate(List<Line> lines, List<String> unpriced, BigDecimal totalSync, BigDecimal totalBatch,
                           int totalSeconds) {

    /**
     * One shot's cost.
     *
     * @param shot    the shot's label
     * @param takes   how many takes are generated (the guide suggests 3-5 variants at first)
     * @param sync    cost of all takes at the synchronous price
     * @param batch   cost of all takes at the Batch API price
     */
    public record Line(String shot, String model, String size, int seconds, int takes, BigDecimal sync, BigDecimal batch) {

        /** What choosing the Batch API saves on this shot. */
        public BigDecimal batchSavings() {
            return sync.subtract(batch);
        }
    }

    /** A shot to price: its label, its parameters and how many takes to generate. */
    public record Item(String shot, VideoParameters parameters, int takes) {
        public Item {
            if (takes < 1) {
                throw new IllegalArgumentException("takes must be at least 1: " + takes);
            }
        }

        public Item(String shot, VideoParameters parameters) {
            this(shot, parameters, 1);
        }
    }

    public CostEstimate {
        lines = List.copyOf(lines);
        unpriced = List.copyOf(unpriced);
    }

    /** The cost of one shot's takes; empty when the catalog cannot price it. */
    public static Optional<Line> shot(ModelCatalog catalog, String label, VideoParameters p, int takes) {
        Optional<ModelSpec> m = catalog.model(p.model());
        if (m.isEmpty() || !m.get().allowsSize(p.size()) || p.seconds() <= 0) {
            return Optional.empty();
        }
        BigDecimal n = BigDecimal.valueOf(takes);
        return Optional.of(new Line(label, m.get().name(), p.size(), p.seconds(), takes,
                m.get().cost(p.size(), p.seconds(), BillingMode.SYNC).multiply(n),
                m.get().cost(p.size(), p.seconds(), BillingMode.BATCH).multiply(n)));
    }

    /** The cost of a run of these shots. */
    public static CostEstimate of(ModelCatalog catalog, List<Item> items) {
        List<Line> lines = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        BigDecimal sync = BigDecimal.ZERO;
        BigDecimal batch = BigDecimal.ZERO;
        int seconds = 0;
        for (Item item : items) {
            Optional<Line> line = shot(catalog, item.shot(), item.parameters(), item.takes());
            if (line.isEmpty()) {
                unpriced.add(item.shot());
                continue;
            }
            lines.add(line.get());
            sync = sync.add(line.get().sync());
            batch = batch.add(line.get().batch());
            seconds += line.get().seconds() * line.get().takes();
        }
        return new CostEstimate(lines, unpriced, sync, batch, seconds);
    }

    /** The total for one way of paying. */
    public BigDecimal total(BillingMode mode) {
        return mode == BillingMode.BATCH ? totalBatch : totalSync;
    }

    /** What running the whole run through the Batch API saves. */
    public BigDecimal batchSavings() {
        return totalSync.subtract(totalBatch);
    }

    /** "$12.40": rounded half-up to cents. */
    public static String usd(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A plain-text table, one line per shot and a total: deterministic, for logs and reports. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("shot\tmodel\tsize\tseconds\ttakes\tsync\tbatch\n");
        for (Line l : lines) {
            sb.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%d\t%d\t%s\t%s\n", l.shot(), l.model(), l.size(), l.seconds(),
                    l.takes(), usd(l.sync()), usd(l.batch())));
        }
        sb.append(String.format(Locale.ROOT, "total\t\t\t%d\t\t%s\t%s\n", totalSeconds, usd(totalSync), usd(totalBatch)));
        for (String u : unpriced) {
            sb.append("unpriced\t").append(u).append('\n');
        }
        return sb.toString();
    }
}
