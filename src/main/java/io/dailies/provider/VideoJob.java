package io.dailies.provider;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A generation as the provider reports it (the Videos API's VideoResource). */
public record VideoJob(String id, String status, int progress, String model, String size, String seconds,
                       String prompt, long createdAt, Long completedAt, Long expiresAt,
                       String remixedFromVideoId, String errorCode, String errorMessage) {

    public boolean completed() { return "completed".equals(status); }
    public boolean failed() { return "failed".equals(status); }
    public boolean finished() { return completed() || failed(); }

    static VideoJob from(JsonObject o) {
        JsonObject error = o.isNull("error") || !o.containsKey("error") ? null : o.getJsonObject("error");
        return new VideoJob(
                o.getString("id"),
                o.getString("status"),
                o.getInt("progress", 0),
                text(o, "model"),
                text(o, "size"),
                text(o, "seconds"),
                text(o, "prompt"),
                o.getJsonNumber("created_at").longValue(),
                number(o, "completed_at"),
                number(o, "expires_at"),
                text(o, "remixed_from_video_id"),
                error == null ? null : text(error, "code"),
                error == null ? null : text(error, "message"));
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : o.getString(key);
    }

    private static Long number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : o.getJsonNumber(key).longValue();
    }
}
