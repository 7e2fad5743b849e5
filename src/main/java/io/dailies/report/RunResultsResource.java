package io.dailies.report;

import io.dailies.core.Review;
import io.dailies.core.Run;
import io.dailies.core.Score;
import io.dailies.platform.ApiProblem;
import io.dailies.production.RunService;
import io.dailies.review.Reviews;
import io.dailies.scoring.RunScores;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** What a run came to: its takes with scores and reviews (GET /api/runs/{id}/takes) and its report workbook. */
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResultsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    RunService runs;

    @Inject
    RunReports reports;

    @Inject
    Reviews reviews;

    @Inject
    RunScores runScores;

    /** The run's takes with their scores, the automated verdict, the latest review and the verdict that counts. */
    @GET
    @Path("{id}/takes")
    public List<RunTakeView> takes(@PathParam("id") long id) {
        find(id);
        Map<Long, Score> scores = runScores.byTake(id);
        Map<Long, Review> reviewed = reviews.latestByTake(id);
        return runs.takes(id).stream().map(t -> RunTakeView.of(t, scores.get(t.getId()), reviewed.get(t.getId()))).toList();
    }

    @GET
    @Path("{id}/report")
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    public Response report(@PathParam("id") long id) {
        Run run = find(id);
        if (run.getReportFile() == null || !Files.exists(java.nio.file.Path.of(run.getReportFile()))) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Run " + id + " has no report yet (status " + run.getStatus()
                    + "); the report is written when the run completes.");
        }
        // Written afresh, so reviews given since the run finished are in it.
        java.nio.file.Path file = reports.write(id);
        return Response.ok(file.toFile(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"dailies-run-" + id + ".xlsx\"").build();
    }

    private Run find(long id) {
        Run run = runs.find(id);
        if (run == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No run " + id + ".");
        }
        return run;
    }
}
