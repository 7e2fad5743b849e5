package io.dailies.provider;

import java.util.OptionalLong;

/**
 * A provider call that did not succeed, as an outcome a producer understands. The message never
 * carries the API key or request headers: whatever text it is given passes through {@link Secrets}.
 */
public class ProviderException extends RuntimeException {

    public enum Kind {
        /** The prompt or reference was refused by the provider's content policy. */
        CONTENT_POLICY,
        /** A request parameter is wrong; {@link #param()} names it. */
        INVALID_PARAMETER,
        /** The account's quota or budget is used up. */
        QUOTA_EXCEEDED,
        /** Too many requests; retried with backoff before this is raised. */
        RATE_LIMITED,
        /** The key was refused. */
        AUTHENTICATION,
        NOT_FOUND,
        /** The provider is down or overloaded (5xx, timeouts, refused connections). */
        UNAVAILABLE,
        /** The generation itself failed on the provider's side. */
        GENERATION_FAILED,
        UNKNOWN;

        public boolean retryable() {
            return this == RATE_LIMITED || this == UNAVAILABLE;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final String param;
    private final String code;
    /** True when the request may have reached the provider although no answer came back. */
    private final boolean ambiguous;
    /** How long the provider asked us to wait before trying again, when it said so; -1 otherwise. */
    private final long retryAfterMillis;

    public ProviderException(Kind kind, int httpStatus, String code, String param, String message, boolean ambiguous) {
        this(kind, httpStatus, code, param, message, ambiguous, -1);
    }

    public ProviderException(Kind kind, int httpStatus, String code, String param, String message, boolean ambiguous,
                             long retryAfterMillis) {
        super(Secrets.redact(message));
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = Secrets.redact(code);
        this.param = Secrets.redact(param);
        this.ambiguous = ambiguous;
        this.retryAfterMillis = retryAfterMillis;
    }

    public Kind kind() { return kind; }
    public int httpStatus() { return httpStatus; }
    public String param() { return param; }
    public String code() { return code; }
    public boolean ambiguous() { return ambiguous; }

    /** The provider's Retry-After, when it gave one. */
    public OptionalLong retryAfterMillis() {
        return retryAfterMillis < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterMillis);
    }

    /** The same failure, now marked as one the ledger must reconcile (the request may have created something). */
    ProviderException asAmbiguous() {
        return new ProviderException(kind, httpStatus, code, param, getMessage(), true, retryAfterMillis);
    }

    /** The same failure with a note appended to its message, e.g. how many attempts were made. */
    ProviderException withNote(String note) {
        String msg = getMessage();
        return new ProviderException(kind, httpStatus, code, param, msg == null || msg.isBlank() ? note : msg + " (" + note + ")",
                ambiguous, retryAfterMillis);
    }

    /**
     * One line for a report or the console: what happened in the producer's terms, which parameter where
     * known, what to do about it, and the provider's own words.
     */
    public String describe() {
        String what = switch (kind) {
            case CONTENT_POLICY -> "Rejected by the provider's content policy; rephrase the prompt or change the reference";
            case INVALID_PARAMETER -> "Invalid parameter" + (param == null ? "" : " '" + param + "'");
            case QUOTA_EXCEEDED -> "Provider quota or budget used up; check the account's billing";
            case RATE_LIMITED -> "Rate limited by the provider"
                    + (retryAfterMillis >= 0 ? "; it asks to wait " + seconds(retryAfterMillis) : "");
            case AUTHENTICATION -> "The provider refused the API key (missing, wrong, or without access)";
            case NOT_FOUND -> "Not found at the provider";
            case UNAVAILABLE -> ambiguous
                    ? "Provider unavailable; the request may have reached it, so Dailies checks before sending it again"
                    : httpStatus == 409 ? "Conflict at the provider (the resource is busy or no longer in that state)"
                    : "Provider unavailable";
            case GENERATION_FAILED -> "Generation failed";
            case UNKNOWN -> "Provider error" + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "");
        };
        String msg = getMessage();
        return msg == null || msg.isBlank() ? what : what + ": " + msg;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
