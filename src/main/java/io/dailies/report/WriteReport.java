package io.dailies.report;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Last step of a run: the dailies report, written to the storage folder and linked from the run. */
@Dependent
@Named("writeReport")
public class WriteReport extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    RunReports reports;

    @Override
    public String process() {
        reports.write(Long.parseLong(runId));
        return "REPORTED";
    }
}
