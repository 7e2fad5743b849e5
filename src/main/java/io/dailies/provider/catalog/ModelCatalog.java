package io.dailies.provider.catalog;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The video models Dailies may render with, read from {@code model-catalog.json}, so adding a model,
 * a size or a price is a configuration change. Problems in the file fail fast at load time with a
 * message naming the model and the field, because a wrong price or limit is worse than no start.
 */
public final class ModelCatalog {

    /** Classpath location of the catalog shipped with the application. */
    public static final String RESOURCE = "model-catalog.json";

    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]*x[1-9][0-9]*");
    /** Runs of blanks and underscores in a model name, one dash in its key (compiled once: looked up per shot). */
    private static final Pattern KEY_GAPS = Pattern.compile("[\\s_]+");

    private final Map<String, ModelSpec> models;
    private final ModelSpec defaultModel;

    private ModelCatalog(Map<String, ModelSpec> models, ModelSpec defaultModel) {
        this.models = models;
        this.defaultModel = defaultModel;
    }

    /** Loads the catalog shipped on the classpath. */
    public static ModelCatalog load() {
        InputStream in = ModelCatalog.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        try (in) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads a catalog in the {@code model-catalog.json} format; the stream is not closed. */
    public static ModelCatalog load(InputStream json) {
        JsonObject root;
        try {
            JsonReader reader = Json.createReader(json);
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException(RESOURCE + ": not a JSON object: " + e.getMessage(), e);
        }
        JsonObject defaults = object(root, "defaults", "catalog");
        String defaultName = string(defaults, "model", "defaults");
        String defaultSize = size(string(defaults, "size", "defaults"), "defaults");
        int defaultSeconds = positiveInt(defaults, "seconds", "defaults");

        Map<String, ModelSpec> models = new LinkedHashMap<>();
        for (JsonValue v : array(root, "models", "catalog")) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("catalog", "every entry of 'models' must be an object");
            }
            ModelSpec spec = model(v.asJsonObject(), defaultSize, defaultSeconds);
            if (models.putIfAbsent(key(spec.name()), spec) != null) {
                throw invalid("model '" + spec.name() + "'", "appears twice");
            }
        }
        if (models.isEmpty()) {
            throw invalid("catalog", "'models' is empty");
        }
        ModelSpec defaultModel = models.get(key(defaultName));
        if (defaultModel == null) {
            throw invalid("defaults", "model '" + defaultName + "' is not in 'models'");
        }
        return new ModelCatalog(Collections.unmodifiableMap(models), defaultModel);
    }

    /**
     * The model with this name. Forgiving about how producers type it: case, surrounding spaces and
     * spaces or underscores for hyphens ("Sora 2 Pro" finds sora-2-pro).
     */
    public Optional<ModelSpec> model(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(models.get(key(name)));
    }

    /** The model used when a shot names none. */
    public ModelSpec defaultModel() {
        return defaultModel;
    }

    /** Model names in catalog order. */
    public List<String> names() {
        return models.values().stream().map(ModelSpec::name).toList();
    }

    /** All models in catalog order. */
    public List<ModelSpec> models() {
        return List.copyOf(models.values());
    }

    private static String key(String name) {
        return KEY_GAPS.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    private static ModelSpec model(JsonObject o, String catalogDefaultSize, int catalogDefaultSeconds) {
        String name = string(o, "name", "a model");
        String where = "model '" + name + "'";
        List<String> sizes = new ArrayList<>();
        for (JsonValue v : array(o, "sizes", where)) {
            sizes.add(size(text(v, where + " sizes"), where));
        }
        List<Integer> seconds = new ArrayList<>();
        for (JsonValue v : array(o, "seconds", where)) {
            seconds.add(positiveInt(v, where + " seconds"));
        }
        if (sizes.isEmpty() || seconds.isEmpty()) {
            throw invalid(where, "needs at least one size and one length in seconds");
        }

        Map<String, PerSecondPrice> prices = new LinkedHashMap<>();
        for (JsonValue v : array(o, "pricePerSecondUsd", where)) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid(where, "every entry of 'pricePerSecondUsd' must be an object");
            }
            JsonObject tier = v.asJsonObject();
            PerSecondPrice price = new PerSecondPrice(decimal(tier, "sync", where), decimal(tier, "batch", where));
            for (JsonValue s : array(tier, "sizes", where + " pricePerSecondUsd")) {
                String size = size(text(s, where + " pricePerSecondUsd"), where);
                if (!sizes.contains(size)) {
                    throw invalid(where, "prices size " + size + " which is not one of its sizes");
                }
                if (prices.put(size, price) != null) {
                    throw invalid(where, "prices size " + size + " twice");
                }
            }
        }
        for (String size : sizes) {
            if (!prices.containsKey(size)) {
                throw invalid(where, "has no price for size " + size);
            }
        }

        String defaultSize = o.containsKey("defaultSize") ? size(string(o, "defaultSize", where), where) : catalogDefaultSize;
        int defaultSeconds = o.containsKey("defaultSeconds") ? positiveInt(o, "defaultSeconds", where) : catalogDefaultSeconds;
        if (!sizes.contains(defaultSize)) {
            throw invalid(where, "default size " + defaultSize + " is not one of its sizes; set \"defaultSize\" for it");
        }
        if (!seconds.contains(defaultSeconds)) {
            throw invalid(where, "default length " + defaultSeconds + " s is not one of its seconds; set \"defaultSeconds\" for it");
        }
        return new ModelSpec(name, sizes, seconds,
                positiveInt(o, "maxCharacters", where, true),
                positiveInt(o, "maxPromptLength", where),
                prices,
                positiveInt(o, "requestsPerMinute", where),
                positiveInt(o, "maxConcurrentGenerations", where),
                defaultSize, defaultSeconds);
    }

    // --- small typed readers: each names the model and field at fault ---

    private static JsonObject object(JsonObject o, String field, String where) {
        JsonValue v = required(o, field, where);
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(where, "'" + field + "' must be an object");
        }
        return v.asJsonObject();
    }

    private static JsonArray array(JsonObject o, String field, String where) {
        JsonValue v = required(o, field, where);
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid(where, "'" + field + "' must be an array");
        }
        return v.asJsonArray();
    }

    private static String string(JsonObject o, String field, String where) {
        String s = text(required(o, field, where), where + " '" + field + "'");
        if (s.isBlank()) {
            throw invalid(where, "'" + field + "' is blank");
        }
        return s.strip();
    }

    private static String text(JsonValue v, String where) {
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid(where, "expected a string, found " + v);
        }
        return ((JsonString) v).getString();
    }

    private static String size(String s, String where) {
        String size = s.strip().toLowerCase(Locale.ROOT);
        if (!SIZE.matcher(size).matches()) {
            throw invalid(where, "size '" + s + "' is not WIDTHxHEIGHT, e.g. 1280x720");
        }
        return size;
    }

    private static int positiveInt(JsonObject o, String field, String where) {
        return positiveInt(o, field, where, false);
    }

    private static int positiveInt(JsonObject o, String field, String where, boolean zeroAllowed) {
        return positiveInt(required(o, field, where), where + " '" + field + "'", zeroAllowed);
    }

    private static int positiveInt(JsonValue v, String where) {
        return positiveInt(v, where, false);
    }

    private static int positiveInt(JsonValue v, String where, boolean zeroAllowed) {
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw invalid(where, "expected a whole number, found " + v);
        }
        int n;
        try {
            n = ((JsonNumber) v).intValueExact();
        } catch (ArithmeticException e) {
            throw invalid(where, "number too large: " + v);
        }
        if (n < 0 || (n == 0 && !zeroAllowed)) {
            throw invalid(where, "must be " + (zeroAllowed ? "zero or more" : "positive") + ", found " + n);
        }
        return n;
    }

    private static BigDecimal decimal(JsonObject o, String field, String where) {
        JsonValue v = required(o, field, where);
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            throw invalid(where, "'" + field + "' must be a number, found " + v);
        }
        BigDecimal d = ((JsonNumber) v).bigDecimalValue();
        if (d.signum() < 0) {
            throw invalid(where, "'" + field + "' cannot be negative");
        }
        return d;
    }

    private static JsonValue required(JsonObject o, String field, String where) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw invalid(where, "'" + field + "' is missing");
        }
        return v;
    }

    private static IllegalArgumentException invalid(String where, String problem) {
        return new IllegalArgumentException(RESOURCE + ": " + where + ": " + problem);
    }
}
