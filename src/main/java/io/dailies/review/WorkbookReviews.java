package io.dailies.review;

import io.dailies.core.Review;
import io.dailies.core.Score;
import io.dailies.core.Take;
import io.dailies.core.Verdict;
import io.dailies.platform.ApiProblem;
import io.dailies.scoring.RunScores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reviews typed into a run's dailies report in Excel: each row whose Verdict or Reviewer notes differ from
 * what Dailies has (the latest review, else the automated verdict) becomes a review. Any bad cell refuses
 * the whole upload, so nothing is half-recorded.
 */
@ApplicationScoped
public class WorkbookReviews {

    @PersistenceContext
    EntityManager em;

    @Inject
    Reviews reviews;

    @Inject
    RunScores runScores;

    /** What an upload came to: reviews recorded and rows unchanged, or the problems that refused it. */
    public record Outcome(int recorded, int unchanged, List<ReportProblem> problems) {

        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    /**
     * Reads the edited report and records its reviews, all in one transaction: a row that fails (notes
     * too long) rolls back the rows recorded before it. 404 when the run has no takes.
     *
     * @param reviewer who reviewed, stripped
     */
    @Transactional
    public Outcome record(long runId, InputStream workbook, String reviewer) {
        ReviewedWorkbook.Result read = ReviewedWorkbook.read(workbook);
        Map<String, Take> takes = new HashMap<>();
        for (Take t : em.createNamedQuery("Take.byRun", Take.class).setParameter("runId", runId).getResultList()) {
            takes.put(key(t.getShot().getSequence().getCode(), t.getShot().getCode()), t);
        }
        if (takes.isEmpty()) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "Run " + runId + " has no takes.");
        }
        List<ReportProblem> problems = new ArrayList<>();
        read.problems().forEach(p -> problems.add(ReportProblem.of(p)));
        for (ReviewedWorkbook.RowReview row : read.rows()) {
            if (!takes.containsKey(key(row.sequence(), row.shot()))) {
                problems.add(new ReportProblem(ReviewedWorkbook.SHEET, row.row(), null, "Shot", row.shot(),
                        "No shot '" + row.shot() + "' of sequence '" + row.sequence() + "' in run " + runId + "."));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(0, 0, List.copyOf(problems));
        }
        Map<Long, Review> latest = reviews.latestByTake(runId);
        Map<Long, Score> scores = runScores.byTake(runId);
        int recorded = 0;
        int unchanged = 0;
        for (ReviewedWorkbook.RowReview row : read.rows()) {
            Take take = takes.get(key(row.sequence(), row.shot()));
            Review last = latest.get(take.getId());
            Score score = scores.get(take.getId());
            Verdict current = Verdict.effective(score, last);
            boolean verdictChanged = row.verdict() != null && row.verdict() != current;
            if (row.notes() != null && row.notes().length() > 4000) {
                throw ApiProblem.of(Response.Status.BAD_REQUEST, "Reviewer notes in row " + row.row() + " are longer than 4000 characters.");
            }
            boolean notesChanged = !Objects.equals(row.notes(), last == null ? null : last.getNotes());
            if (!verdictChanged && !notesChanged) {
                unchanged++;
                continue;
            }
            Verdict verdict = row.verdict() != null ? row.verdict() : current != null ? current : Verdict.REVIEW;
            reviews.add(take.getId(), verdict, row.notes(), reviewer, Review.Source.WORKBOOK);
            recorded++;
        }
        return new Outcome(recorded, unchanged, List.of());
    }

    private static String key(String sequence, String shot) {
        return sequence.strip().toLowerCase(Locale.ROOT) + "\u0000" + shot.strip().toLowerCase(Locale.ROOT);
    }
}
