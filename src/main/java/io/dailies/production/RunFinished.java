package io.dailies.production;

import io.dailies.core.Run;

/**
 * A CDI event: a run's job ended (COMPLETED, FAILED or STOPPED), fired after the run says so. Components
 * above production listen without production knowing them (the scheduler writes the morning dailies).
 */
public record RunFinished(long runId, Run.Status status) {
}
