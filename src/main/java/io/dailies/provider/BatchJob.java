package io.dailies.provider;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch as the provider reports it (the Batch API's Batch object). Status moves validating →
 * in_progress → finalizing → completed, or to failed, expired, cancelling → cancelled; the output and
 * error files appear when it finishes (an expired or cancelled batch still delivers what was done).
 */
public record BatchJob(String id, String status, String endpoint, String inputFileId, String completionWindow,
                       String outputFileId, String errorFileId, RequestCounts requestCounts, List<BatchError> errors,
                       long createdAt, Long inProgressAt, Long expiresAt, Long finalizingAt, Long completedAt,
                       Long failedAt, Long expiredAt, Long cancellingAt, Long cancelledAt, Map<String, String> metadata) {

    private static final Set<String> FINISHED = Set.of("completed", "failed", "expired", "cancelled");

    /** How many of the batch's requests there are and how many are done either way. */
    public record RequestCounts(int total, int completed, int failed) {
    }

    /** Why the batch (or one line of its input, when {@code line} is set) was refused. */
    public record BatchError(String code, String message, String param, Integer line) {
    }

    public BatchJob {
        errors = errors == null ? List.of() : List.copyOf(errors);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        requestCounts = requestCounts == null ? new RequestCounts(0, 0, 0) : requestCounts;
    }

    public boolean completed() { return "completed".equals(status); }
    public boolean failed() { return "failed".equals(status); }

    /** Nothing will change any more: completed, failed, expired or cancelled. */
    public boolean finished() {
        return FINISHED.contains(status);
    }

    static BatchJob from(JsonObject o) {
        JsonObject counts = object(o, "request_counts");
        List<BatchError> errors = new ArrayList<>();
        JsonObject errorList = object(o, "errors");
        if (errorList != null && errorList.get("data") != null && errorList.get("data").getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue v : errorList.getJsonArray("data")) {
                if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                    JsonObject e = v.asJsonObject();
                    Long line = number(e, "line");
                    errors.add(new BatchError(text(e, "code"), text(e, "message"), text(e, "param"), line == null ? null : line.intValue()));
                }
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonObject meta = object(o, "metadata");
        if (meta != null) {
            meta.forEach((k, v) -> {
                if (v.getValueType() == JsonValue.ValueType.STRING) {
                    metadata.put(k, meta.getString(k));
                }
            });
        }
        Long createdAt = number(o, "created_at");
        return new BatchJob(o.getString("id"), o.getString("status"), text(o, "endpoint"), text(o, "input_file_id"),
                text(o, "completion_window"), text(o, "output_file_id"), text(o, "error_file_id"),
                counts == null ? null : new RequestCounts(count(counts, "total"), count(counts, "completed"), count(counts, "failed")),
                errors, createdAt == null ? 0 : createdAt, number(o, "in_progress_at"), number(o, "expires_at"),
                number(o, "finalizing_at"), number(o, "completed_at"), number(o, "failed_at"), number(o, "expired_at"),
                number(o, "cancelling_at"), number(o, "cancelled_at"), metadata);
    }

    private static int count(JsonObject o, String key) {
        Long n = number(o, key);
        return n == null ? 0 : n.intValue();
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.OBJECT ? null : v.asJsonObject();
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : o.getString(key);
    }

    private static Long number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.NUMBER ? null : o.getJsonNumber(key).longValue();
    }
}
