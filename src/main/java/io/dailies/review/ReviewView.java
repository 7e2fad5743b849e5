package io.dailies.review;

import io.dailies.core.Review;
import io.dailies.core.Verdict;
import java.time.Instant;

/**
 * A reviewer's verdict on a take, as the API answers it: who, when, from where (the console or a
 * reviewed workbook) and the notes. GET /api/takes/{id}/reviews lists them; a run's takes carry the latest.
 */
public record ReviewView(Long id, Verdict verdict, String reviewer, Review.Source source, String notes, Instant reviewedAt) {

    public static ReviewView of(Review r) {
        return new ReviewView(r.getId(), r.getVerdict(), r.getReviewer(), r.getSource(), r.getNotes(), r.getReviewedAt());
    }
}
