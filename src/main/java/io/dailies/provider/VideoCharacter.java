package io.dailies.provider;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A character made with the Characters API from a short clip; its id goes into {@link VideoRequest#withCharacters}. */
public record VideoCharacter(String id, String name, long createdAt) {

    static VideoCharacter from(JsonObject o) {
        return new VideoCharacter(text(o, "id"), text(o, "name"),
                o.get("created_at") != null && o.get("created_at").getValueType() == JsonValue.ValueType.NUMBER
                        ? o.getJsonNumber("created_at").longValue() : 0);
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : o.getString(key);
    }
}
