package io.dailies.scoring.judge;

import io.dailies.core.Run;
import io.dailies.core.RunBatch;
import io.dailies.platform.Storage;
import io.dailies.production.BatchSubmission;
import io.dailies.production.RunBatches;
import io.dailies.production.RunService;
import io.dailies.provider.BatchJob;
import io.dailies.provider.BatchLines;
import io.dailies.provider.BatchResult;
import io.dailies.provider.ProviderBatches;
import io.dailies.provider.ProviderException;
import io.dailies.provider.ProviderFiles;
import io.dailies.provider.ProviderHttp;
import io.dailies.provider.ProviderLimiter;
import io.dailies.provider.ProviderSettings;
import io.dailies.provider.ProviderTiming;
import io.dailies.provider.Upload;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A batch run's judge goes through the Batch API too (half price, like its takes): one chat/completions
 * line per scored take, uploaded to the judge's gateway, made into a batch, polled, and every answer
 * recorded beside the measured scores. A run in sync mode, or without a judge, skips this step (its
 * takes were judged one by one while scoring). Checkpointed like the render batch ({@link RunBatches}).
 */
@Dependent
@Named("judgeBatch")
public class JudgeBatch extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(JudgeBatch.class.getName());
    static final String CUSTOM_ID_PREFIX = "judge-take-";
    static final String ENDPOINT = "/v1/chat/completions";

    @Inject @BatchProperty String runId;
    @Inject RunService runs;
    @Inject RunBatches checkpoints;
    @Inject Judgements judgements;
    @Inject TakeJudge judge;
    @Inject ProviderSettings providerSettings;
    @Inject ProviderLimiter limiter;
    @Inject Storage storage;

    @Inject
    ProviderTiming timing;

    private volatile boolean stopRequested;

    @Override
    public String process() throws Exception {
        long id = Long.parseLong(runId);
        Run run = runs.find(id);
        if (!run.isJudge() || run.getMode() != Run.Mode.BATCH) {
            return "SKIPPED";
        }
        ProviderHttp http = new ProviderHttp(judge.gateway(providerSettings), limiter);
        try {
            ProviderFiles files = new ProviderFiles(http);
            ProviderBatches batches = new ProviderBatches(http);
            long checkpoint = checkpoints.findOrCreate(id, RunBatch.Purpose.JUDGE).getId();
            int unavailable = 0;
            while (!stopRequested) {
                try {
                    if (step(id, checkpoint, files, batches)) {
                        return "JUDGED";
                    }
                    unavailable = 0;
                } catch (ProviderException e) {
                    if ((!e.kind().retryable() && !e.ambiguous()) || ++unavailable >= 30) {
                        // The judge is an opinion beside the measured scores: without it the run still reports.
                        String why = "Judge unavailable: " + e.describe();
                        for (Judgements.Unjudged u : judgements.unjudged(id)) {
                            judgements.record(u.takeId(), new TakeJudge.Judgement(null, null, why, judge.model()));
                        }
                        return "JUDGE_UNAVAILABLE";
                    }
                    LOG.info(() -> "Run " + id + ": judge batch postponed: " + e.describe());
                }
                Thread.sleep(timing.pollIntervalMs());
            }
            return "STOPPED";
        } finally {
            http.close();
        }
    }

    /** Each line carries sampled frames: written to disk line by line, not held in memory. */
    private Upload jsonl(String name, List<Judgements.Unjudged> pending) {
        Path file = storage.dir("batches").resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Judgements.Unjudged u : pending) {
                out.write(BatchLines.request(CUSTOM_ID_PREFIX + u.takeId(), ENDPOINT, judge.requestFor(u.prompt(), u.file())));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the judge batch " + file, e);
        }
        return Upload.of(file);
    }

    @Override
    public void stop() {
        stopRequested = true;
    }

    private boolean step(long id, long checkpointId, ProviderFiles files, ProviderBatches batches) {
        RunBatch b = checkpoints.find(checkpointId);
        String batchId = b.getBatchId();
        if (batchId == null) {
            List<Judgements.Unjudged> pending = judgements.unjudged(id);
            if (pending.isEmpty()) {
                return true;
            }
            batchId = BatchSubmission.ensureBatch(checkpoints, checkpointId, files, batches, ENDPOINT,
                    Map.of("dailies_run", runId, "dailies_purpose", "judge"), () -> jsonl(b.getInputFileName(), pending));
        }
        BatchJob job = BatchSubmission.poll(checkpoints, checkpointId, batches, batchId);
        if (!job.finished()) {
            return false;
        }
        Map<String, BatchResult> results = batches.results(job);
        for (Judgements.Unjudged u : judgements.unjudged(id)) {
            BatchResult r = results.get(CUSTOM_ID_PREFIX + u.takeId());
            TakeJudge.Judgement j;
            if (r == null) {
                j = new TakeJudge.Judgement(null, null, "Judge unavailable: the judge batch ended " + job.status()
                        + " before this take was judged", judge.model());
            } else if (!r.ok()) {
                j = new TakeJudge.Judgement(null, null, "Judge unavailable: " + r.failure().describe(), judge.model());
            } else {
                try {
                    j = judge.read(r.body());
                } catch (RuntimeException e) {
                    j = new TakeJudge.Judgement(null, null, "Judge unavailable: " + e.getMessage(), judge.model());
                }
            }
            judgements.record(u.takeId(), j);
        }
        checkpoints.recordCollected(checkpointId);
        return true;
    }
}
