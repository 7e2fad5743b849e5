package io.dailies.provider.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    private final ModelCatalog catalog = ModelCatalog.load();

    @Test
    void shipsSora2AndSora2ProWithSora2AsDefault() {
        assertEquals(List.of("sora-2", "sora-2-pro"), catalog.names());
        ModelSpec sora2 = catalog.defaultModel();
        assertEquals("sora-2", sora2.name());
        assertEquals("1280x720", sora2.defaultSize());
        assertEquals(4, sora2.defaultSeconds());
    }

    @Test
    void sora2RendersOnly720p() {
        ModelSpec sora2 = catalog.model("sora-2").orElseThrow();
        assertEquals(List.of("720x1280", "1280x720"), sora2.sizes());
        assertTrue(sora2.allowsSize("1280x720"));
        assertFalse(sora2.allowsSize("1920x1080"));
        assertEquals(List.of(4, 8, 12, 16, 20), sora2.seconds());
        assertTrue(sora2.allowsSeconds(20));
        assertFalse(sora2.allowsSeconds(10));
        assertEquals(32000, sora2.maxPromptLength());
        assertEquals(2, sora2.maxCharacters());
        assertTrue(sora2.requestsPerMinute() > 0);
        assertTrue(sora2.maxConcurrentGenerations() > 0);
    }

    @Test
    void sora2ProAddsTallWideAnd1080pSizes() {
        ModelSpec pro = catalog.model("sora-2-pro").orElseThrow();
        assertEquals(List.of("720x1280", "1280x720", "1024x1792", "1792x1024", "1080x1920", "1920x1080"), pro.sizes());
    }

    @Test
    void pricesArePerSecondPerSizeAndBatchIsHalf() {
        ModelSpec sora2 = catalog.model("sora-2").orElseThrow();
        ModelSpec pro = catalog.model("sora-2-pro").orElseThrow();
        assertPrice("0.10", sora2.pricePerSecond("1280x720", BillingMode.SYNC));
        assertPrice("0.05", sora2.pricePerSecond("720x1280", BillingMode.BATCH));
        assertPrice("0.30", pro.pricePerSecond("1280x720", BillingMode.SYNC));
        assertPrice("0.50", pro.pricePerSecond("1792x1024", BillingMode.SYNC));
        assertPrice("0.50", pro.pricePerSecond("1920x1080", BillingMode.SYNC));
        assertPrice("0.25", pro.pricePerSecond("1080x1920", BillingMode.BATCH));
        for (ModelSpec m : catalog.models()) {
            for (String size : m.sizes()) {
                assertPrice(m.pricePerSecond(size, BillingMode.SYNC).divide(BigDecimal.valueOf(2)).toPlainString(),
                        m.pricePerSecond(size, BillingMode.BATCH));
            }
        }
    }

    @Test
    void costIsPriceTimesSeconds() {
        assertPrice("0.40", catalog.defaultModel().cost("1280x720", 4, BillingMode.SYNC));
        assertPrice("4.00", catalog.model("sora-2-pro").orElseThrow().cost("1920x1080", 8, BillingMode.SYNC));
        assertThrows(IllegalArgumentException.class, () -> catalog.defaultModel().cost("1920x1080", 4, BillingMode.SYNC));
    }

    @Test
    void lookupForgivesCaseSpacesAndUnderscores() {
        assertEquals("sora-2-pro", catalog.model(" Sora 2 Pro ").orElseThrow().name());
        assertEquals("sora-2-pro", catalog.model("SORA_2_PRO").orElseThrow().name());
        assertEquals("sora-2", catalog.model("Sora-2").orElseThrow().name());
    }

    @Test
    void unknownModelIsEmpty() {
        assertEquals(Optional.empty(), catalog.model("sora-3"));
        assertEquals(Optional.empty(), catalog.model(null));
        assertEquals(Optional.empty(), catalog.model(""));
    }

    @Test
    void addingAModelIsAConfigChange() {
        ModelCatalog extended = ModelCatalog.load(json("""
                {"defaults": {"model": "sora-2", "size": "1280x720", "seconds": 4},
                 "models": [
                  {"name": "sora-2", "sizes": ["1280x720"], "seconds": [4, 8], "maxCharacters": 2, "maxPromptLength": 32000,
                   "pricePerSecondUsd": [{"sizes": ["1280x720"], "sync": 0.10, "batch": 0.05}],
                   "requestsPerMinute": 50, "maxConcurrentGenerations": 8},
                  {"name": "veo-4", "sizes": ["1080x1920"], "seconds": [6], "maxCharacters": 0, "maxPromptLength": 4000,
                   "pricePerSecondUsd": [{"sizes": ["1080x1920"], "sync": 0.40, "batch": 0.20}],
                   "requestsPerMinute": 10, "maxConcurrentGenerations": 2, "defaultSize": "1080x1920", "defaultSeconds": 6}
                 ]}"""));
        assertEquals(List.of("sora-2", "veo-4"), extended.names());
        ModelSpec veo = extended.model("veo-4").orElseThrow();
        assertEquals("1080x1920", veo.defaultSize());
        assertEquals(6, veo.defaultSeconds());
        assertEquals(4000, veo.maxPromptLength());
        assertPrice("0.40", veo.pricePerSecond("1080x1920", BillingMode.SYNC));
    }

    @Test
    void aSizeWithoutAPriceIsRejectedAtLoad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelCatalog.load(json("""
                {"defaults": {"model": "m", "size": "1280x720", "seconds": 4},
                 "models": [{"name": "m", "sizes": ["1280x720", "720x1280"], "seconds": [4], "maxCharacters": 2,
                   "maxPromptLength": 32000, "pricePerSecondUsd": [{"sizes": ["1280x720"], "sync": 0.1, "batch": 0.05}],
                   "requestsPerMinute": 5, "maxConcurrentGenerations": 1}]}""")));
        assertTrue(e.getMessage().contains("model 'm'") && e.getMessage().contains("no price for size 720x1280"), e.getMessage());
    }

    @Test
    void anUnknownDefaultModelIsRejectedAtLoad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelCatalog.load(json("""
                {"defaults": {"model": "nope", "size": "1280x720", "seconds": 4},
                 "models": [{"name": "m", "sizes": ["1280x720"], "seconds": [4], "maxCharacters": 2,
                   "maxPromptLength": 32000, "pricePerSecondUsd": [{"sizes": ["1280x720"], "sync": 0.1, "batch": 0.05}],
                   "requestsPerMinute": 5, "maxConcurrentGenerations": 1}]}""")));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void aDefaultSizeTheModelCannotRenderIsRejectedAtLoad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelCatalog.load(json("""
                {"defaults": {"model": "m", "size": "1280x720", "seconds": 4},
                 "models": [{"name": "m", "sizes": ["720x1280"], "seconds": [4], "maxCharacters": 2,
                   "maxPromptLength": 32000, "pricePerSecondUsd": [{"sizes": ["720x1280"], "sync": 0.1, "batch": 0.05}],
                   "requestsPerMinute": 5, "maxConcurrentGenerations": 1}]}""")));
        assertTrue(e.getMessage().contains("defaultSize"), e.getMessage());
    }

    @Test
    void missingFieldsAndBrokenJsonAreNamed() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ModelCatalog.load(json("""
                {"defaults": {"model": "m", "size": "1280x720", "seconds": 4},
                 "models": [{"name": "m", "sizes": ["1280x720"], "seconds": [4]}]}""")));
        assertTrue(missing.getMessage().contains("model 'm'"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelCatalog.load(json("{not json")));
    }

    private static ByteArrayInputStream json(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertPrice(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }
}
