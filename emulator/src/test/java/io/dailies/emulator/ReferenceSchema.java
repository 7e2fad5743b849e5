package io.dailies.emulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks JSON against the component schemas of the reference OpenAPI document (a copy of
 * shared/reference/openai-videos-files-batches.openapi.yaml): required fields, types, enums,
 * $ref, anyOf/oneOf, nested objects and arrays. Enough of JSON Schema for the shapes we use.
 */
public final class ReferenceSchema {

    private final Map<String, Object> schemas;

    @SuppressWarnings("unchecked")
    public ReferenceSchema() {
        try (InputStream in = ReferenceSchema.class.getResourceAsStream("/reference/openai-videos-files-batches.openapi.yaml")) {
            Map<String, Object> doc = new Yaml().load(in);
            schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way the value departs from the named schema; empty when it conforms. */
    public List<String> violations(String schemaName, JsonValue value) {
        List<String> errors = new ArrayList<>();
        check(schema(schemaName), value, "$", errors);
        return errors;
    }

    public Object schema(String name) {
        Object s = schemas.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no schema " + name + " in the reference");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private void check(Object schemaObject, JsonValue value, String path, List<String> errors) {
        Map<String, Object> schema = (Map<String, Object>) schemaObject;
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            check(schema(ref.substring(ref.lastIndexOf('/') + 1)), value, path, errors);
            return;
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.containsKey(combinator)) {
                List<Object> options = (List<Object>) schema.get(combinator);
                boolean any = false;
                for (Object option : options) {
                    List<String> attempt = new ArrayList<>();
                    check(option, value, path, attempt);
                    any |= attempt.isEmpty();
                }
                if (!any) {
                    errors.add(path + ": matches none of the " + combinator + " alternatives: " + value);
                }
                return;
            }
        }
        Object type = schema.get("type");
        if (type != null && !hasType(value, (String) type)) {
            errors.add(path + ": expected " + type + ", found " + value.getValueType() + " " + value);
            return;
        }
        if (schema.containsKey("enum") && value.getValueType() == JsonValue.ValueType.STRING) {
            List<Object> allowed = (List<Object>) schema.get("enum");
            String s = ((JsonString) value).getString();
            if (allowed.stream().noneMatch(a -> String.valueOf(a).equals(s))) {
                errors.add(path + ": '" + s + "' is not one of " + allowed);
            }
        }
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject o = value.asJsonObject();
            for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!o.containsKey((String) required)) {
                    errors.add(path + ": missing required field '" + required + "'");
                }
            }
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            for (Map.Entry<String, Object> p : properties.entrySet()) {
                if (o.containsKey(p.getKey())) {
                    check(p.getValue(), o.get(p.getKey()), path + "." + p.getKey(), errors);
                }
            }
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY && schema.containsKey("items")) {
            JsonArray a = value.asJsonArray();
            for (int i = 0; i < a.size(); i++) {
                check(schema.get("items"), a.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static boolean hasType(JsonValue v, String type) {
        return switch (type) {
            case "string" -> v.getValueType() == JsonValue.ValueType.STRING;
            case "integer" -> v.getValueType() == JsonValue.ValueType.NUMBER && ((JsonNumber) v).isIntegral();
            case "number" -> v.getValueType() == JsonValue.ValueType.NUMBER;
            case "boolean" -> v == JsonValue.TRUE || v == JsonValue.FALSE;
            case "object" -> v.getValueType() == JsonValue.ValueType.OBJECT;
            case "array" -> v.getValueType() == JsonValue.ValueType.ARRAY;
            case "null" -> v == JsonValue.NULL;
            default -> true;
        };
    }
}
