package io.dailies.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final String KEY = "sk-proj-Abc123DEF456ghi789JKL";

    @Test
    void theConfiguredKeyIsRedactedWhateverItLooksLike() {
        String key = "gw_7f3c9a1e5b";
        String out = Secrets.redact("Key gw_7f3c9a1e5b is not allowed for gw_7f3c9a1e5b", Optional.of(key));
        assertFalse(out.contains(key), out);
        assertEquals("Key [redacted] is not allowed for [redacted]", out);
    }

    @Test
    void bearerTokensAndSecretKeysAreRedactedEvenWhenTheKeyIsNotKnown() {
        String out = Secrets.redact("Incorrect API key provided: " + KEY + ". Header was 'Authorization: Bearer abc.def-ghi'");
        assertFalse(out.contains(KEY), out);
        assertFalse(out.contains("abc.def-ghi"), out);
        assertTrue(out.contains("Incorrect API key provided: sk-[redacted]"), out);
        assertTrue(out.contains("Bearer [redacted]"), out);
    }

    @Test
    void keyValuePairsLoseTheirValue() {
        assertEquals("url?api_key=[redacted]&x=1", Secrets.redact("url?api_key=s3cr3t&x=1"));
        assertEquals("{\"api-key\": \"[redacted]\"}", Secrets.redact("{\"api-key\": \"s3cr3t\"}"));
        assertEquals("x-api-key: [redacted]", Secrets.redact("x-api-key: s3cr3t"));
    }

    @Test
    void ordinaryProviderMessagesAreLeftAlone() {
        String msg = "Invalid value for 'size': '1920x1080' is not supported by sora-2. Task-1234567 failed; risk-assessment done.";
        assertEquals(msg, Secrets.redact(msg, Optional.of("zz-not-in-text")));
        assertNull(Secrets.redact(null, Optional.of(KEY)));
    }

    @Test
    void exceptionsCannotCarryAKeyInMessageCodeParamDescriptionOrToString() {
        ProviderException e = new ProviderException(ProviderException.Kind.AUTHENTICATION, 401, "invalid_api_key " + KEY,
                "Bearer " + KEY, "Incorrect API key provided: " + KEY, false);
        for (String shown : new String[] {e.getMessage(), e.describe(), e.toString(), e.code(), e.param()}) {
            assertFalse(shown.contains(KEY), shown);
            assertFalse(shown.contains("Abc123"), shown);
        }
        assertTrue(e.describe().startsWith("The provider refused the API key"), e.describe());
    }

    @Test
    void settingsSayWhetherAKeyIsSetNeverWhich() {
        ProviderSettings s = ProviderSettings.of("http://gw.example/v1").withApiKey("gw_7f3c9a1e5b");
        assertFalse(s.toString().contains("gw_7f3c9a1e5b"), s.toString());
        assertTrue(s.toString().contains("apiKey=(set)"), s.toString());
        assertTrue(ProviderSettings.of("http://gw.example/v1").withApiKey("  ").apiKey().isEmpty(), "a blank key is no key");
    }

    @Test
    void providerErrorsAreRedactedWithTheConfiguredKey() {
        String key = "gw_7f3c9a1e5b";
        ProviderException e = ProviderErrors.from(401,
                "{\"error\":{\"message\":\"Key gw_7f3c9a1e5b revoked\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}",
                Optional.of(key), -1);
        assertEquals("Key [redacted] revoked", e.getMessage());
        ProviderException html = ProviderErrors.from(502, "<html>upstream said Authorization: Bearer " + key + "</html>", Optional.of(key), -1);
        assertFalse(html.getMessage().contains(key), html.getMessage());
    }
}
