package io.dailies.emulator;

import io.dailies.emulator.media.Defect;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which takes the emulator renders with defects, as a test wrote it:
 * {"rules": [{"prompt_contains": "SC1-02", "defects": ["flicker"]}, {"model": "sora-2", "defects": ["silent"], "count": 1}]}.
 *
 * <p>A rule matches a new generation (a create, remix, edit, extension or batch request) when every
 * condition it has holds: {@code prompt_contains}, a piece of the prompt (ignoring case); {@code model},
 * the model asked for (a dated snapshot such as "sora-2-2025-10-06" also matches "sora-2"). A rule
 * without conditions matches every generation. {@code count} limits it to its first n matches. Every
 * matching rule adds its {@code defects} (wire names, {@link Defect#wireName()}). Parsing is strict, like
 * the fault plan's: an unknown field or defect is refused, naming the rule and the field.
 */
public final class DefectPlan {

    public static final DefectPlan NONE = new DefectPlan(List.of());

    private static final Set<String> FIELDS = Set.of("prompt_contains", "model", "defects", "count");

    /** One rule; a condition that is absent is null (it matches everything). */
    public record Rule(int index, String promptContains, String model, Integer count, Set<Defect> defects,
                       JsonObject source) {

        public boolean matches(String generationModel, String prompt) {
            return (model == null || model.equals(generationModel)
                    || (generationModel != null && model.equals(Emulator.baseModel(generationModel))))
                    && (promptContains == null || (prompt != null
                    && prompt.toLowerCase(Locale.ROOT).contains(promptContains.toLowerCase(Locale.ROOT))));
        }
    }

    private final List<Rule> rules;

    private DefectPlan(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The plan as written. */
    public JsonObject toJson() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        rules.forEach(r -> list.add(r.source()));
        return Json.createObjectBuilder().add("rules", list).build();
    }

    /** Parses a plan; blank text is no plan. Throws {@link FaultPlan.Invalid} naming the rule index and field. */
    public static DefectPlan parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        JsonValue root;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            root = reader.readValue();
        } catch (RuntimeException e) {
            throw new FaultPlan.Invalid(-1, null, "The defect rules are not valid JSON: " + e.getMessage());
        }
        if (root.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new FaultPlan.Invalid(-1, null, "The defect rules must be a JSON object {\"rules\": [...]}.");
        }
        JsonObject plan = root.asJsonObject();
        for (String key : plan.keySet()) {
            if (!key.equals("rules")) {
                throw new FaultPlan.Invalid(-1, key, "Unknown field '" + key + "'; the defect rules have only 'rules'.");
            }
        }
        JsonValue list = plan.get("rules");
        if (list == null || list.getValueType() == JsonValue.ValueType.NULL) {
            return NONE;
        }
        if (list.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new FaultPlan.Invalid(-1, "rules", "'rules' must be an array of rule objects.");
        }
        JsonArray array = list.asJsonArray();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new FaultPlan.Invalid(i, null, "Rule " + i + " must be a JSON object.");
            }
            rules.add(rule(i, array.getJsonObject(i)));
        }
        return new DefectPlan(rules);
    }

    private static Rule rule(int i, JsonObject o) {
        String where = "Rule " + i + ": ";
        for (String key : o.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new FaultPlan.Invalid(i, key, where + "'" + key + "' is not a field of a defect rule; it takes "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
            }
        }
        JsonValue list = o.get("defects");
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY || list.asJsonArray().isEmpty()) {
            throw new FaultPlan.Invalid(i, "defects", where + "'defects' is required: a non-empty array of defect names ("
                    + Defect.wireNames() + ").");
        }
        Set<Defect> defects = EnumSet.noneOf(Defect.class);
        for (JsonValue item : list.asJsonArray()) {
            String name = item.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) item).getString() : item.toString();
            defects.add(Defect.byName(name).orElseThrow(() -> new FaultPlan.Invalid(i, "defects",
                    where + "unknown defect '" + name + "'; use one of " + Defect.wireNames() + ".")));
        }
        Integer count = null;
        if (o.containsKey("count")) {
            JsonValue v = o.get("count");
            if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()
                    || ((JsonNumber) v).bigDecimalValue().compareTo(BigDecimal.ONE) < 0
                    || ((JsonNumber) v).bigDecimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new FaultPlan.Invalid(i, "count", where + "'count' must be a whole number of at least 1.");
            }
            count = ((JsonNumber) v).intValue();
        }
        String contains = text(i, o, "prompt_contains", where);
        if (contains != null && contains.isEmpty()) {
            throw new FaultPlan.Invalid(i, "prompt_contains", where + "'prompt_contains' must not be empty; leave it out to match every prompt.");
        }
        return new Rule(i, contains, text(i, o, "model", where), count, defects, o);
    }

    private static String text(int i, JsonObject o, String field, String where) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new FaultPlan.Invalid(i, field, where + "'" + field + "' must be a string.");
        }
        return ((JsonString) v).getString();
    }
}
