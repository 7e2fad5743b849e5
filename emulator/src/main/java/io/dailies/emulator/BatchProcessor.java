package io.dailies.emulator;

import static io.dailies.emulator.EmulatedBatch.CANCELLED;
import static io.dailies.emulator.EmulatedBatch.CANCELLING;
import static io.dailies.emulator.EmulatedBatch.COMPLETED;
import static io.dailies.emulator.EmulatedBatch.EXPIRED;
import static io.dailies.emulator.EmulatedBatch.FINALIZING;
import static io.dailies.emulator.EmulatedBatch.IN_PROGRESS;
import static io.dailies.emulator.EmulatedBatch.VALIDATING;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The emulated Batch API's state machine. A batch moves validating → in_progress → finalizing →
 * completed (or failed, expired, cancelling → cancelled) one step per {@link #advance}, as time and its
 * generations allow; every step is one transaction on the locked batch row, so it is persisted, survives
 * a restart, and two threads advancing the same batch (a poll and the {@link BatchClock}) take turns.
 */
@ApplicationScoped
public class BatchProcessor {

    /** How many requests one step starts, so that no transaction grows with the size of the file. */
    static final int START_CHUNK = 500;
    private static final int FLUSH_EVERY = 500;
    private static final String VIDEOS = "/v1/videos";
    /** Output lines in the order their requests finished (not the input order: clients match by custom_id). */
    static final Comparator<EmulatedBatchLine> DELIVERY = Comparator
            .comparing((EmulatedBatchLine l) -> l.getFinishedAtMillis() == null ? Long.MAX_VALUE : l.getFinishedAtMillis())
            .thenComparing(EmulatedBatchLine::getResultId);

    /** One factory for every output line: Json.createObjectBuilder looks the provider up again on each call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    /** What the next step of a batch is. */
    enum Step { NONE, WAIT, VALIDATE, FINALIZE, COMPLETE, EXPIRE, CANCEL }

    /** Generations a step created; rendered once the step has committed, so a rolled-back step renders nothing. */
    record RendersDue(List<EmulatedVideo> videos) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Emulator emulator;

    @Inject
    RenderQueue renders;

    @Inject
    FileStore files;

    @Inject
    Faults faults;

    @Inject
    BeanManager beans;

    @Inject
    Event<RendersDue> rendersDue;

    @Inject
    @ConfigProperty(name = "dailies.emulator.batch-validating-seconds", defaultValue = "1")
    double validatingSeconds;

    @Inject
    @ConfigProperty(name = "dailies.emulator.batch-window-seconds", defaultValue = "86400")
    double windowSeconds;

    /** Renders video resources exactly as GET /videos/{id} does. */
    private volatile Unmanaged.UnmanagedInstance<VideosEndpoint> videos;

    @Transactional
    public EmulatedBatch create(String inputFileId, String endpoint, String metadata, Long outputExpiresAfterSeconds) {
        EmulatedBatch batch = new EmulatedBatch(Emulator.newId("batch_"), endpoint, inputFileId, System.currentTimeMillis(),
                Math.round(validatingSeconds * 1000), Math.round(windowSeconds * 1000), metadata, outputExpiresAfterSeconds);
        em.persist(batch);
        return batch;
    }

    public Optional<EmulatedBatch> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(EmulatedBatch.class, id));
    }

    /** Newest first, after the given id (the API's cursor); one more than asked, to tell has_more. */
    public List<String> page(String after, int limit) {
        return ListPage.after(em.createNamedQuery("EmulatedBatch.page", String.class).getResultList(), "desc", after, limit, id -> id);
    }

    /** The batches that still move on, oldest first. */
    public List<String> open() {
        return em.createNamedQuery("EmulatedBatch.open", String.class).setParameter("open", EmulatedBatch.OPEN).getResultList();
    }

    /**
     * The next step of the batch, if one is due; nothing when it is waiting or finished. Idempotent: the
     * step is chosen from the persisted state under a row lock, so a second caller sees the first's result.
     */
    @Transactional
    public void advance(String id) {
        EmulatedBatch batch = em.find(EmulatedBatch.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null || !batch.isOpen()) {
            return;
        }
        long now = System.currentTimeMillis();
        List<EmulatedVideo> started = new ArrayList<>();
        boolean running = IN_PROGRESS.equals(batch.getStatus());
        if (running || CANCELLING.equals(batch.getStatus())) {
            refresh(batch, now);
            recount(batch);
        }
        boolean expiryFault = running && faults.batchExpires(batch.getId());
        Step step = next(batch.getStatus(), now, batch.getValidatedAtMillis(), batch.getExpiresAtMillis(),
                batch.getTotal(), batch.getCompleted(), batch.getFailed(), expiryFault);
        switch (step) {
            case VALIDATE -> validate(batch, now, started);
            case WAIT -> {
                if (running) {
                    startPending(batch, now, started);
                    recount(batch);
                }
            }
            case FINALIZE -> batch.finalizing(now);
            case COMPLETE -> close(batch, COMPLETED, null, null, now);
            case EXPIRE -> close(batch, EXPIRED, "batch_expired",
                    "The batch's completion window closed before this request finished.", now);
            case CANCEL -> close(batch, CANCELLED, "batch_cancelled", "The batch was cancelled before this request finished.", now);
            default -> { }
        }
        if (!started.isEmpty()) {
            rendersDue.fire(new RendersDue(started));
        }
    }

    /** Moves a validating or running batch to cancelling; returns the batch as it is now (empty: no such batch). */
    @Transactional
    public Optional<EmulatedBatch> cancel(String id) {
        EmulatedBatch batch = em.find(EmulatedBatch.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (batch != null && (VALIDATING.equals(batch.getStatus()) || IN_PROGRESS.equals(batch.getStatus()))) {
            batch.cancelling(System.currentTimeMillis());
        }
        return Optional.ofNullable(batch);
    }

    /**
     * The lifecycle's rule: what a batch in {@code status} does next at {@code now}. A running batch
     * finalizes once every request is done; its window closing first expires it; the expiry fault
     * expires it as soon as some request completed (or all are done), so something is delivered.
     */
    static Step next(String status, long now, long validatedAt, long expiresAt, int total, int completed, int failed,
                     boolean expiryFault) {
        return switch (status) {
            case VALIDATING -> now >= expiresAt ? Step.EXPIRE : now >= validatedAt ? Step.VALIDATE : Step.WAIT;
            case IN_PROGRESS -> {
                int done = completed + failed;
                if (expiryFault && (completed > 0 || done >= total)) {
                    yield Step.EXPIRE;
                }
                if (done >= total) {
                    yield Step.FINALIZE;
                }
                yield now >= expiresAt ? Step.EXPIRE : Step.WAIT;
            }
            case FINALIZING -> Step.COMPLETE;
            case CANCELLING -> Step.CANCEL;
            default -> Step.NONE;
        };
    }

    /**
     * Reads the input file twice: first only to judge it, so a bad file creates nothing; then to write
     * one line per request, each already judged (a video request's parameters, a chat request's answer).
     */
    private void validate(EmulatedBatch batch, long now, List<EmulatedVideo> started) {
        Optional<EmulatedFile> input = files.find(batch.getInputFileId());
        if (input.isEmpty()) {
            batch.fail(now, errors(List.of(new BatchInput.Problem("invalid_file", "The input file '" + batch.getInputFileId()
                    + "' no longer exists.", "input_file_id", null))));
            return;
        }
        List<BatchInput.Problem> problems;
        try (InputStream in = files.open(input.get())) {
            problems = BatchInput.scan(in, batch.getEndpoint(), request -> { });
        } catch (NoSuchFileException e) {
            problems = List.of(new BatchInput.Problem("invalid_file", "The input file's content is missing.", "input_file_id", null));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the input file of " + batch.getId(), e);
        }
        if (!problems.isEmpty()) {
            batch.fail(now, errors(problems));
            return;
        }
        List<EmulatedBatchLine> unflushed = new ArrayList<>();
        try (InputStream in = files.open(input.get())) {
            BatchInput.scan(in, batch.getEndpoint(), request -> {
                EmulatedBatchLine line = judge(batch, request);
                em.persist(line);
                unflushed.add(line);
                if (unflushed.size() >= FLUSH_EVERY) {
                    // 50,000 requests must not all stay in memory.
                    em.flush();
                    unflushed.forEach(em::detach);
                    unflushed.clear();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the input file of " + batch.getId(), e);
        }
        batch.start(now);
        startPending(batch, now, started);
        recount(batch);
    }

    /** A request as its endpoint would judge it. */
    private EmulatedBatchLine judge(EmulatedBatch batch, BatchInput.Request request) {
        EmulatedBatchLine line = new EmulatedBatchLine(batch.getId(), request.line(), request.customId(),
                Emulator.newId("batch_req_"), Emulator.newId("req_"));
        if (VIDEOS.equals(batch.getEndpoint())) {
            VideoParams.Result params = BatchInput.videoRequest(request.body());
            if (params.ok()) {
                line.video(params.model(), params.prompt(), params.size(), params.seconds());
            } else {
                line.refuse("invalid_value", params.param(), params.message());
            }
            return line;
        }
        try {
            line.answer(ChatCompletionsEndpoint.answer(request.body()).toString());
        } catch (WebApplicationException e) {
            JsonObject error = envelope(e);
            line.refuse(error.getString("code", "invalid_value"), error.getString("param", null),
                    error.getString("message", "The request is invalid."));
        } catch (RuntimeException e) {
            // e.g. a message that is not an object: the judge cannot read it
            line.refuse("invalid_value", "messages", "Invalid value for 'messages': each message must be an object with a"
                    + " 'role' and a 'content' (text, or an array of text and image_url parts).");
        }
        return line;
    }

    /** Starts the next requests that have not started: a video request creates its generation, exactly once. */
    private void startPending(EmulatedBatch batch, long now, List<EmulatedVideo> started) {
        List<EmulatedBatchLine> pending = em.createNamedQuery("EmulatedBatchLine.inState", EmulatedBatchLine.class)
                .setParameter("batch", batch.getId()).setParameter("state", EmulatedBatchLine.PENDING)
                .setMaxResults(START_CHUNK).getResultList();
        for (EmulatedBatchLine line : pending) {
            if (line.getErrorCode() != null) {
                line.fail(line.getErrorCode(), line.getErrorParam(), line.getErrorMessage(), now);
                continue;
            }
            Optional<Faults.Failure> fault = faults.batchLineFailure(batch.getId(), line.getCustomId());
            if (fault.isPresent()) {
                line.fail(fault.get().code(), null, fault.get().message(), now);
            } else if (line.getResponse() != null) {
                line.succeed(now);
            } else {
                line.run(generation(batch, line, started).getId());
            }
        }
    }

    /**
     * Like a sync create: the Idempotency-Key finds a generation made before, and the fault plan may doom a
     * new one or leave it stuck (then its request stays running until the batch's window closes and it expires).
     */
    private EmulatedVideo generation(EmulatedBatch batch, EmulatedBatchLine line, List<EmulatedVideo> started) {
        String key = idempotencyKey(batch.getId(), line.getCustomId());
        EmulatedVideo video = emulator.byIdempotencyKey(key).orElse(null);
        if (video == null) {
            Faults.GenerationFault fault = faults.generationFault(line.getModel(), line.getPrompt()).orElse(null);
            video = emulator.create(line.getModel(), line.getPrompt(), line.getSize(), line.getSeconds(), key,
                    EmulatedVideo.Origin.PROMPT, fault);
        }
        if (video.getErrorCode() == null && !video.isStuck()) {
            started.add(video);
        }
        return video;
    }

    /** Running requests whose generation finished are done: completed ones succeeded, the others failed with its error. */
    private void refresh(EmulatedBatch batch, long now) {
        List<EmulatedBatchLine> running = em.createNamedQuery("EmulatedBatchLine.inState", EmulatedBatchLine.class)
                .setParameter("batch", batch.getId()).setParameter("state", EmulatedBatchLine.RUNNING).getResultList();
        if (running.isEmpty()) {
            return;
        }
        Map<String, EmulatedVideo> generations = generations(batch, EmulatedBatchLine.RUNNING);
        for (EmulatedBatchLine line : running) {
            EmulatedVideo video = generations.get(line.getVideoId());
            if (video == null) {
                line.fail("generation_lost", null, "The generation of this request no longer exists.", now);
                continue;
            }
            // The same reading as GET /videos/{id}: completed once its time is over and its file exists.
            switch (video.status(now, renders.rendered(video.getId()))) {
                case "completed" -> line.succeed(now);
                case "failed" -> line.fail(or(video.getErrorCode(), "generation_failed"), null,
                        or(video.getErrorMessage(), "The generation failed."), now);
                // After a restart a take may have lost its half-rendered file; a stuck one is never rendered.
                case "in_progress" -> renders.ensure(video);
                default -> { }
            }
        }
    }

    /**
     * The end of a batch: requests not done yet fail with {@code unfinishedCode}; every succeeded
     * request goes to the output file, every failed one to the error file, in the order they finished.
     */
    private void close(EmulatedBatch batch, String status, String unfinishedCode, String unfinishedMessage, long now) {
        List<EmulatedBatchLine> lines = em.createNamedQuery("EmulatedBatchLine.ofBatch", EmulatedBatchLine.class)
                .setParameter("batch", batch.getId()).getResultList();
        Map<String, EmulatedVideo> generations = generations(batch, EmulatedBatchLine.SUCCEEDED);
        for (EmulatedBatchLine line : lines) {
            if (!line.isFinished()) {
                line.fail(unfinishedCode == null ? "batch_failed" : unfinishedCode, null,
                        unfinishedMessage == null ? "The request did not finish." : unfinishedMessage, now);
            } else if (EmulatedBatchLine.SUCCEEDED.equals(line.getState()) && line.getResponse() == null
                    && !generations.containsKey(line.getVideoId())) {
                line.fail("generation_lost", null, "The generation of this request no longer exists.", now);
            }
        }
        List<EmulatedBatchLine> succeeded = lines.stream()
                .filter(l -> EmulatedBatchLine.SUCCEEDED.equals(l.getState())).sorted(DELIVERY).toList();
        List<EmulatedBatchLine> failed = lines.stream()
                .filter(l -> EmulatedBatchLine.FAILED.equals(l.getState())).sorted(DELIVERY).toList();
        long lifetime = batch.getOutputExpiresAfterSeconds() != null ? batch.getOutputExpiresAfterSeconds() : faults.contentLifetimeSeconds();
        Long expiresAt = now / 1000 + lifetime;
        String outputFileId = succeeded.isEmpty() ? null : write(batch.getId() + "_output.jsonl", succeeded, expiresAt,
                line -> outputLine(line.getResultId(), line.getCustomId(), line.getRequestId(), body(line, generations)));
        String errorFileId = failed.isEmpty() ? null : write(batch.getId() + "_error.jsonl", failed, expiresAt,
                line -> errorLine(line.getResultId(), line.getCustomId(), line.getErrorCode(), line.getErrorParam(), line.getErrorMessage()));
        batch.close(status, now, outputFileId, errorFileId);
        recount(batch);
    }

    private JsonValue body(EmulatedBatchLine line, Map<String, EmulatedVideo> generations) {
        if (line.getResponse() != null) {
            try (JsonReader r = Json.createReader(new StringReader(line.getResponse()))) {
                return r.readObject();
            }
        }
        return videoResource(generations.get(line.getVideoId()));
    }

    /** The video resource JSON exactly as GET /videos/{id} renders it. */
    JsonObject videoResource(EmulatedVideo video) {
        return videos().resource(video);
    }

    private String write(String filename, List<EmulatedBatchLine> lines, Long expiresAt, Function<EmulatedBatchLine, JsonObject> render) {
        String id = files.newId();
        try (BufferedWriter out = Files.newBufferedWriter(files.path(id), StandardCharsets.UTF_8)) {
            for (EmulatedBatchLine line : lines) {
                out.write(render.apply(line).toString());
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + filename, e);
        }
        return files.register(id, filename, EmulatedFile.BATCH_OUTPUT, expiresAt).getId();
    }

    private Map<String, EmulatedVideo> generations(EmulatedBatch batch, String state) {
        Map<String, EmulatedVideo> byId = new HashMap<>();
        em.createNamedQuery("EmulatedBatchLine.videos", EmulatedVideo.class)
                .setParameter("batch", batch.getId()).setParameter("states", List.of(state))
                .getResultList().forEach(v -> byId.put(v.getId(), v));
        return byId;
    }

    private void recount(EmulatedBatch batch) {
        int total = 0;
        int completed = 0;
        int failed = 0;
        for (Object[] row : em.createNamedQuery("EmulatedBatchLine.counts", Object[].class)
                .setParameter("batch", batch.getId()).getResultList()) {
            int n = ((Number) row[1]).intValue();
            total += n;
            if (EmulatedBatchLine.SUCCEEDED.equals(row[0])) completed += n;
            if (EmulatedBatchLine.FAILED.equals(row[0])) failed += n;
        }
        batch.count(total, completed, failed);
    }

    /** Starts the renders of a step's new generations once the step is committed. */
    void render(@Observes(during = TransactionPhase.AFTER_SUCCESS) RendersDue due) {
        due.videos().forEach(renders::ensure);
    }

    private VideosEndpoint videos() {
        Unmanaged.UnmanagedInstance<VideosEndpoint> v = videos;
        if (v == null) {
            synchronized (this) {
                if (videos == null) {
                    videos = new Unmanaged<>(beans, VideosEndpoint.class).newInstance().produce().inject().postConstruct();
                }
                v = videos;
            }
        }
        return v.get();
    }

    @PreDestroy
    void release() {
        if (videos != null) {
            videos.preDestroy().dispose();
        }
    }

    // The shapes of batch-jsonl.md.

    static JsonObject outputLine(String id, String customId, String requestId, JsonValue body) {
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("custom_id", customId)
                .add("response", JSON.createObjectBuilder().add("status_code", 200).add("request_id", requestId).add("body", body))
                .addNull("error")
                .build();
    }

    /** An error line; param names the request's parameter at fault, when one is. */
    static JsonObject errorLine(String id, String customId, String code, String param, String message) {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("code", code).add("message", message);
        if (param == null) error.addNull("param"); else error.add("param", param);
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("custom_id", customId)
                .addNull("response")
                .add("error", error)
                .build();
    }

    /** The reference's errors object of a refused input file. */
    static String errors(List<BatchInput.Problem> problems) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        problems.forEach(p -> data.add(p.json()));
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    /**
     * The Idempotency-Key of a request's generation, "batch:<batch id>:<custom_id>": processing the
     * request again finds the generation made before. A custom_id too long for the key column is hashed.
     */
    static String idempotencyKey(String batchId, String customId) {
        String key = "batch:" + batchId + ":" + customId;
        if (key.length() <= 80) {
            return key;
        }
        String prefix = "batch:" + batchId + ":#";
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(customId.getBytes(StandardCharsets.UTF_8)));
            return prefix + hash.substring(0, Math.max(16, 80 - prefix.length()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row lock another advance holds: that one is doing the work, so this caller just reads. */
    static boolean lockBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The error object of the emulator's envelope that the endpoint would have answered with. */
    private static JsonObject envelope(WebApplicationException e) {
        Object entity = e.getResponse().getEntity();
        if (entity instanceof String s) {
            try (JsonReader r = Json.createReader(new StringReader(s))) {
                JsonValue error = r.readObject().get("error");
                if (error != null && error.getValueType() == JsonValue.ValueType.OBJECT) {
                    return error.asJsonObject();
                }
            } catch (RuntimeException ignored) {
                // not an envelope: the message below says what happened
            }
        }
        return Json.createObjectBuilder().add("message", String.valueOf(e.getMessage())).build();
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
