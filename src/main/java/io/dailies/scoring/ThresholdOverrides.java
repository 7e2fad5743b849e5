package io.dailies.scoring;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of PUT /api/projects/{id}/thresholds: the thresholds a project sets for itself, by name, e.g.
 * {@code {"passMark": 75, "loudnessMinLufs": -18}}; {@code {}} goes back to the defaults. The names are
 * those of {@link io.dailies.scoring.media.ScoringThresholds}' components, so a new threshold can be set
 * as soon as it exists. Each name must be known and each value a number ({@link Known}); whether the
 * values fit together is the thresholds' own rule, checked when they are applied.
 *
 * @param thresholds the JSON object as sent, name to value; null when the body is not a JSON object
 */
@ThresholdOverrides.Known
@JsonbTypeDeserializer(ThresholdOverrides.Reader.class)
public record ThresholdOverrides(
        @NotNull(message = "Send a JSON object of thresholds, e.g. \\{\"passMark\": 75\\}; \\{\\} restores the defaults.")
        Map<String, JsonValue> thresholds) {

    public ThresholdOverrides {
        thresholds = thresholds == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    /** The requested thresholds as numbers, in name order; only for a body that passed its constraints. */
    Map<String, Double> values() {
        Map<String, Double> values = new TreeMap<>();
        thresholds.forEach((name, value) -> values.put(name, ((JsonNumber) value).doubleValue()));
        return values;
    }

    /**
     * Reads the body as it was sent: the names are open (they are the thresholds'), so the object is kept
     * whole for {@link Known} to name every unknown or non-numeric entry, instead of binding skipping them.
     */
    public static class Reader implements JsonbDeserializer<ThresholdOverrides> {
        @Override
        public ThresholdOverrides deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue body = parser.getValue();
            return new ThresholdOverrides(body instanceof JsonObject object ? object : null);
        }
    }

    /** Every name is a threshold's and every value a number; each entry that is not is named on its own. */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = KnownCheck.class)
    public @interface Known {
        String message() default "must name known thresholds with numbers";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class KnownCheck implements ConstraintValidator<Known, ThresholdOverrides> {
        @Override
        public boolean isValid(ThresholdOverrides overrides, ConstraintValidatorContext context) {
            if (overrides == null || overrides.thresholds() == null) {
                return true; // @NotNull says so
            }
            List<String> known = ProjectThresholds.names();
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (Map.Entry<String, JsonValue> e : overrides.thresholds().entrySet()) {
                String problem = null;
                if (!known.contains(e.getKey())) {
                    problem = "is not a threshold (known: " + String.join(", ", known) + ")";
                } else if (e.getValue().getValueType() != JsonValue.ValueType.NUMBER) {
                    problem = "must be a number, was " + e.getValue();
                }
                if (problem != null) {
                    context.buildConstraintViolationWithTemplate(literal(problem)).addPropertyNode(e.getKey())
                            .addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }

        /** The text as it is: what the client sent may contain a message template's special characters. */
        private static String literal(String text) {
            return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
