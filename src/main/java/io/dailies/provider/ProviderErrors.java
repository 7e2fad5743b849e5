package io.dailies.provider;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Turns the provider's error envelope {"error": {message, type, param, code}} into a typed outcome. */
final class ProviderErrors {

    private ProviderErrors() {
    }

    static ProviderException from(int status, String body) {
        String message = null;
        String type = null;
        String param = null;
        String code = null;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject error = reader.readObject().getJsonObject("error");
            message = text(error, "message");
            type = text(error, "type");
            param = text(error, "param");
            code = text(error, "code");
        } catch (RuntimeException notJson) {
            message = body == null || body.isBlank() ? "HTTP " + status : "HTTP " + status + ": " + abbreviate(body);
        }
        return new ProviderException(kind(status, type, code), status, code, param, message, false);
    }

    static ProviderException.Kind kind(int status, String type, String code) {
        String c = code == null ? "" : code.toLowerCase();
        String t = type == null ? "" : type.toLowerCase();
        if (c.contains("moderation") || c.contains("content_policy") || c.contains("safety") || t.contains("moderation")) {
            return ProviderException.Kind.CONTENT_POLICY;
        }
        if (c.contains("quota") || c.contains("billing") || t.contains("insufficient_quota")) {
            return ProviderException.Kind.QUOTA_EXCEEDED;
        }
        return switch (status) {
            case 400, 422 -> ProviderException.Kind.INVALID_PARAMETER;
            case 401, 403 -> ProviderException.Kind.AUTHENTICATION;
            case 404 -> ProviderException.Kind.NOT_FOUND;
            case 429 -> ProviderException.Kind.RATE_LIMITED;
            case 408, 409 -> ProviderException.Kind.UNAVAILABLE;
            default -> status >= 500 ? ProviderException.Kind.UNAVAILABLE : ProviderException.Kind.UNKNOWN;
        };
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : o.getString(key);
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
