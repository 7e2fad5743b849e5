package io.dailies.emulator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which faults the emulator injects, as a test wrote them: {"seed": 7, "rules": [{"fault": "rate_limit",
 * "path": "^/videos$", "count": 2}, ...]}. Parsing is strict (an unknown or misspelt field is refused,
 * naming the rule and the field), because a fault that silently never fires makes a test pass for nothing.
 */
public final class FaultPlan {

    /** No faults at all: the emulator behaves like a healthy provider. */
    public static final FaultPlan NONE = new FaultPlan(0, List.of());

    /** What goes wrong. The first five happen at the HTTP level (the servlet filter); the rest inside the provider. */
    public enum Kind {
        RATE_LIMIT, SERVER_ERROR, UNAVAILABLE, SLOW, DROP,
        CONTENT_POLICY, STUCK, BATCH_LINE, BATCH_EXPIRED, CONTENT_EXPIRED, MODEL_RATE_LIMIT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Decided per HTTP request by the filter, before the endpoint sees it. */
        public boolean http() {
            return ordinal() <= DROP.ordinal();
        }

        static Kind of(String wireName) {
            for (Kind k : values()) {
                if (k.wireName().equals(wireName)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Before: the request is never processed. After: it is (the video IS created), then the answer is lost. */
    public enum Phase { BEFORE, AFTER }

    /** Where a stuck generation's progress stops when the rule does not say ({@code "progress"}). */
    public static final int DEFAULT_STUCK_PROGRESS = 42;

    private static final Set<String> COMMON = Set.of("fault", "count", "probability");
    private static final Set<String> REQUEST = Set.of("method", "path", "model");
    private static final Map<Kind, Set<String>> FIELDS = new EnumMap<>(Kind.class);

    static {
        FIELDS.put(Kind.RATE_LIMIT, union(COMMON, REQUEST, Set.of("retry_after", "code", "message")));
        FIELDS.put(Kind.SERVER_ERROR, union(COMMON, REQUEST, Set.of("phase", "code", "message")));
        FIELDS.put(Kind.UNAVAILABLE, union(COMMON, REQUEST, Set.of("phase", "retry_after", "code", "message")));
        FIELDS.put(Kind.SLOW, union(COMMON, REQUEST, Set.of("phase", "delay_ms")));
        FIELDS.put(Kind.DROP, union(COMMON, REQUEST, Set.of("phase")));
        FIELDS.put(Kind.CONTENT_POLICY, union(COMMON, Set.of("model", "prompt", "code", "message")));
        FIELDS.put(Kind.STUCK, union(COMMON, Set.of("model", "prompt", "progress")));
        FIELDS.put(Kind.BATCH_LINE, union(COMMON, Set.of("custom_id", "code", "message")));
        FIELDS.put(Kind.BATCH_EXPIRED, union(COMMON, Set.of("batch_id")));
        // A lifetime and a rate limit are standing conditions, not events: they are never "the first N" or "by chance".
        FIELDS.put(Kind.CONTENT_EXPIRED, Set.of("fault", "lifetime_s"));
        FIELDS.put(Kind.MODEL_RATE_LIMIT, Set.of("fault", "model", "rpm", "retry_after", "message"));
    }

    /**
     * One rule. Matching fields are null when absent (absent matches everything); {@code count} and
     * {@code probability} are null when absent (absent: fires on every match). {@code progress} is where a
     * stuck generation's progress stops (0 for other faults).
     */
    public record Rule(int index, Kind fault, Phase phase, String method, Pattern path, String model, Pattern prompt,
                       Pattern customId, Pattern batchId, Integer count, Double probability, Integer retryAfter,
                       long delayMs, long lifetimeSeconds, int rpm, int progress, String code, String message,
                       JsonObject source) {

        /** Whether this HTTP-level rule applies to a request (path is the part after /emulator/v1). */
        public boolean matchesRequest(String requestMethod, String requestPath, String requestModel) {
            return fault.http()
                    && (method == null || method.equalsIgnoreCase(requestMethod))
                    && (path == null || path.matcher(requestPath).find())
                    && (model == null || model.equals(requestModel));
        }

        /** Whether the rule names a model, so the filter has to read the request body to match it. */
        public boolean needsModel() {
            return model != null;
        }

        public boolean matchesModel(String generationModel) {
            return model == null || model.equals(generationModel);
        }

        public boolean matchesPrompt(String generationPrompt) {
            return prompt == null || (generationPrompt != null && prompt.matcher(generationPrompt).find());
        }

        public boolean matchesCustomId(String id) {
            return customId == null || (id != null && customId.matcher(id).find());
        }

        public boolean matchesBatchId(String id) {
            return batchId == null || (id != null && batchId.matcher(id).find());
        }
    }

    /** A plan that cannot be used, with the rule (-1: the plan itself) and the field at fault. */
    public static final class Invalid extends IllegalArgumentException {
        private final int ruleIndex;
        private final String field;

        Invalid(int ruleIndex, String field, String message) {
            super(message);
            this.ruleIndex = ruleIndex;
            this.field = field;
        }

        public int ruleIndex() {
            return ruleIndex;
        }

        public String field() {
            return field;
        }

        /** Where the problem is, as the error envelope's "param": "rules[2].delay_ms", or "seed". */
        public String param() {
            if (ruleIndex < 0) {
                return field;
            }
            return "rules[" + ruleIndex + "]" + (field == null ? "" : "." + field);
        }
    }

    private final long seed;
    private final List<Rule> rules;

    private FaultPlan(long seed, List<Rule> rules) {
        this.seed = seed;
        this.rules = List.copyOf(rules);
    }

    public long seed() {
        return seed;
    }

    public List<Rule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The plan as it was written (rules as sent, in order). */
    public JsonObject toJson() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        rules.forEach(r -> list.add(r.source()));
        return Json.createObjectBuilder().add("seed", seed).add("rules", list).build();
    }

    /** Parses a plan; blank text is no plan. Throws {@link Invalid} naming the rule index and field. */
    public static FaultPlan parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        JsonValue root;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            root = reader.readValue();
        } catch (RuntimeException e) {
            throw new Invalid(-1, null, "The fault plan is not valid JSON: " + e.getMessage());
        }
        if (root.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Invalid(-1, null, "The fault plan must be a JSON object {\"seed\": n, \"rules\": [...]}.");
        }
        JsonObject plan = root.asJsonObject();
        for (String key : plan.keySet()) {
            if (!key.equals("seed") && !key.equals("rules")) {
                throw new Invalid(-1, key, "Unknown field '" + key + "' in the fault plan; it has 'seed' and 'rules'.");
            }
        }
        long seed = 0;
        if (plan.containsKey("seed")) {
            JsonValue s = plan.get("seed");
            if (s.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) s).isIntegral()) {
                throw new Invalid(-1, "seed", "'seed' must be a whole number.");
            }
            try {
                seed = ((JsonNumber) s).longValueExact();
            } catch (ArithmeticException e) {
                throw new Invalid(-1, "seed", "'seed' must fit in a 64-bit long.");
            }
        }
        List<Rule> rules = new ArrayList<>();
        JsonValue list = plan.get("rules");
        if (list != null && list.getValueType() != JsonValue.ValueType.NULL) {
            if (list.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new Invalid(-1, "rules", "'rules' must be an array of rule objects.");
            }
            JsonArray array = list.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new Invalid(i, null, "Rule " + i + " must be a JSON object.");
                }
                rules.add(rule(i, array.getJsonObject(i)));
            }
        }
        return new FaultPlan(seed, rules);
    }

    private static Rule rule(int i, JsonObject o) {
        String faultName = text(i, o, "fault");
        if (faultName == null) {
            throw new Invalid(i, "fault", "Rule " + i + ": 'fault' is required, one of " + kinds() + ".");
        }
        Kind kind = Kind.of(faultName);
        if (kind == null) {
            throw new Invalid(i, "fault", "Rule " + i + ": unknown fault '" + faultName + "'; use one of " + kinds() + ".");
        }
        String where = "Rule " + i + " (" + faultName + "): ";
        for (String key : o.keySet()) {
            if (!FIELDS.get(kind).contains(key)) {
                throw new Invalid(i, key, where + "'" + key + "' is not a field of this fault; it takes "
                        + String.join(", ", FIELDS.get(kind).stream().sorted().toList()) + ".");
            }
        }
        Phase phase = Phase.BEFORE;
        String phaseName = text(i, o, "phase");
        if (phaseName != null) {
            switch (phaseName) {
                case "before" -> phase = Phase.BEFORE;
                case "after" -> phase = Phase.AFTER;
                default -> throw new Invalid(i, "phase", where + "'phase' must be \"before\" or \"after\", not '" + phaseName + "'.");
            }
        }
        String method = text(i, o, "method");
        if (method != null) {
            if (!method.matches("[A-Za-z]+")) {
                throw new Invalid(i, "method", where + "'method' must be an HTTP method such as POST, not '" + method + "'.");
            }
            method = method.toUpperCase(Locale.ROOT);
        }
        Integer count = null;
        if (o.containsKey("count")) {
            count = (int) whole(i, o, "count", where, 1, Integer.MAX_VALUE);
        }
        Double probability = null;
        if (o.containsKey("probability")) {
            probability = number(i, o, "probability", where);
            if (probability < 0 || probability > 1) {
                throw new Invalid(i, "probability", where + "'probability' must be between 0 and 1, not " + probability + ".");
            }
        }
        Integer retryAfter = o.containsKey("retry_after") ? (int) whole(i, o, "retry_after", where, 0, 86_400) : null;
        long delayMs = 0;
        if (kind == Kind.SLOW) {
            require(i, o, "delay_ms", where, "how long the answer is held back, in milliseconds");
            delayMs = whole(i, o, "delay_ms", where, 1, 600_000);
        }
        long lifetime = 0;
        if (kind == Kind.CONTENT_EXPIRED) {
            require(i, o, "lifetime_s", where, "how many seconds after completion content can still be downloaded");
            lifetime = whole(i, o, "lifetime_s", where, 0, 365L * 86_400);
        }
        int rpm = 0;
        if (kind == Kind.MODEL_RATE_LIMIT) {
            require(i, o, "rpm", where, "how many creates per model are allowed in any 60 seconds");
            rpm = (int) whole(i, o, "rpm", where, 0, 1_000_000);
        }
        int progress = 0;
        if (kind == Kind.STUCK) {
            // Below 100: a stuck generation never looks finished.
            progress = o.containsKey("progress") ? (int) whole(i, o, "progress", where, 0, 99) : DEFAULT_STUCK_PROGRESS;
        }
        return new Rule(i, kind, phase, method, regex(i, o, "path", where), text(i, o, "model"), regex(i, o, "prompt", where),
                regex(i, o, "custom_id", where), regex(i, o, "batch_id", where), count, probability, retryAfter, delayMs,
                lifetime, rpm, progress, text(i, o, "code"), text(i, o, "message"), o);
    }

    private static void require(int i, JsonObject o, String field, String where, String what) {
        if (!o.containsKey(field)) {
            throw new Invalid(i, field, where + "'" + field + "' is required: " + what + ".");
        }
    }

    private static String text(int i, JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new Invalid(i, field, (i < 0 ? "" : "Rule " + i + ": ") + "'" + field + "' must be a string.");
        }
        return ((JsonString) v).getString();
    }

    private static Pattern regex(int i, JsonObject o, String field, String where) {
        String source = text(i, o, field);
        if (source == null) {
            return null;
        }
        try {
            return Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            throw new Invalid(i, field, where + "'" + field + "' is not a valid regular expression: " + e.getDescription() + ".");
        }
    }

    private static double number(int i, JsonObject o, String field, String where) {
        JsonValue v = o.get(field);
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new Invalid(i, field, where + "'" + field + "' must be a number.");
        }
        return ((JsonNumber) v).doubleValue();
    }

    private static long whole(int i, JsonObject o, String field, String where, long min, long max) {
        JsonValue v = o.get(field);
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw new Invalid(i, field, where + "'" + field + "' must be a whole number.");
        }
        JsonNumber n = (JsonNumber) v;
        if (n.bigDecimalValue().compareTo(BigDecimal.valueOf(min)) < 0
                || n.bigDecimalValue().compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new Invalid(i, field, where + "'" + field + "' must be between " + min + " and " + max + ", not " + n + ".");
        }
        return n.longValue();
    }

    private static String kinds() {
        return String.join(", ", Arrays.stream(Kind.values()).map(Kind::wireName).toList());
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
