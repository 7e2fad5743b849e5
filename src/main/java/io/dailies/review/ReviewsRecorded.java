package io.dailies.review;

import java.util.List;

/**
 * What an uploaded report came to: the reviews it recorded, the rows that said what Dailies already had,
 * and its problems (none: a report with problems is refused, see {@link RefusedReport}).
 */
public record ReviewsRecorded(int reviewsRecorded, int unchanged, List<ReportProblem> problems) {
}
