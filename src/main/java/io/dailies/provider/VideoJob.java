package io.dailies.provider;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A generation as the provider reports it (the Videos API's VideoResource). The reference image and
 * characters are filled only when a gateway echoes them back; the reference's VideoResource does not.
 */
public record VideoJob(String id, String status, int progress, String model, String size, String seconds,
                       String prompt, long createdAt, Long completedAt, Long expiresAt,
                       String remixedFromVideoId, String errorCode, String errorMessage,
                       String referenceFileId, String referenceImageUrl, List<String> characterIds) {

    public VideoJob {
        characterIds = characterIds == null ? List.of() : List.copyOf(characterIds);
    }

    public boolean completed() { return "completed".equals(status); }
    public boolean failed() { return "failed".equals(status); }
    public boolean finished() { return completed() || failed(); }

    /**
     * Why a failed generation failed, in a producer's words: content policy, invalid parameter, quota...
     * (from the provider's error code), with the provider's message.
     */
    public String failureDescription() {
        ProviderException.Kind kind = ProviderErrors.kind(0, null, errorCode());
        ProviderException typed = new ProviderException(kind == ProviderException.Kind.UNKNOWN ? ProviderException.Kind.GENERATION_FAILED : kind,
                0, errorCode(), null, (errorMessage() == null ? "the provider reported the generation failed" : errorMessage())
                        + (errorCode() == null ? "" : " (" + errorCode() + ")"), false);
        return typed.describe();
    }

    /** Reads a VideoResource, e.g. one line of a batch's output file. */
    public static VideoJob from(JsonObject o) {
        JsonObject error = o.get("error") instanceof JsonObject e ? e : null;
        JsonObject reference = o.get("input_reference") instanceof JsonObject r ? r : null;
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
                error == null ? null : text(error, "message"),
                reference == null ? null : text(reference, "file_id"),
                reference == null ? null : text(reference, "image_url"),
                characterIds(o));
    }

    private static List<String> characterIds(JsonObject o) {
        JsonValue v = o.get("characters");
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (JsonValue c : (JsonArray) v) {
            if (c.getValueType() == JsonValue.ValueType.OBJECT && text(c.asJsonObject(), "id") != null) {
                ids.add(c.asJsonObject().getString("id"));
            } else if (c.getValueType() == JsonValue.ValueType.STRING) {
                ids.add(((jakarta.json.JsonString) c).getString());
            }
        }
        return ids;
    }

    /** A string field; a gateway that sends a number (e.g. "seconds": 8) is read as its text. */
    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null) {
            return null;
        }
        return switch (v.getValueType()) {
            case STRING -> o.getString(key);
            case NUMBER -> v.toString();
            default -> null;
        };
    }

    private static Long number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.NUMBER ? null : o.getJsonNumber(key).longValue();
    }
}
