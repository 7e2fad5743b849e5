package io.dailies.provider;

/**
 * A provider call that did not succeed, as an outcome a producer understands. The message never
 * carries the API key or request headers.
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

    public ProviderException(Kind kind, int httpStatus, String code, String param, String message, boolean ambiguous) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = code;
        this.param = param;
        this.ambiguous = ambiguous;
    }

    public Kind kind() { return kind; }
    public int httpStatus() { return httpStatus; }
    public String param() { return param; }
    public String code() { return code; }
    public boolean ambiguous() { return ambiguous; }

    /** One line for a report or the console: what happened and, where known, which parameter. */
    public String describe() {
        String what = switch (kind) {
            case CONTENT_POLICY -> "Rejected by the provider's content policy";
            case INVALID_PARAMETER -> "Invalid parameter" + (param == null ? "" : " '" + param + "'");
            case QUOTA_EXCEEDED -> "Provider quota exceeded";
            case RATE_LIMITED -> "Rate limited by the provider";
            case AUTHENTICATION -> "The provider refused the API key";
            case NOT_FOUND -> "Not found at the provider";
            case UNAVAILABLE -> "Provider unavailable";
            case GENERATION_FAILED -> "Generation failed";
            case UNKNOWN -> "Provider error";
        };
        String msg = getMessage();
        return msg == null || msg.isBlank() ? what : what + ": " + msg;
    }
}
