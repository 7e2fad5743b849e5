package io.dailies.production;

import io.dailies.core.Run;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Mirrors the job's state on the run, which is what the console and the API show. */
@Dependent
@Named("runJobListener")
public class RunJobListener extends AbstractJobListener {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    JobContext job;

    @Inject
    RunService runs;

    @Inject
    jakarta.enterprise.event.Event<RunFinished> finished;

    @Override
    public void beforeJob() {
        runs.recordExecution(Long.parseLong(runId), job.getExecutionId());
        runs.setStatus(Long.parseLong(runId), Run.Status.RUNNING, null);
    }

    @Override
    public void afterJob() {
        BatchStatus status = job.getBatchStatus();
        Run.Status outcome = switch (status) {
            case COMPLETED -> Run.Status.COMPLETED;
            case STOPPED, STOPPING -> Run.Status.STOPPED;
            default -> Run.Status.FAILED;
        };
        // A failed step has noted why (RunStepListener); otherwise the job's exit status is all there is to say.
        runs.setStatus(Long.parseLong(runId), outcome,
                outcome == Run.Status.FAILED ? "The render job failed: " + job.getExitStatus() : null);
        // Whoever waits for the run (the scheduler's morning dailies) hears of it; their trouble is not the run's.
        try {
            finished.fire(new RunFinished(Long.parseLong(runId), outcome));
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(RunJobListener.class.getName())
                    .log(java.util.logging.Level.WARNING, "After run " + runId + " ended: " + e, e);
        }
    }
}
