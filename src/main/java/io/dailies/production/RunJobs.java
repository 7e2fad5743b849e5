package io.dailies.production;

import io.dailies.core.Run;
import io.dailies.platform.ApiProblem;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.Properties;

/**
 * Starts and restarts a run's render-run job. Both run outside any JTA transaction: the run is committed
 * in a transaction of its own before its job can look for it, and the job operator is called with no
 * transaction open, so it never shares one with the rows the job itself changes.
 */
@ApplicationScoped
public class RunJobs {

    /** A run begun by a start or restart, and the job execution that carries it. */
    public record Started(long runId, long jobExecutionId) {
    }

    @Inject
    RunService runs;

    @Inject
    RunViews views;

    /**
     * Registers a run of the project's active shots (its own transaction: 404, 400, 409 for no shots or over
     * budget) and starts its job; the job records its execution id itself (beforeJob), so no two transactions
     * race on the run's row.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Started start(long projectId, RunOptions options) {
        Run.Mode mode = options.chosenMode();
        Run registered = runs.register(projectId,
                options.concurrency() == null ? runs.defaultConcurrency() : options.concurrency(),
                options.judge() == null ? runs.judgeByDefault() : options.judge(),
                mode, options.scheduled(), options.allowOverBudget(), options.shots());
        return new Started(registered.getId(), runs.startJob(registered.getId()));
    }

    /**
     * Restarts a FAILED or STOPPED run from its last checkpoint: takes already with the provider are polled,
     * not sent again; scored takes are kept. 404 when there is no such run, 409 when it is in another state.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Started restart(long runId) {
        Run run = views.find(runId);
        if (run.getStatus() != Run.Status.FAILED && run.getStatus() != Run.Status.STOPPED) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Run " + runId + " is " + run.getStatus()
                    + "; only a FAILED or STOPPED run can be restarted.");
        }
        if (run.getAbandonedAt() != null) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Run " + runId + " was abandoned by " + run.getAbandonedBy() + " at "
                    + run.getAbandonedAt() + "; start a new run of the project to render its shots again.");
        }
        Properties params = new Properties();
        params.setProperty("runId", Long.toString(runId));
        // Queued again at once, so whoever looks next sees the restart, not the failure it answers.
        runs.setStatus(runId, Run.Status.QUEUED, null);
        try {
            return new Started(runId, BatchRuntime.getJobOperator().restart(run.getJobExecutionId(), params));
        } catch (RuntimeException e) {
            runs.setStatus(runId, run.getStatus(), "The restart was refused: " + e.getMessage());
            throw e;
        }
    }

    /**
     * Asks a QUEUED or RUNNING run's job to stop: no new take is sent; takes already with the provider keep their
     * record (a restart polls them, never pays twice), and the run ends STOPPED at the job's next check. 404 when there
     * is no such run, 409 when it has ended or its job has not started yet.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public RunView stop(long runId) {
        Run run = views.find(runId);
        if (run.getStatus() != Run.Status.QUEUED && run.getStatus() != Run.Status.RUNNING) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Run " + runId + " is " + run.getStatus()
                    + "; only a QUEUED or RUNNING run can be stopped.");
        }
        if (run.getJobExecutionId() == null) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Run " + runId + "'s job has not started yet; ask again in a moment.");
        }
        try {
            BatchRuntime.getJobOperator().stop(run.getJobExecutionId());
        } catch (jakarta.batch.operations.JobExecutionNotRunningException e) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Run " + runId + "'s job is no longer running.");
        }
        return views.of(runId);
    }

    /**
     * Gives up a STOPPED or FAILED run for good: its job execution is marked ABANDONED in the job repository and the
     * run can no longer be restarted. Takes it finished stay; shots it left unrendered wait for a new run
     * ({@code only=unrendered}). 409 when the run is in another state or abandoned already.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public RunView abandon(long runId, String by) {
        Run run = views.find(runId);
        if (run.getStatus() != Run.Status.FAILED && run.getStatus() != Run.Status.STOPPED || run.getAbandonedAt() != null) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Run " + runId + " is " + run.getStatus()
                    + (run.getAbandonedAt() != null ? " and abandoned already" : "") + "; only a STOPPED or FAILED run can be abandoned"
                    + " (stop a running one first).");
        }
        if (run.getJobExecutionId() != null) {
            try {
                BatchRuntime.getJobOperator().abandon(run.getJobExecutionId());
            } catch (jakarta.batch.operations.JobExecutionIsRunningException e) {
                throw ApiProblem.of(Response.Status.CONFLICT, "Run " + runId + "'s job is still winding down; ask again in a moment.");
            }
        }
        runs.abandon(runId, by);
        return views.of(runId);
    }
}
