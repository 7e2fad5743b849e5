package io.dailies.production;

import io.dailies.platform.CrashPoints;
import io.dailies.core.RunBatch;
import io.dailies.provider.BatchJob;
import io.dailies.provider.ProviderBatches;
import io.dailies.provider.ProviderFile;
import io.dailies.provider.ProviderFiles;
import io.dailies.provider.Upload;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The provider side of a run's Batch API job, the same for its takes and its judge requests: the
 * input file uploaded and its id committed, a create intent committed, the batch created and its id
 * committed (each through {@link RunBatches}). A step whose answer was lost is found at the provider
 * (the file by its name, the batch by its input file) before it is done again, so nothing is paid twice.
 */
public final class BatchSubmission {

    private static final Logger LOG = Logger.getLogger(BatchSubmission.class.getName());

    private BatchSubmission() {
    }

    /**
     * Makes sure the checkpoint's batch exists at the provider.
     *
     * @param jsonl the input file, made only when it is not at the provider yet; null when there is nothing to send
     * @return the batch's id, or null when there was nothing to send
     */
    public static String ensureBatch(RunBatches checkpoints, long checkpointId, ProviderFiles files, ProviderBatches batches,
                                     String endpoint, Map<String, String> metadata, Supplier<Upload> jsonl) {
        RunBatch b = checkpoints.find(checkpointId);
        if (b.getBatchId() != null) {
            return b.getBatchId();
        }
        if (b.getInputFileId() == null) {
            // A crash after the upload but before its id was committed: the file is at the provider under our name.
            Optional<ProviderFile> earlier = files.find(b.getInputFileName(), ProviderFiles.BATCH);
            if (earlier.isPresent()) {
                checkpoints.recordInputFile(checkpointId, earlier.get().id());
            } else {
                Upload upload = jsonl.get();
                if (upload == null) {
                    return null;
                }
                // Uploading costs nothing: if its answer is lost, the next round finds it by name or uploads again.
                checkpoints.recordInputFile(checkpointId, files.upload(upload, ProviderFiles.BATCH).id());
            }
            b = checkpoints.find(checkpointId);
            CrashPoints.reach("batch.after-upload");
        }
        if (b.getCreateIntentAt() != null) {
            Optional<BatchJob> earlier = batches.findByInputFile(b.getInputFileId());
            if (earlier.isPresent()) {
                LOG.info(() -> "Run batch " + checkpointId + ": adopted " + earlier.get().id() + " found at the provider");
                checkpoints.recordBatch(checkpointId, earlier.get().id(), earlier.get().status());
                return earlier.get().id();
            }
        }
        checkpoints.recordCreateIntent(checkpointId);
        BatchJob job = batches.create(b.getInputFileId(), endpoint, ProviderBatches.WINDOW_24H, metadata,
                "dailies-batch-" + b.getInputFileName());
        CrashPoints.reach("batch.after-create");
        checkpoints.recordBatch(checkpointId, job.id(), job.status());
        return job.id();
    }

    /** Where the batch stands at the provider, committed to the checkpoint. */
    public static BatchJob poll(RunBatches checkpoints, long checkpointId, ProviderBatches batches, String batchId) {
        BatchJob job = batches.retrieve(batchId);
        checkpoints.recordProgress(checkpointId, job.status(), job.requestCounts().total(), job.requestCounts().completed(),
                job.requestCounts().failed(), job.outputFileId(), job.errorFileId());
        return job;
    }
}
