package io.dailies.scoring;

import io.dailies.ApiProblem;
import io.dailies.JsonOut;
import io.dailies.production.Take;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reviews typed into the dailies report in Excel: POST /api/runs/{runId}/reviews with the edited report
 * (part 'file') and who reviewed (part 'reviewer'). A row whose Verdict or Reviewer notes differ from
 * what Dailies has becomes a review. Any bad cell refuses the whole upload, so nothing is half-recorded.
 */
@Path("runs/{runId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class RunReviewsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Reviews reviews;

    @Inject
    RunScores runScores;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional
    public Response upload(@PathParam("runId") long runId, @FormParam("file") EntityPart file,
                           @FormParam("reviewer") String reviewer) throws IOException {
        if (file == null) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "Send the edited report as the multipart part named 'file'.");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "'reviewer' is required: who reviewed these takes.");
        }
        ApiProblem.require(reviewer.strip().length() <= 200, "'reviewer' is longer than 200 characters.");
        ReviewedWorkbook.Result read;
        try (InputStream in = file.getContent()) {
            read = ReviewedWorkbook.read(in);
        }
        Map<String, Take> takes = new HashMap<>();
        for (Take t : em.createNamedQuery("Take.byRun", Take.class).setParameter("runId", runId).getResultList()) {
            takes.put(key(t.getShot().getSequence().getCode(), t.getShot().getCode()), t);
        }
        if (takes.isEmpty()) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "Run " + runId + " has no takes.");
        }
        JsonArrayBuilder problems = Json.createArrayBuilder();
        read.problems().forEach(p -> problems.add(problem(p)));
        int problemCount = read.problems().size();
        for (ReviewedWorkbook.RowReview row : read.rows()) {
            if (!takes.containsKey(key(row.sequence(), row.shot()))) {
                problems.add(problem(new ReviewedWorkbook.Problem(ReviewedWorkbook.SHEET, row.row(), null, "Shot", row.shot(),
                        "No shot '" + row.shot() + "' of sequence '" + row.sequence() + "' in run " + runId + ".")));
                problemCount++;
            }
        }
        if (problemCount > 0) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Json.createObjectBuilder()
                    .add("status", 400).add("title", "Bad Request")
                    .add("detail", problemCount + " problem(s) in the uploaded report; no review was recorded.")
                    .add("problems", problems).build().toString()).build();
        }
        Map<Long, Review> latest = reviews.latestByTake(runId);
        Map<Long, Score> scores = runScores.byTake(runId);
        int recorded = 0;
        int unchanged = 0;
        for (ReviewedWorkbook.RowReview row : read.rows()) {
            Take take = takes.get(key(row.sequence(), row.shot()));
            Review last = latest.get(take.getId());
            Score score = scores.get(take.getId());
            String current = last != null ? last.getVerdict().name() : score == null ? null : score.getVerdict();
            boolean verdictChanged = row.verdict() != null && !row.verdict().name().equals(current);
            if (row.notes() != null && row.notes().length() > 4000) {
                throw ApiProblem.of(Response.Status.BAD_REQUEST, "Reviewer notes in row " + row.row() + " are longer than 4000 characters.");
            }
            boolean notesChanged = !Objects.equals(row.notes(), last == null ? null : last.getNotes());
            if (!verdictChanged && !notesChanged) {
                unchanged++;
                continue;
            }
            var verdict = row.verdict() != null ? row.verdict()
                    : current != null ? io.dailies.scoring.media.Verdict.valueOf(current) : io.dailies.scoring.media.Verdict.REVIEW;
            reviews.add(take.getId(), verdict, row.notes(), reviewer.strip(), Review.Source.WORKBOOK);
            recorded++;
        }
        return Response.ok(Json.createObjectBuilder().add("reviewsRecorded", recorded).add("unchanged", unchanged)
                .add("problems", Json.createArrayBuilder()).build().toString()).build();
    }

    private static JsonObjectBuilder problem(ReviewedWorkbook.Problem p) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        JsonOut.add(o, "sheet", p.sheet());
        o.add("row", p.row());
        JsonOut.add(o, "column", p.column());
        JsonOut.add(o, "field", p.field());
        JsonOut.add(o, "value", p.value());
        return o.add("message", p.message());
    }

    private static String key(String sequence, String shot) {
        return sequence.strip().toLowerCase(Locale.ROOT) + "\u0000" + shot.strip().toLowerCase(Locale.ROOT);
    }
}
