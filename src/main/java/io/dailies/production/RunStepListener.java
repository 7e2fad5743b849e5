package io.dailies.production;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * When a step of a run fails, notes why on the run in the step's own words (for example that the provider
 * could not say for ten rounds whether a take was made, and what to do), so the producer reads the reason,
 * not a bare FAILED.
 */
@Dependent
@Named("runStepListener")
public class RunStepListener extends AbstractStepListener {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    StepContext step;

    @Inject
    RunService runs;

    @Override
    public void afterStep() {
        Exception failed = step.getException();
        if (failed == null) {
            return;
        }
        Throwable cause = failed;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        runs.noteFailure(Long.parseLong(runId), "Step " + step.getStepName() + " failed: " + why);
    }
}
