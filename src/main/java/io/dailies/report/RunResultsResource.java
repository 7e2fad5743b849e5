package io.dailies.report;

import io.dailies.core.Run;
import io.dailies.core.Take;
import io.dailies.core.Verdict;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Filters;
import io.dailies.platform.PageRequest;
import io.dailies.platform.Paging;
import io.dailies.platform.Roles;
import io.dailies.platform.Storage;
import io.dailies.production.RunService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** What a run came to: its takes with scores and reviews (GET /api/runs/{id}/takes) and its report workbook. */
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class RunResultsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    RunService runs;

    @Inject
    RunReports reports;

    @Inject
    RunTakes takes;

    @Inject
    Storage storage;

    /**
     * The run's takes with their scores, the automated verdict, the latest review and the verdict that counts,
     * in shot order, a page at a time (?limit=, ?offset=; X-Total-Count and Link headers). Filters:
     * ?status=SCORED,FAILED (the take's status), ?verdict=RETAKE,REVIEW (the verdict that counts) and ?shot=12,13
     * (shot ids, up to 1000: a grid's page of shots).
     */
    @GET
    @Path("{id}/takes")
    public Response takes(@PathParam("id") long id, @BeanParam Paging paging, @QueryParam("status") String status,
                          @QueryParam("verdict") String verdict, @QueryParam("shot") String shot) {
        PageRequest page = paging.request();
        Set<Take.Status> statuses = Filters.anyOf("status", status, Take.Status.class);
        Set<Verdict> verdicts = Filters.anyOf("verdict", verdict, Verdict.class);
        Set<Long> shots = Filters.ids("shot", shot);
        find(id);
        return paging.answer(takes.page(id, page, statuses, verdicts, shots));
    }

    @GET
    @Path("{id}/report")
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    public Response report(@PathParam("id") long id) {
        Run run = find(id);
        if (run.getReportFile() == null || !Files.exists(storage.resolve(run.getReportFile()))) {
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
