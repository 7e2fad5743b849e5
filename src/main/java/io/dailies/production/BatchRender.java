package io.dailies.production;

import io.dailies.platform.CrashPoints;
import io.dailies.core.RunBatch;
import io.dailies.core.Take;
import io.dailies.platform.Storage;
import io.dailies.provider.BatchJob;
import io.dailies.provider.BatchLines;
import io.dailies.provider.BatchResult;
import io.dailies.provider.ProviderBatches;
import io.dailies.provider.ProviderException;
import io.dailies.provider.ProviderFiles;
import io.dailies.provider.ProviderTiming;
import io.dailies.provider.Upload;
import io.dailies.provider.VideoJob;
import io.dailies.provider.VideoProvider;
import io.dailies.provider.VideoRequest;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Renders a run's takes through one Batch API job: one JSONL line per take ({@code custom_id} = take id),
 * uploaded, made into a batch, polled, and its output and error files read back by custom_id; every
 * take is downloaded as soon as the output names it, before its link expires.
 *
 * <p>Each step is committed before the next call ({@link RunBatches}, {@link TakeLedger}): the intent of
 * every take before the upload, the input file's id after it, a create intent before the batch is
 * created and its id after. A restart resumes from there; a batch create that ended without an answer
 * is looked for (by its input file) before another is made, so the takes are never paid twice.
 */
@Dependent
public class BatchRender {

    private static final Logger LOG = Logger.getLogger(BatchRender.class.getName());
    static final String CUSTOM_ID_PREFIX = "take-";
    /** Rounds the provider may be unreachable before the run stops (restartable) rather than spin. */
    private static final int MAX_UNAVAILABLE_ROUNDS = 30;

    @Inject TakeLedger ledger;
    @Inject RunBatches batchesDone;
    @Inject ProviderFiles files;
    @Inject ProviderBatches batches;
    @Inject VideoProvider videos;
    @Inject Storage storage;
    @Inject ReferenceImages references;
    @Inject RunService runs;

    private long projectId;

    @Inject
    ProviderTiming timing;

    private int unavailableRounds;

    public String render(long runId, BooleanSupplier stop) throws InterruptedException {
        RunBatch checkpoint = batchesDone.findOrCreate(runId, RunBatch.Purpose.RENDER);
        projectId = runs.find(runId).getProject().getId();
        while (!stop.getAsBoolean()) {
            try {
                if (step(runId, checkpoint.getId())) {
                    return "RENDERED";
                }
                unavailableRounds = 0;
            } catch (ProviderException e) {
                if (!e.kind().retryable() && !e.ambiguous()) {
                    throw new IllegalStateException("The Batch API refused the run's batch: " + e.describe(), e);
                }
                if (++unavailableRounds >= MAX_UNAVAILABLE_ROUNDS) {
                    throw new IllegalStateException("The provider stayed unavailable for " + unavailableRounds + " rounds ("
                            + e.describe() + "). The batch state is kept; restart the run (POST /api/runs/" + runId
                            + "/restart) when the provider is back.", e);
                }
                LOG.info(() -> "Run " + runId + ": batch step postponed: " + e.describe());
            }
            sleep(timing.pollIntervalMs(), stop);
        }
        return "STOPPED";
    }

    /** One round of the batch's life; true once every take of the run is stored or failed. */
    private boolean step(long runId, long checkpointId) {
        RunBatch b = batchesDone.find(checkpointId);
        String batchId = b.getBatchId();
        if (batchId == null) {
            io.dailies.core.Run run = runs.find(runId);
            if (!run.acceptsSubmissionsAt(java.time.Instant.now())) {
                // The window closed before the batch went out: takes not yet sent are deferred; a take whose
                // intent is committed (SUBMITTING) may be in a batch already, so it is still looked for below.
                ledger.takes(runId, EnumSet.of(Take.Status.PLANNED)).forEach(t -> ledger.recordDeferred(t.getId(), run.deferralReason()));
            }
            List<Take> waiting = ledger.takes(runId, EnumSet.of(Take.Status.PLANNED, Take.Status.SUBMITTING));
            if (waiting.isEmpty()) {
                return ledger.takes(runId, TakeLedger.inFlight()).isEmpty();
            }
            batchId = BatchSubmission.ensureBatch(batchesDone, checkpointId, files, batches, BatchLines.VIDEOS,
                    Map.of("dailies_run", String.valueOf(runId)), () -> jsonl(b.getInputFileName(), waiting));
            if (batchId == null) {
                return false; // every waiting take failed before it could be sent; the next round sees that
            }
        }
        BatchJob job = BatchSubmission.poll(batchesDone, checkpointId, batches, batchId);
        if (!job.finished()) {
            return false;
        }
        collect(runId, job);
        boolean done = ledger.takes(runId, EnumSet.of(Take.Status.PLANNED, Take.Status.SUBMITTING, Take.Status.GENERATING)).isEmpty();
        if (done) {
            batchesDone.recordCollected(checkpointId);
        }
        return done;
    }

    /** The JSONL of every waiting take; each take's intent is committed before the file goes out. Null: no line. */
    private Upload jsonl(String name, List<Take> waiting) {
        List<String> lines = new ArrayList<>(waiting.size());
        for (Take take : waiting) {
            VideoRequest request;
            try {
                request = references.attach(projectId, take.getShot().content().inputReference(), RenderTakes.request(take), true);
            } catch (ReferenceImages.MissingReference e) {
                ledger.recordFailed(take.getId(), e.getMessage());
                continue;
            }
            ledger.recordIntent(take.getId(), request.hash(), "dailies-take-" + take.getId());
            lines.add(BatchLines.request(CUSTOM_ID_PREFIX + take.getId(), request));
        }
        return lines.isEmpty() ? null : Upload.of(name, BatchLines.file(lines));
    }

    /**
     * Reads the finished batch's output and error files: each take's video is recorded and downloaded,
     * a refused or failed request fails its take with the provider's reason, and a take the batch never
     * answered (expired, cancelled, failed validation) fails saying so. Idempotent: a take already
     * stored or failed is left alone, so a round cut short by a download error is simply repeated.
     */
    private void collect(long runId, BatchJob job) {
        Map<String, BatchResult> results = batches.results(job);
        Map<Long, Take> open = new HashMap<>();
        for (Take t : ledger.takes(runId, EnumSet.of(Take.Status.SUBMITTING, Take.Status.GENERATING, Take.Status.PLANNED))) {
            open.put(t.getId(), t);
        }
        for (Take take : open.values()) {
            BatchResult result = results.get(CUSTOM_ID_PREFIX + take.getId());
            if (result == null) {
                ledger.recordFailed(take.getId(), "The batch " + job.id() + " ended " + job.status()
                        + " before this take was rendered" + batchErrors(job) + "; it was not charged. Render the shot again in a new run.");
                continue;
            }
            if (!result.ok()) {
                String code = result.errorCode() == null ? "" : result.errorCode();
                ledger.recordFailed(take.getId(), code.contains("expired")
                        ? "Expired: batch " + job.id() + "'s completion window closed before this take was rendered; it was not charged."
                                + " Render the shot again in a new run."
                        : code.contains("cancel")
                        ? "Cancelled with batch " + job.id() + " before this take was rendered; it was not charged."
                        : "In batch " + job.id() + ": " + result.failure().describe());
                continue;
            }
            VideoJob video = result.video();
            if (take.getVideoId() == null) {
                ledger.recordSubmitted(take.getId(), video.id());
            }
            Take current = withVideo(take, video.id());
            if (video.completed()) {
                try {
                    RenderTakes.store(current, runId, videos, storage, ledger);
                    CrashPoints.reach("batch.collecting"); // a take stored, the batch's others not yet
                } catch (ProviderException e) {
                    if (!e.kind().retryable()) {
                        ledger.recordFailed(take.getId(), "The take could not be downloaded: " + e.describe());
                    } else {
                        throw e;
                    }
                }
            } else if (video.failed()) {
                ledger.recordFailed(take.getId(), video.failureDescription());
            } else {
                // An answer before the video finished: follow it like a single take.
                VideoJob now = videos.retrieve(video.id());
                if (now.completed()) {
                    RenderTakes.store(current, runId, videos, storage, ledger);
                } else if (now.failed()) {
                    ledger.recordFailed(take.getId(), now.failureDescription());
                }
            }
        }
    }

    private Take withVideo(Take take, String videoId) {
        if (take.getVideoId() != null) {
            return take;
        }
        take.recordSubmitted(videoId); // detached copy: the ledger already committed it
        return take;
    }

    private static String batchErrors(BatchJob job) {
        if (job.errors().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (");
        job.errors().stream().limit(3).forEach(e -> b.append(b.length() > 2 ? "; " : "")
                .append(e.line() == null ? "" : "line " + e.line() + ": ").append(e.message()));
        return b.append(job.errors().size() > 3 ? "; ..." : "").append(')').toString();
    }

    private static void sleep(long ms, BooleanSupplier stop) throws InterruptedException {
        long until = System.currentTimeMillis() + ms;
        while (!stop.getAsBoolean() && System.currentTimeMillis() < until) {
            Thread.sleep(Math.min(100, ms));
        }
    }
}
