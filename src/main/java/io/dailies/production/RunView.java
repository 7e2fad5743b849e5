package io.dailies.production;

import io.dailies.core.Run;
import io.dailies.core.RunBatch;
import io.dailies.core.Take;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run and how far it got, as /api/runs, /api/runs/{id} and the start and restart of a run answer it.
 *
 * @param status         QUEUED, RUNNING, COMPLETED, FAILED or STOPPED
 * @param mode           "sync" or "batch"
 * @param total          how many takes the run has (at least as many as it planned)
 * @param done           how many of them are finished, scored or failed
 * @param takes          how many takes are in each status, e.g. {"SCORED": 3, "FAILED": 1}; only those with takes
 * @param jobExecutionId the job execution carrying the run; a start or restart answers with the one it began
 * @param report         the report's path once it is written; null before
 * @param batches        its Batch API jobs, only in GET /api/runs/{id} (absent, not null, elsewhere)
 * @param abandonedAt    when a producer abandoned the stopped or failed run (it is never restarted); null if not
 * @param abandonedBy    who abandoned it
 */
public record RunView(long id, long projectId, String project, String status, int concurrency, boolean judge,
                      String mode, boolean scheduled, long total, long done, Map<String, Long> takes,
                      Long jobExecutionId, Instant createdAt, Instant finishedAt, String failure, String report,
                      @JsonbNillable(false) List<BatchView> batches, Instant abandonedAt, String abandonedBy) {

    /**
     * One Batch API job of the run (its takes, or its judge requests) and where it stands at the provider.
     *
     * @param purpose "render" or "judge"
     */
    public record BatchView(String purpose, String inputFileId, String batchId, String status, int total,
                            int completed, int failed, boolean collected) {

        static BatchView of(RunBatch b) {
            return new BatchView(b.getPurpose().name().toLowerCase(Locale.ROOT), b.getInputFileId(), b.getBatchId(),
                    b.getStatus(), b.getTotal(), b.getCompleted(), b.getFailed(), b.isCollected());
        }
    }

    /** The run with its take counts by status; the run's project must be loaded. */
    static RunView of(Run run, Map<Take.Status, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long done = counts.getOrDefault(Take.Status.SCORED, 0L) + counts.getOrDefault(Take.Status.FAILED, 0L);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (Take.Status s : Take.Status.values()) {
            if (counts.containsKey(s)) {
                byStatus.put(s.name(), counts.get(s));
            }
        }
        return new RunView(run.getId(), run.getProject().getId(), run.getProject().getName(), run.getStatus().name(),
                run.getConcurrency(), run.isJudge(), run.getMode().name().toLowerCase(Locale.ROOT), run.isScheduled(),
                Math.max(total, run.getTotalTakes()), done, byStatus, run.getJobExecutionId(), run.getCreatedAt(),
                run.getFinishedAt(), run.getFailure(),
                run.getReportFile() == null ? null : "/api/runs/" + run.getId() + "/report", null, run.getAbandonedAt(),
                run.getAbandonedBy());
    }

    /** The same run, answered with the job execution a start or restart has just begun. */
    RunView startedAs(long execution) {
        return new RunView(id, projectId, project, status, concurrency, judge, mode, scheduled, total, done, takes,
                execution, createdAt, finishedAt, failure, report, batches, abandonedAt, abandonedBy);
    }

    /** The same run with its Batch API jobs. */
    RunView withBatches(List<BatchView> jobs) {
        return new RunView(id, projectId, project, status, concurrency, judge, mode, scheduled, total, done, takes,
                jobExecutionId, createdAt, finishedAt, failure, report, List.copyOf(jobs), abandonedAt, abandonedBy);
    }
}
