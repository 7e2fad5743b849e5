package io.dailies.production;

import io.dailies.ApiProblem;
import io.dailies.JsonOut;
import io.dailies.report.RunReports;
import io.dailies.scoring.Review;
import io.dailies.scoring.Reviews;
import io.dailies.scoring.RunScores;
import io.dailies.scoring.ReviewsResource;
import io.dailies.scoring.Score;
import jakarta.json.JsonValue;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

    @Inject
    RunReports reports;

    @Inject
    Reviews reviews;

    @Inject
    RunScores runScores;

    @Inject
    RunBatches runBatches;

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
        // A batch run's Batch API jobs: where each stands at the provider (its checkpoint).
        JsonArrayBuilder jobs = Json.createArrayBuilder();
        for (RunBatch b : runBatches.ofRun(id)) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("purpose", b.getPurpose().name().toLowerCase(java.util.Locale.ROOT));
            JsonOut.add(o, "inputFileId", b.getInputFileId());
            JsonOut.add(o, "batchId", b.getBatchId());
            JsonOut.add(o, "status", b.getStatus());
            o.add("total", b.getTotal()).add("completed", b.getCompleted()).add("failed", b.getFailed()).add("collected", b.isCollected());
            jobs.add(o);
        }
        return Json.createObjectBuilder(json(run, runs.takeCounts(id))).add("batches", jobs).build().toString();
    }

    /**
     * Restarts a FAILED or STOPPED run from its last checkpoint: takes already with the provider are
     * polled, not sent again; scored takes are kept.
     */
    @POST
    @Path("{id}/restart")
    @Consumes(MediaType.WILDCARD)
    public Response restart(@PathParam("id") long id) {
        Run run = find(id);
        if (run.getStatus() != Run.Status.FAILED && run.getStatus() != Run.Status.STOPPED) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Run " + id + " is " + run.getStatus() + "; only a FAILED or STOPPED run can be restarted.");
        }
        java.util.Properties params = new java.util.Properties();
        params.setProperty("runId", Long.toString(id));
        long execution = jakarta.batch.runtime.BatchRuntime.getJobOperator().restart(run.getJobExecutionId(), params);
        return Response.accepted(Json.createObjectBuilder(json(runs.find(id), runs.takeCounts(id)))
                .add("jobExecutionId", execution).build().toString()).build();
    }

    /** The run's takes with their scores, the automated verdict, the latest review and the verdict that counts. */
    @GET
    @Path("{id}/takes")
    public String takes(@PathParam("id") long id) {
        find(id);
        Map<Long, Score> scores = runScores.byTake(id);
        Map<Long, Review> reviewed = reviews.latestByTake(id);
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Take t : runs.takes(id)) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("id", t.getId())
                    .add("sequence", t.getShot().getSequence().getCode())
                    .add("shot", t.getShot().getCode())
                    .add("status", t.getStatus().name());
            JsonOut.add(o, "videoId", t.getVideoId());
            JsonOut.add(o, "failure", t.getFailure());
            // The ledger's times: intent committed, accepted by the provider, take stored.
            JsonOut.add(o, "intentAt", t.getIntentAt());
            JsonOut.add(o, "submittedAt", t.getSubmittedAt());
            JsonOut.add(o, "storedAt", t.getCompletedAt());
            JsonOut.add(o, "costUsd", io.dailies.report.RunReports.charged(t));
            Score s = scores.get(t.getId());
            Review r = reviewed.get(t.getId());
            if (s != null) {
                JsonObjectBuilder score = Json.createObjectBuilder();
                JsonOut.add(score, "promptAdherence", s.getPromptAdherence());
                JsonOut.add(score, "motionQuality", s.getMotionQuality());
                JsonOut.add(score, "physicalRealism", s.getPhysicalRealism());
                JsonOut.add(score, "continuity", s.getContinuity());
                JsonOut.add(score, "audioSync", s.getAudioSync());
                JsonOut.add(score, "overall", s.getOverall());
                JsonOut.add(score, "verdict", s.getVerdict());
                JsonOut.add(score, "judgePromptAdherence", s.getJudgePromptAdherence());
                JsonOut.add(score, "judgePhysicalRealism", s.getJudgePhysicalRealism());
                o.add("score", score);
            } else {
                o.addNull("score");
            }
            o.add("review", r == null ? JsonValue.NULL : ReviewsResource.json(r));
            String verdict = r != null ? r.getVerdict().name() : s == null ? null : s.getVerdict();
            JsonOut.add(o, "verdict", verdict);
            all.add(o);
        }
        return all.build().toString();
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
                .add("judge", run.isJudge())
                .add("mode", run.getMode().name().toLowerCase(java.util.Locale.ROOT))
                .add("scheduled", run.isScheduled())
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
