package io.dailies.provider;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Locale;

/**
 * What became of one request of a batch, read from its output or error file and found by the
 * custom_id the request was sent with.
 *
 * @param customId     the request's custom_id
 * @param statusCode   HTTP status of the request's answer; 0 when it got none (refused, expired, cancelled)
 * @param body         the answer's body (for a video, its VideoResource); null when there was none
 * @param errorCode    why it failed, when it did (the line's error, or the error envelope in the body)
 * @param errorMessage the provider's words for it
 * @param errorParam   the parameter at fault, when the provider names one
 */
public record BatchResult(String customId, int statusCode, JsonObject body, String errorCode, String errorMessage,
                          String errorParam) {

    public BatchResult(String customId, int statusCode, JsonObject body, String errorCode, String errorMessage) {
        this(customId, statusCode, body, errorCode, errorMessage, null);
    }

    /** The request was answered with success. For a video this means accepted: check {@link #video()} for the outcome. */
    public boolean ok() {
        return statusCode / 100 == 2 && errorCode == null && errorMessage == null;
    }

    /** The answer as a video, for a /v1/videos batch. */
    public VideoJob video() {
        if (body == null) {
            throw new IllegalStateException("Batch request " + customId + " has no answer: " + errorMessage);
        }
        return VideoJob.from(body);
    }

    /** Why the request failed, as the typed outcome the rest of Dailies handles; null when it did not fail. */
    public ProviderException failure() {
        if (ok()) {
            return null;
        }
        ProviderException.Kind kind = ProviderErrors.kind(statusCode, null, errorCode);
        if (kind == ProviderException.Kind.UNKNOWN && statusCode == 0) {
            String c = errorCode == null ? "" : errorCode.toLowerCase(Locale.ROOT);
            if (c.contains("invalid")) {
                kind = ProviderException.Kind.INVALID_PARAMETER;
            } else if (c.contains("not_found")) {
                kind = ProviderException.Kind.NOT_FOUND;
            } else if (c.contains("expired") || c.contains("cancel") || c.contains("server_error") || c.contains("timeout")
                    || c.contains("unavailable")) {
                // Expired, cancelled or lost on the provider's side: the request itself is fine, send it again.
                kind = ProviderException.Kind.UNAVAILABLE;
            } else {
                kind = ProviderException.Kind.GENERATION_FAILED;
            }
        }
        return new ProviderException(kind, statusCode, errorCode, errorParam,
                errorMessage == null ? "batch request " + customId + " failed" : errorMessage, false);
    }

    static String param(JsonObject error) {
        return error != null && error.get("param") instanceof JsonString p ? p.getString() : null;
    }
}
