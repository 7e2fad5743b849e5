package io.dailies.provider;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A file stored at the provider (the Files API's OpenAIFile): a batch's input or output, a reference image. */
public record ProviderFile(String id, long bytes, long createdAt, Long expiresAt, String filename, String purpose, String status) {

    static ProviderFile from(JsonObject o) {
        return new ProviderFile(
                o.getString("id"),
                number(o, "bytes") == null ? 0 : number(o, "bytes"),
                number(o, "created_at") == null ? 0 : number(o, "created_at"),
                number(o, "expires_at"),
                text(o, "filename"),
                text(o, "purpose"),
                text(o, "status"));
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
