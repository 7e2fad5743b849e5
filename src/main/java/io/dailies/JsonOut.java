package io.dailies;

import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** Adds nullable values to JSON the way clients expect: null stays an explicit null. */
public final class JsonOut {

    private JsonOut() {
    }

    public static JsonObjectBuilder add(JsonObjectBuilder o, String key, String value) {
        return value == null ? o.addNull(key) : o.add(key, value);
    }

    public static JsonObjectBuilder add(JsonObjectBuilder o, String key, Long value) {
        return value == null ? o.addNull(key) : o.add(key, value);
    }

    public static JsonObjectBuilder add(JsonObjectBuilder o, String key, Integer value) {
        return value == null ? o.addNull(key) : o.add(key, value);
    }

    public static JsonObjectBuilder add(JsonObjectBuilder o, String key, java.math.BigDecimal value) {
        return value == null ? o.addNull(key) : o.add(key, value);
    }

    public static JsonObjectBuilder add(JsonObjectBuilder o, String key, Instant value) {
        return value == null ? o.addNull(key) : o.add(key, value.toString());
    }
}
