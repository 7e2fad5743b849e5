package io.dailies.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.provider.ProviderException.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderErrorsTest {

    private static String envelope(String type, String param, String code, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":"
                + (param == null ? "null" : "\"" + param + "\"") + ",\"code\":" + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    @Test
    void theEnvelopeBecomesAKindWithItsParameter() {
        ProviderException e = ProviderErrors.from(400, envelope("invalid_request_error", "size", "invalid_value",
                "Invalid value for 'size': '1920x1080' is not supported by sora-2."));
        assertEquals(Kind.INVALID_PARAMETER, e.kind());
        assertEquals("size", e.param());
        assertEquals("invalid_value", e.code());
        assertEquals(400, e.httpStatus());
        assertFalse(e.ambiguous());
        assertEquals("Invalid parameter 'size': Invalid value for 'size': '1920x1080' is not supported by sora-2.", e.describe());
    }

    @Test
    void statusesAndCodesMapToWhatAProducerCanActOn() {
        assertEquals(Kind.CONTENT_POLICY, ProviderErrors.kind(400, "invalid_request_error", "moderation_blocked"));
        assertEquals(Kind.CONTENT_POLICY, ProviderErrors.kind(400, null, "content_policy_violation"));
        assertEquals(Kind.QUOTA_EXCEEDED, ProviderErrors.kind(429, "insufficient_quota", "insufficient_quota"));
        assertEquals(Kind.QUOTA_EXCEEDED, ProviderErrors.kind(400, null, "billing_hard_limit_reached"));
        assertEquals(Kind.RATE_LIMITED, ProviderErrors.kind(429, "requests", "rate_limit_exceeded"));
        assertEquals(Kind.AUTHENTICATION, ProviderErrors.kind(401, "invalid_request_error", "invalid_api_key"));
        assertEquals(Kind.AUTHENTICATION, ProviderErrors.kind(403, null, null));
        assertEquals(Kind.NOT_FOUND, ProviderErrors.kind(404, null, "content_expired"));
        assertEquals(Kind.UNAVAILABLE, ProviderErrors.kind(409, null, "video_not_ready"));
        assertEquals(Kind.UNAVAILABLE, ProviderErrors.kind(503, "server_error", null));
        assertEquals(Kind.INVALID_PARAMETER, ProviderErrors.kind(413, null, null));
        assertEquals(Kind.UNKNOWN, ProviderErrors.kind(418, null, null));
        assertFalse(Kind.QUOTA_EXCEEDED.retryable(), "an exhausted quota is not fixed by trying again");
        assertTrue(Kind.RATE_LIMITED.retryable());
    }

    @Test
    void gatewaysThatDoNotSpeakTheEnvelopeAreStillRead() {
        assertEquals("model overloaded", ProviderErrors.from(503, "{\"error\":\"model overloaded\"}").getMessage());
        assertEquals("bad seconds", ProviderErrors.from(422, "{\"detail\":\"bad seconds\"}").getMessage());
        assertEquals("HTTP 502: <html> <body>Bad gateway</body></html>",
                ProviderErrors.from(502, "<html>\n<body>Bad gateway</body></html>").getMessage());
        assertEquals("HTTP 500", ProviderErrors.from(500, "").getMessage());
        String huge = "x".repeat(5000);
        assertTrue(ProviderErrors.from(500, huge).getMessage().length() < 250, "an HTML error page is abbreviated");
    }

    @Test
    void describeReadsWellForEachKind() {
        assertEquals("Rejected by the provider's content policy; rephrase the prompt or change the reference: Your request was blocked",
                new ProviderException(Kind.CONTENT_POLICY, 400, "moderation_blocked", null, "Your request was blocked", false).describe());
        assertEquals("Rate limited by the provider; it asks to wait 20 s: Slow down",
                ProviderErrors.from(429, envelope("requests", null, "rate_limit_exceeded", "Slow down"), Optional.empty(), 20_000).describe());
        assertEquals("Rate limited by the provider; it asks to wait 1.5 s",
                new ProviderException(Kind.RATE_LIMITED, 429, null, null, null, false, 1500).describe());
        assertEquals("Provider unavailable; the request may have reached it, so Dailies checks before sending it again: create video: no answer (timed out)",
                new ProviderException(Kind.UNAVAILABLE, 0, null, null, "create video: no answer (timed out)", true).describe());
        assertEquals("Provider error (HTTP 418): teapot", new ProviderException(Kind.UNKNOWN, 418, null, null, "teapot", false).describe());
        assertEquals("Provider quota or budget used up; check the account's billing",
                new ProviderException(Kind.QUOTA_EXCEEDED, 429, null, null, "", false).describe());
    }

    @Test
    void retryAfterIsReadAsSecondsAsAnHttpDateOrInMilliseconds() {
        long now = 1_700_000_000_000L; // Tue, 14 Nov 2023 22:13:20 GMT
        assertEquals(7_000, ProviderHttp.retryAfterMillis(null, "7", now));
        assertEquals(1_500, ProviderHttp.retryAfterMillis(null, "1.5", now));
        assertEquals(250, ProviderHttp.retryAfterMillis("250", "7", now), "retry-after-ms is the more precise");
        assertEquals(30_000, ProviderHttp.retryAfterMillis(null, "Tue, 14 Nov 2023 22:13:50 GMT", now));
        assertEquals(0, ProviderHttp.retryAfterMillis(null, "Tue, 14 Nov 2023 22:00:00 GMT", now), "a date in the past: go now");
        assertEquals(-1, ProviderHttp.retryAfterMillis(null, null, now));
        assertEquals(-1, ProviderHttp.retryAfterMillis("soon", "later", now));
        assertEquals(-1, ProviderHttp.retryAfterMillis(null, "-3", now));
    }

    @Test
    void backoffGrowsWithJitterUpToTheCapAndRetryAfterIsAFloor() {
        ProviderHttp http = new ProviderHttp(ProviderSettings.of("http://127.0.0.1:9/v1").withRetries(6, 100, 1_000),
                ProviderLimiter.unlimited(), new FakeClock(0));
        for (int i = 0; i < 200; i++) {
            long first = http.delayMillis(0, -1);
            assertTrue(first >= 50 && first <= 100, "attempt 0: " + first);
            long fourth = http.delayMillis(3, -1);
            assertTrue(fourth >= 400 && fourth <= 800, "attempt 3: " + fourth);
            long late = http.delayMillis(12, -1);
            assertTrue(late >= 500 && late <= 1_000, "capped: " + late);
            assertEquals(900, http.delayMillis(0, 900), "the provider's Retry-After is waited out");
            assertTrue(http.delayMillis(12, 10) >= 125, "a tiny Retry-After does not undo the backoff entirely");
        }
    }
}
