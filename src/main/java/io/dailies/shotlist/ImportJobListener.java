package io.dailies.shotlist;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Records which execution carries the import, and leaves the import FAILED (restartable) when the job fails
 * for reasons of its own, not the producer's data.
 */
@Dependent
@Named("importJobListener")
public class ImportJobListener extends AbstractJobListener {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    JobContext job;

    @Inject
    ImportService imports;

    @Override
    public void beforeJob() {
        imports.recordExecution(Long.parseLong(importId), job.getExecutionId());
    }

    @Override
    public void afterJob() {
        if (job.getBatchStatus() == BatchStatus.FAILED || job.getBatchStatus() == BatchStatus.STOPPED) {
            imports.fail(Long.parseLong(importId), "The import job " + job.getBatchStatus().name().toLowerCase()
                    + (job.getExitStatus() == null ? "" : ": " + job.getExitStatus()));
            return; // a restart loads from the checked rows
        }
        // Completed or rejected: the checked rows have served.
        try {
            java.nio.file.Files.deleteIfExists(CheckedRows.of(imports.find(Long.parseLong(importId)).getStoredPath()));
        } catch (java.io.IOException | RuntimeException e) {
            java.util.logging.Logger.getLogger(ImportJobListener.class.getName()).warning(
                    "Import " + importId + ": its checked rows could not be deleted: " + e);
        }
    }
}
