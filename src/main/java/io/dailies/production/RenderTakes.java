package io.dailies.production;

import io.dailies.platform.CrashPoints;
import io.dailies.core.Run;
import io.dailies.core.Take;
import io.dailies.platform.Storage;
import io.dailies.provider.ProviderException;
import io.dailies.provider.ProviderTiming;
import io.dailies.provider.VideoJob;
import io.dailies.provider.VideoProvider;
import io.dailies.provider.VideoRequest;
import io.dailies.provider.catalog.ModelCatalog;
import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders a run's takes: keeps up to the run's concurrency in flight with the provider, polls them,
 * and downloads each finished take into the take store. Every state change is committed through the
 * {@link TakeLedger} before the next provider call, so the database is the checkpoint: a restarted
 * run reconciles takes whose create call may have gone out, resumes polling the ones in flight, and
 * never submits a take twice.
 */
@Dependent
@Named("renderTakes")
public class RenderTakes extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(RenderTakes.class.getName());
    /** Rounds of "provider unavailable" a take survives before it is given up. */
    private static final int MAX_SUBMIT_ROUNDS = 5;
    /** Rounds a take may stay unresolved (the provider cannot say whether it was created) before the run stops. */
    private static final int MAX_UNRESOLVED_ROUNDS = 10;
    /** How far back reconciliation looks before the intent, for clock skew with the provider. */
    private static final Duration RECONCILE_SLACK = Duration.ofMinutes(2);

    @Inject
    @BatchProperty
    String runId;

    @Inject
    TakeLedger ledger;

    @Inject
    VideoProvider provider;

    @Inject
    Storage storage;

    @Inject
    RunService runs;

    @Inject
    ModelCatalog catalog;

    @Inject
    ProviderTiming timing;

    private volatile boolean stopRequested;
    private final Map<Long, Integer> submitRounds = new HashMap<>();
    private final Map<Long, Integer> unresolvedRounds = new HashMap<>();
    private final Map<Long, Future<?>> downloads = new ConcurrentHashMap<>();

    @Resource
    ManagedExecutorService executor;

    @Inject
    BatchRender batchRender;

    @Inject
    ReferenceImages references;

    private long projectId;

    @Override
    public String process() throws Exception {
        long run = Long.parseLong(runId);
        Run theRun = runs.find(run);
        projectId = theRun.getProject().getId();
        if (theRun.getMode() == Run.Mode.BATCH) {
            return batchRender.render(run, () -> stopRequested);
        }
        int concurrency = theRun.getConcurrency();
        for (Take take : ledger.takes(run, EnumSet.of(Take.Status.SUBMITTING))) {
            reconcile(take);
        }
        while (!stopRequested) {
            // Poll first, then fill the slots that finished takes freed: no slot waits a round for its next take.
            collectDownloads();
            List<Take> generating = ledger.takes(run, EnumSet.of(Take.Status.GENERATING));
            Map<String, VideoJob> listed = recentVideos(generating.size());
            for (Take take : generating) {
                if (stopRequested) {
                    break;
                }
                if (!downloads.containsKey(take.getId())) {
                    poll(take, listed.get(take.getVideoId()));
                }
            }
            for (Take take : ledger.takes(run, EnumSet.of(Take.Status.SUBMITTING))) {
                reconcile(take);
            }
            List<Take> inFlight = ledger.takes(run, TakeLedger.inFlight());
            List<Take> planned = ledger.takes(run, EnumSet.of(Take.Status.PLANNED));
            if (inFlight.isEmpty() && planned.isEmpty()) {
                return "RENDERED";
            }
            if (!theRun.acceptsSubmissionsAt(Instant.now())) {
                // The window closed: nothing new goes out; what is in flight is still collected.
                deferAll(planned, theRun.deferralReason());
                planned = List.of();
            }
            int free = concurrency - inFlight.size();
            // The provider's own limit per model (the catalog's maxConcurrentGenerations), counted from the
            // ledger so that it holds across restarts: a run slows down rather than collect 429s.
            Map<String, Integer> perModel = new HashMap<>();
            inFlight.forEach(t -> perModel.merge(t.getModel(), 1, Integer::sum));
            for (int i = 0; i < planned.size() && free > 0 && !stopRequested; i++) {
                Take take = planned.get(i);
                int cap = catalog.model(take.getModel()).map(m -> m.maxConcurrentGenerations()).orElse(Integer.MAX_VALUE);
                if (perModel.getOrDefault(take.getModel(), 0) >= cap) {
                    continue;
                }
                if (submit(take)) {
                    free--;
                    perModel.merge(take.getModel(), 1, Integer::sum);
                }
            }
            sleep(timing.pollIntervalMs());
        }
        return "STOPPED";
    }

    /** Takes not sent before the run's submission deadline: deferred to the next night, uncharged. */
    private void deferAll(List<Take> planned, String reason) {
        if (!planned.isEmpty()) {
            LOG.info(() -> "Run " + runId + ": submission deadline passed; " + planned.size() + " takes deferred");
        }
        planned.forEach(t -> ledger.recordDeferred(t.getId(), reason));
    }

    @Override
    public void stop() {
        stopRequested = true;
    }

    /** Intent first, then the paid call, then its id: the order that makes a crash safe. */
    private boolean submit(Take take) {
        VideoRequest request;
        try {
            request = withReference(take, true);
        } catch (ReferenceImages.MissingReference e) {
            ledger.recordFailed(take.getId(), e.getMessage());
            return false;
        } catch (ProviderException e) {
            handleSubmitFailure(take, e); // the reference image could not be uploaded yet
            return false;
        }
        String key = take.getIdempotencyKey() != null ? take.getIdempotencyKey() : "dailies-take-" + take.getId();
        ledger.recordIntent(take.getId(), request.hash(), key);
        CrashPoints.reach("render.after-intent");
        try {
            VideoJob video = provider.create(request, key);
            CrashPoints.reach("render.after-create");
            ledger.recordSubmitted(take.getId(), video.id());
            return true;
        } catch (ProviderException e) {
            handleSubmitFailure(take, e);
            return false;
        }
    }

    private void handleSubmitFailure(Take take, ProviderException e) {
        if (e.ambiguous()) {
            // Left SUBMITTING: the next round looks for it at the provider before sending anything again.
            LOG.info(() -> "Take " + take.getId() + ": create call ended without an answer; reconciling. " + e.describe());
            unresolved(take, e);
            return;
        }
        if (e.kind() == ProviderException.Kind.RATE_LIMITED && !tooLong(take)) {
            // Being told to slow down is not the take's fault: it waits its turn, however long the provider asks.
            ledger.requeue(take.getId());
            return;
        }
        if (e.kind().retryable() && submitRounds.merge(take.getId(), 1, Integer::sum) < MAX_SUBMIT_ROUNDS) {
            ledger.requeue(take.getId());
            return;
        }
        ledger.recordFailed(take.getId(), e.describe());
    }

    /**
     * A take whose create call may have reached the provider: find the generation it made (same request,
     * created after the intent, not owned by another take) and adopt it; only if there is none, send again
     * with the same idempotency key.
     */
    private void reconcile(Take take) {
        VideoRequest request = withReference(take, false);
        Set<String> claimed = ledger.claimedVideoIds();
        long since = take.getIntentAt().minus(RECONCILE_SLACK).getEpochSecond();
        try {
            String after = null;
            while (true) {
                VideoProvider.Page page = provider.list(after, 100);
                for (VideoJob v : page.videos()) {
                    if (v.createdAt() >= since && !claimed.contains(v.id()) && request.matches(v)) {
                        LOG.info(() -> "Take " + take.getId() + ": adopted " + v.id() + " found at the provider");
                        ledger.recordSubmitted(take.getId(), v.id());
                        return;
                    }
                }
                boolean older = !page.videos().isEmpty() && page.videos().get(page.videos().size() - 1).createdAt() < since;
                if (!page.hasMore() || older || page.lastId() == null) {
                    break;
                }
                after = page.lastId();
            }
        } catch (ProviderException e) {
            // The provider cannot say whether the first call created anything: ask again later, never resend blind.
            unresolved(take, e);
            return;
        }
        // The provider has no such generation: the first call created nothing, so it is sent again (same key).
        try {
            VideoJob video = provider.create(request, take.getIdempotencyKey());
            ledger.recordSubmitted(take.getId(), video.id());
        } catch (ProviderException e) {
            handleSubmitFailure(take, e);
        }
    }

    /**
     * A take that may or may not exist at the provider stays SUBMITTING. If the provider cannot answer for
     * too long the run stops (FAILED, restartable) rather than pay twice or give up a take that was paid for.
     */
    private void unresolved(Take take, ProviderException e) {
        int rounds = unresolvedRounds.merge(take.getId(), 1, Integer::sum);
        if (rounds >= MAX_UNRESOLVED_ROUNDS) {
            throw new IllegalStateException("Take " + take.getId() + ": for " + rounds + " rounds the provider could not say"
                    + " whether its generation was created (" + e.describe() + "). The run stops so that nothing is paid"
                    + " twice; restart it (POST /api/runs/" + runId + "/restart) when the provider is back.");
        }
    }

    private boolean tooLong(Take take) {
        return take.getIntentAt() != null
                && Duration.between(take.getIntentAt(), Instant.now()).getSeconds() > timing.generationTimeoutSeconds();
    }

    /**
     * With several takes in flight, one list call tells most of their states (the newest videos first)
     * instead of one retrieve each; a take not on that page is retrieved on its own.
     */
    private Map<String, VideoJob> recentVideos(int generating) {
        Map<String, VideoJob> byId = new HashMap<>();
        if (generating < 2) {
            return byId;
        }
        try {
            for (VideoJob v : provider.list(null, 100).videos()) {
                byId.put(v.id(), v);
            }
        } catch (ProviderException e) {
            LOG.log(Level.FINE, "Listing videos failed; polling one by one", e);
        }
        return byId;
    }

    private void poll(Take take, VideoJob listed) {
        CrashPoints.reach("render.awaiting");
        try {
            VideoJob video = listed != null ? listed : provider.retrieve(take.getVideoId());
            if (video.completed()) {
                // Downloaded on a worker, so the loop goes on polling and filling slots meanwhile.
                downloads.computeIfAbsent(take.getId(), id -> executor.submit(() -> store(take)));
            } else if (video.failed()) {
                ledger.recordFailed(take.getId(), video.failureDescription());
            } else if (Duration.between(take.getSubmittedAt(), Instant.now()).getSeconds() > timing.generationTimeoutSeconds()) {
                ledger.recordFailed(take.getId(), "Gave up after " + timing.generationTimeoutSeconds() + " s: the provider still reports " + video.status());
            } else {
                ledger.recordPoll(take.getId(), video.progress());
            }
        } catch (ProviderException e) {
            if (!e.kind().retryable()) {
                ledger.recordFailed(take.getId(), e.describe());
            }
            // retryable: the provider's trouble; the next round polls again
        }
    }

    /**
     * Finished downloads: a take the provider no longer has (e.g. its link expired) fails; a transient
     * failure leaves it GENERATING, to be polled and downloaded again; a local disk failure stops the run.
     */
    private void collectDownloads() throws InterruptedException {
        for (var it = downloads.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getValue().isDone()) {
                continue;
            }
            it.remove();
            try {
                entry.getValue().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ProviderException pe) {
                    if (!pe.kind().retryable()) {
                        ledger.recordFailed(entry.getKey(), "The take could not be downloaded: " + pe.describe());
                    }
                } else if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                } else {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    private void store(Take take) {
        store(take, Long.parseLong(runId), provider, storage, ledger);
    }

    /** Downloads the take (and its thumbnail) before the provider's link expires. */
    static void store(Take take, long runId, VideoProvider provider, Storage storage, TakeLedger ledger) {
        Path dir = storage.dir("takes/run-" + runId);
        Path mp4 = dir.resolve(fileName(take) + ".mp4");
        String sha = provider.download(take.getVideoId(), "video", mp4);
        try {
            ledger.recordStored(take.getId(), mp4.toString(), sha, Files.size(mp4));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // The take is safe and its slot free; the thumbnail (for the write-back) is a nicety after it.
        try {
            provider.download(take.getVideoId(), "thumbnail", dir.resolve(fileName(take) + ".jpg"));
        } catch (ProviderException e) {
            LOG.log(Level.FINE, "No thumbnail for take " + take.getId(), e);
        }
    }

    static String fileName(Take take) {
        String seq = take.getShot().getSequence().getCode();
        String shot = take.getShot().getCode();
        return (seq + "_" + shot).replaceAll("[^\\p{Alnum}._-]+", "-") + "_take" + take.getId();
    }

    /** The take's request with its Input reference (uploaded to the provider first when {@code upload}). */
    private VideoRequest withReference(Take take, boolean upload) {
        return references.attach(projectId, take.getShot().content().inputReference(), request(take), upload);
    }

    static VideoRequest request(Take take) {
        return new VideoRequest(take.getModel(), take.getPrompt(), take.getSize(), take.getSeconds());
    }

    private void sleep(long ms) throws InterruptedException {
        long until = System.currentTimeMillis() + ms;
        while (!stopRequested && System.currentTimeMillis() < until) {
            Thread.sleep(Math.min(100, ms));
        }
    }
}
