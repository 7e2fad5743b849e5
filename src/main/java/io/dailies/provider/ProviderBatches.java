package io.dailies.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Batch API: many generations in one uploaded JSONL, at the batch price, finished within the
 * completion window. Create it from an uploaded input file, poll it, then read its output and error
 * files ({@link #results}); results are matched to requests by custom_id.
 */
@ApplicationScoped
public class ProviderBatches {

    /** The only completion window the API offers. */
    public static final String WINDOW_24H = "24h";

    private final ProviderHttp http;
    private final ProviderFiles files;

    /** For CDI's proxy only. */
    protected ProviderBatches() {
        this.http = null;
        this.files = null;
    }

    @Inject
    public ProviderBatches(ProviderHttp http) {
        this.http = http;
        this.files = new ProviderFiles(http);
    }

    public BatchJob create(String inputFileId, String endpoint, String completionWindow, Map<String, String> metadata) {
        return create(inputFileId, endpoint, completionWindow, metadata, null);
    }

    /**
     * Creates a batch over an uploaded input file (purpose "batch"). Like any create, a timeout or a 5xx
     * after the request went out is raised as ambiguous: look for it with {@link #findByInputFile} before
     * creating another, or every request in the file is paid twice.
     *
     * @param metadata up to 16 pairs (keys up to 64 characters, values up to 512); may be empty
     */
    public BatchJob create(String inputFileId, String endpoint, String completionWindow, Map<String, String> metadata,
                           String idempotencyKey) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("input_file_id", inputFileId)
                .add("endpoint", endpoint)
                .add("completion_window", completionWindow == null ? WINDOW_24H : completionWindow);
        if (metadata != null && !metadata.isEmpty()) {
            checkMetadata(metadata);
            JsonObjectBuilder meta = Json.createObjectBuilder();
            metadata.forEach(meta::add);
            body.add("metadata", meta);
        }
        JsonObject json = body.build();
        return http.create("create batch", null, () -> {
            Invocation.Builder b = http.request(http.target().path("batches"));
            if (idempotencyKey != null && !idempotencyKey.isBlank()) {
                b = b.header("Idempotency-Key", idempotencyKey);
            }
            return b.post(ProviderHttp.json(json));
        }, r -> BatchJob.from(ProviderHttp.json(r)));
    }

    public BatchJob retrieve(String batchId) {
        return http.read("retrieve batch", () -> http.request(http.target().path("batches").path(batchId)).get(),
                r -> BatchJob.from(ProviderHttp.json(r)));
    }

    /**
     * Asks the provider to cancel a batch: it moves to cancelling, then cancelled; what was done is still
     * delivered in its output file.
     */
    public BatchJob cancel(String batchId) {
        return http.read("cancel batch",
                () -> http.request(http.target().path("batches").path(batchId).path("cancel")).post(ProviderHttp.json(JsonValue.EMPTY_JSON_OBJECT)),
                r -> BatchJob.from(ProviderHttp.json(r)));
    }

    /** One page of the account's batches, newest first. */
    public ProviderPage<BatchJob> list(String after, int limit) {
        return http.read("list batches", () -> {
            WebTarget t = http.target().path("batches").queryParam("limit", limit);
            if (after != null) {
                t = t.queryParam("after", after);
            }
            return http.request(t).get();
        }, r -> ProviderPage.from(ProviderHttp.json(r), BatchJob::from));
    }

    /** Every batch, newest first, page by page as the stream is consumed. */
    public Stream<BatchJob> listAll() {
        return ProviderPage.stream(after -> list(after, 100), BatchJob::id);
    }

    /** The batch made from this input file, if any: how an ambiguous create is reconciled. */
    public Optional<BatchJob> findByInputFile(String inputFileId) {
        try (Stream<BatchJob> batches = listAll()) {
            return batches.filter(b -> inputFileId.equals(b.inputFileId())).findFirst();
        }
    }

    /**
     * The results of a finished batch by custom_id, from its output and error files. A request missing
     * from both was not processed (e.g. a batch that failed validation).
     */
    public Map<String, BatchResult> results(BatchJob batch) {
        String output = batch.outputFileId() == null ? "" : files.contentText(batch.outputFileId());
        String errors = batch.errorFileId() == null ? "" : files.contentText(batch.errorFileId());
        return BatchLines.byCustomId(output, errors);
    }

    static void checkMetadata(Map<String, String> metadata) {
        if (metadata.size() > 16) {
            throw new IllegalArgumentException("A batch takes at most 16 metadata pairs, found " + metadata.size());
        }
        metadata.forEach((k, v) -> {
            if (k == null || k.isEmpty() || k.length() > 64) {
                throw new IllegalArgumentException("Batch metadata keys are 1 to 64 characters: '" + k + "'");
            }
            if (v == null || v.length() > 512) {
                throw new IllegalArgumentException("Batch metadata value of '" + k + "' must be a string of at most 512 characters");
            }
        });
    }
}
