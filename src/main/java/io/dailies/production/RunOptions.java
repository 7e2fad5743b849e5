package io.dailies.production;

import io.dailies.core.Run;
import io.dailies.platform.ApiProblem;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * How POST /api/projects/{id}/runs asks for a run, from its query parameters; null where the request
 * leaves it to the defaults.
 *
 * @param concurrency     takes in flight at once (default dailies.run.concurrency)
 * @param judge           whether a judge model also scores (default dailies.judge.enabled)
 * @param mode            "sync", "batch" or "auto" (any case; null or blank is auto: the default rule)
 * @param scheduled       started by the schedule rather than a person
 * @param allowOverBudget start it even past the project's budget
 * @param shots           the shots picked to render (a JSON body {"shots": [ids]}); empty: every active shot
 */
public record RunOptions(Integer concurrency, Boolean judge, String mode, boolean scheduled, boolean allowOverBudget,
                         java.util.List<Long> shots) {

    public RunOptions(Integer concurrency, Boolean judge, String mode, boolean scheduled, boolean allowOverBudget) {
        this(concurrency, judge, mode, scheduled, allowOverBudget, java.util.List.of());
    }

    /** The mode asked for, or null for the default rule; 400 when it is none of sync, batch or auto. */
    Run.Mode chosenMode() {
        if (mode == null || mode.isBlank() || mode.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Run.Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "mode must be sync, batch or auto, was '" + mode + "'.");
        }
    }
}
