package io.dailies.console;

import java.time.Instant;

/**
 * One execution of a Dailies job as GET /api/jobs answers it.
 *
 * @param job         "shotlist-import" or "render-run"
 * @param batchStatus the job repository's status, e.g. STARTED, COMPLETED, FAILED
 * @param exitStatus  the job's exit status; null until it has one
 * @param parameters  the job parameters as the job operator prints them, e.g. "{runId=12}"; null without
 * @param start       null until it started
 * @param end         null until it ended
 */
public record JobView(String job, long instanceId, long executionId, String batchStatus, String exitStatus,
                      String parameters, Instant start, Instant end) {
}
