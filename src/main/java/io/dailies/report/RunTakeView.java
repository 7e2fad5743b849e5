package io.dailies.report;

import io.dailies.core.Review;
import io.dailies.core.Score;
import io.dailies.core.Take;
import io.dailies.core.TakeResult;
import io.dailies.core.Verdict;
import io.dailies.review.ReviewView;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One take of a run (GET /api/runs/{id}/takes): its shot (id, sequence and shot codes) and status, the ledger's times (intent committed,
 * accepted by the provider, take stored), what it cost, its scores (null until scored), the latest review
 * (null when none) and the verdict that counts: the reviewer's over the automated one.
 */
public record RunTakeView(Long id, long shotId, String sequence, String shot, Take.Status status, String videoId, String failure,
                          Instant intentAt, Instant submittedAt, Instant storedAt, BigDecimal costUsd,
                          ScoreView score, ReviewView review, Verdict verdict) {

    static RunTakeView of(Take t, Score s, Review r) {
        return new RunTakeView(t.getId(), t.getShot().getId(), t.getShot().getSequence().getCode(), t.getShot().getCode(), t.getStatus(),
                t.getVideoId(), t.getFailure(), t.getIntentAt(), t.getSubmittedAt(), t.getCompletedAt(),
                TakeResult.charged(t), s == null ? null : ScoreView.of(s), r == null ? null : ReviewView.of(r),
                Verdict.effective(s, r));
    }
}
