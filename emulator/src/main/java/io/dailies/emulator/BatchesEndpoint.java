package io.dailies.emulator;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * POST/GET /batches, GET /batches/{id} and POST /batches/{id}/cancel, with the reference's Batch shape.
 * Reading a batch also moves it on (besides the {@link BatchClock}), so a client that polls sees every step.
 */
@Path("batches")
@Produces(MediaType.APPLICATION_JSON)
public class BatchesEndpoint {

    private static final Logger LOG = Logger.getLogger(BatchesEndpoint.class.getName());

    @Inject
    BatchProcessor batches;

    @Inject
    FileStore files;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public String create(String body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw EmulatorErrors.invalid(null, "The request body is not a JSON object.");
        }
        String inputFileId = required(json, "input_file_id");
        String endpoint = required(json, "endpoint");
        String window = required(json, "completion_window");
        if (!EmulatedBatch.ENDPOINTS.contains(endpoint)) {
            throw EmulatorErrors.invalid("endpoint", "Invalid value for 'endpoint': '" + endpoint + "'. The emulator runs batches for "
                    + String.join(" and ", new TreeSet<>(EmulatedBatch.ENDPOINTS).descendingSet()) + ".");
        }
        if (!"24h".equals(window)) {
            throw EmulatorErrors.invalid("completion_window", "Invalid value for 'completion_window': '" + window + "'. Supported: 24h.");
        }
        String metadata = metadata(json.get("metadata"));
        Long outputExpiresAfter = outputExpiresAfter(json.get("output_expires_after"));
        EmulatedFile input = files.find(inputFileId)
                .orElseThrow(() -> EmulatorErrors.invalid("input_file_id", "No file with id '" + inputFileId + "'."));
        if (!"batch".equals(input.getPurpose())) {
            throw EmulatorErrors.invalid("input_file_id", "File '" + inputFileId + "' was uploaded with purpose '" + input.getPurpose()
                    + "'; a batch's input file needs purpose 'batch'.");
        }
        return resource(batches.create(inputFileId, endpoint, metadata, outputExpiresAfter)).toString();
    }

    @GET
    public String list(@QueryParam("after") String after, @QueryParam("limit") @DefaultValue("20") int limit) {
        ListPage.check(limit, 100, null);
        List<String> page = batches.page(after, limit);
        List<EmulatedBatch> shown = new java.util.ArrayList<>();
        for (String id : page.subList(0, Math.min(limit, page.size()))) {
            advance(id);
            batches.find(id).ifPresent(shown::add);
        }
        if (page.size() > limit) {
            shown.add(null); // only counted: tells has_more
        }
        return ListPage.json(shown, limit, EmulatedBatch::getId, BatchesEndpoint::resource);
    }

    @GET
    @Path("{id}")
    public String retrieve(@PathParam("id") String id) {
        find(id);
        advance(id);
        return resource(find(id)).toString();
    }

    /** A validating or running batch goes to cancelling (cancelled at its next step); a finished one cannot be cancelled. */
    @POST
    @Path("{id}/cancel")
    public String cancel(@PathParam("id") String id) {
        find(id);
        advance(id); // a batch that has finished by now is finished, not cancelled
        EmulatedBatch batch = batches.cancel(id).orElseThrow(() -> notFound(id));
        if (!EmulatedBatch.CANCELLING.equals(batch.getStatus())) {
            throw EmulatorErrors.error(409, "invalid_request_error", null, "batch_not_cancellable",
                    "Batch '" + id + "' is " + batch.getStatus() + "; only a validating or in_progress batch can be cancelled.");
        }
        return resource(batch).toString();
    }

    /** Moves the batch on if a step is due; when another thread holds it, that thread does the step. */
    private void advance(String id) {
        try {
            batches.advance(id);
        } catch (RuntimeException e) {
            if (!BatchProcessor.lockBusy(e)) {
                throw e;
            }
            LOG.fine(() -> "Batch " + id + " is being advanced by another thread; answering with its last state");
        }
    }

    private EmulatedBatch find(String id) {
        return batches.find(id).orElseThrow(() -> notFound(id));
    }

    private static jakarta.ws.rs.WebApplicationException notFound(String id) {
        return EmulatorErrors.notFound("No batch with id '" + id + "'.");
    }

    /**
     * The reference's Batch. Its timestamps and file ids are typed integer and string without null, so
     * the ones that have not happened yet are left out (SDKs read a missing field as null).
     */
    static JsonObject resource(EmulatedBatch b) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", b.getId())
                .add("object", "batch")
                .add("endpoint", b.getEndpoint());
        if (b.getErrors() != null) {
            try (JsonReader r = Json.createReader(new StringReader(b.getErrors()))) {
                o.add("errors", r.readObject());
            }
        }
        o.add("input_file_id", b.getInputFileId())
                .add("completion_window", b.getCompletionWindow())
                .add("status", b.getStatus());
        optional(o, "output_file_id", b.getOutputFileId());
        optional(o, "error_file_id", b.getErrorFileId());
        o.add("created_at", b.getCreatedAtMillis() / 1000);
        seconds(o, "in_progress_at", b.getInProgressAtMillis());
        o.add("expires_at", b.getExpiresAtMillis() / 1000);
        seconds(o, "finalizing_at", b.getFinalizingAtMillis());
        seconds(o, "completed_at", b.getCompletedAtMillis());
        seconds(o, "failed_at", b.getFailedAtMillis());
        seconds(o, "expired_at", b.getExpiredAtMillis());
        seconds(o, "cancelling_at", b.getCancellingAtMillis());
        seconds(o, "cancelled_at", b.getCancelledAtMillis());
        o.add("request_counts", Json.createObjectBuilder()
                .add("total", b.getTotal()).add("completed", b.getCompleted()).add("failed", b.getFailed()));
        if (b.getMetadata() == null) {
            o.addNull("metadata");
        } else {
            try (JsonReader r = Json.createReader(new StringReader(b.getMetadata()))) {
                o.add("metadata", r.readObject());
            }
        }
        return o.build();
    }

    /** The reference's Metadata: at most 16 string values, keys up to 64 and values up to 512 characters. */
    static String metadata(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw EmulatorErrors.invalid("metadata", "Invalid type for 'metadata': expected an object of strings.");
        }
        JsonObject m = value.asJsonObject();
        if (m.size() > 16) {
            throw EmulatorErrors.invalid("metadata", "'metadata' has " + m.size() + " keys; at most 16 are allowed.");
        }
        for (Map.Entry<String, JsonValue> e : m.entrySet()) {
            if (e.getKey().length() > 64) {
                throw EmulatorErrors.invalid("metadata", "A 'metadata' key is longer than 64 characters.");
            }
            if (e.getValue().getValueType() != JsonValue.ValueType.STRING) {
                throw EmulatorErrors.invalid("metadata", "'metadata." + e.getKey() + "' must be a string.");
            }
            if (((JsonString) e.getValue()).getString().length() > 512) {
                throw EmulatorErrors.invalid("metadata", "'metadata." + e.getKey() + "' is longer than 512 characters.");
            }
        }
        return m.toString();
    }

    private static Long outputExpiresAfter(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw EmulatorErrors.invalid("output_expires_after", "Invalid type for 'output_expires_after': expected an object.");
        }
        JsonObject policy = value.asJsonObject();
        JsonValue anchor = policy.get("anchor");
        JsonValue seconds = policy.get("seconds");
        if (seconds != null && (seconds.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) seconds).isIntegral())) {
            throw EmulatorErrors.invalid("output_expires_after", "'output_expires_after.seconds' must be a whole number.");
        }
        return FilesEndpoint.expiresAfter("output_expires_after",
                anchor != null && anchor.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) anchor).getString() : null,
                seconds == null ? null : ((JsonNumber) seconds).longValue());
    }

    private static String required(JsonObject json, String key) {
        JsonValue v = json.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw EmulatorErrors.invalid(key, "Missing required parameter: '" + key + "'.");
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw EmulatorErrors.invalid(key, "Invalid type for '" + key + "': expected a string.");
        }
        return ((JsonString) v).getString();
    }

    private static void optional(JsonObjectBuilder o, String key, String value) {
        if (value != null) {
            o.add(key, value);
        }
    }

    private static void seconds(JsonObjectBuilder o, String key, Long millis) {
        if (millis != null) {
            o.add(key, millis / 1000);
        }
    }
}
