package io.dailies.production;

import io.dailies.ApiProblem;
import io.dailies.JsonOut;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.util.Map;

/** Runs and their progress (GET /api/runs/{id}) and report (GET /api/runs/{id}/report). */
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    RunService runs;

    @GET
    public String list() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Run run : runs.recent(50)) {
            all.add(json(run, runs.takeCounts(run.getId())));
        }
        return all.build().toString();
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") long id) {
        Run run = find(id);
        return json(run, runs.takeCounts(id)).toString();
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
        java.nio.file.Path file = java.nio.file.Path.of(run.getReportFile());
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

    static JsonObject json(Run run, Map<Take.Status, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long done = counts.getOrDefault(Take.Status.SCORED, 0L) + counts.getOrDefault(Take.Status.FAILED, 0L);
        JsonObjectBuilder byStatus = Json.createObjectBuilder();
        counts.forEach((s, n) -> byStatus.add(s.name(), n));
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", run.getId())
                .add("projectId", run.getProject().getId())
                .add("project", run.getProject().getName())
                .add("status", run.getStatus().name())
                .add("concurrency", run.getConcurrency())
                .add("total", Math.max(total, run.getTotalTakes()))
                .add("done", done)
                .add("takes", byStatus);
        JsonOut.add(o, "jobExecutionId", run.getJobExecutionId());
        JsonOut.add(o, "createdAt", run.getCreatedAt());
        JsonOut.add(o, "finishedAt", run.getFinishedAt());
        JsonOut.add(o, "failure", run.getFailure());
        o.add("report", run.getReportFile() == null ? JsonObject.NULL : Json.createValue("/api/runs/" + run.getId() + "/report"));
        return o.build();
    }
}
