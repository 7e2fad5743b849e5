package io.dailies.production;

import io.dailies.prompt.CostEstimate;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a run of a project's active shots would cost, as GET /api/projects/{id}/estimate answers it: per
 * shot and in total, at the synchronous price and with the Batch API, in USD.
 *
 * @param shots    one line per shot the catalog can price
 * @param unpriced the shots it cannot ("SEQ-SHOT"), left out of the totals
 */
public record EstimateView(List<Line> shots, List<String> unpriced, BigDecimal totalSyncUsd, BigDecimal totalBatchUsd) {

    /** One shot's takes: {@code shot} is "SEQ-SHOT". */
    public record Line(String shot, String model, String size, int seconds, int takes, BigDecimal syncUsd,
                       BigDecimal batchUsd) {
    }

    static EstimateView of(CostEstimate e) {
        return new EstimateView(e.lines().stream()
                .map(l -> new Line(l.shot(), l.model(), l.size(), l.seconds(), l.takes(), l.sync(), l.batch())).toList(),
                e.unpriced(), e.totalSync(), e.totalBatch());
    }
}
