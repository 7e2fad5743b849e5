package io.dailies.provider;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the provider's error envelope {"error": {message, type, param, code}} into a typed outcome.
 * Gateways that answer {"error": "text"}, {"message": ...} or {"detail": ...} are read as well.
 */
final class ProviderErrors {

    private ProviderErrors() {
    }

    static ProviderException from(int status, String body) {
        return from(status, body, Optional.empty(), -1);
    }

    /** The failure for an HTTP error answer; the key (if any) is redacted from everything the provider said. */
    static ProviderException from(int status, String body, Optional<String> key, long retryAfterMillis) {
        String message = null;
        String type = null;
        String param = null;
        String code = null;
        JsonObject root = parse(body);
        if (root != null) {
            JsonValue error = root.get("error");
            if (error != null && error.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObject e = error.asJsonObject();
                message = text(e, "message");
                type = text(e, "type");
                param = text(e, "param");
                code = text(e, "code");
            } else if (error != null && error.getValueType() == JsonValue.ValueType.STRING) {
                message = root.getString("error");
            } else {
                message = text(root, "message") != null ? text(root, "message") : text(root, "detail");
                code = text(root, "code");
            }
        }
        if (message == null || message.isBlank()) {
            message = body == null || body.isBlank() || root != null ? "HTTP " + status : "HTTP " + status + ": " + abbreviate(body);
        }
        return new ProviderException(kind(status, type, code), status, Secrets.redact(code, key), Secrets.redact(param, key),
                Secrets.redact(message, key), false, retryAfterMillis);
    }

    static ProviderException.Kind kind(int status, String type, String code) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (c.contains("moderation") || c.contains("content_policy") || c.contains("safety") || t.contains("moderation")) {
            return ProviderException.Kind.CONTENT_POLICY;
        }
        // OpenAI answers an exhausted quota with 429 too: that one must not be retried.
        if (c.contains("quota") || c.contains("billing") || t.contains("insufficient_quota")) {
            return ProviderException.Kind.QUOTA_EXCEEDED;
        }
        if (c.equals("invalid_api_key") || t.equals("authentication_error")) {
            return ProviderException.Kind.AUTHENTICATION;
        }
        if (c.contains("rate_limit")) {
            return ProviderException.Kind.RATE_LIMITED;
        }
        return switch (status) {
            case 400, 413, 415, 422 -> ProviderException.Kind.INVALID_PARAMETER;
            case 401, 403 -> ProviderException.Kind.AUTHENTICATION;
            case 404, 410 -> ProviderException.Kind.NOT_FOUND;
            case 429 -> ProviderException.Kind.RATE_LIMITED;
            case 408, 409 -> ProviderException.Kind.UNAVAILABLE;
            default -> status >= 500 ? ProviderException.Kind.UNAVAILABLE : ProviderException.Kind.UNKNOWN;
        };
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException notJson) {
            return null;
        }
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
