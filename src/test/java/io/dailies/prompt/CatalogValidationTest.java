package io.dailies.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.provider.catalog.BillingMode;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.provider.catalog.ModelSpec;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typed request against the model catalog: sizes, lengths, character references, prompt length, prices. */
class CatalogValidationTest {

    static final ModelCatalog CATALOG = ModelCatalog.load();

    @Test
    void theCatalogHoldsTheGuidesLimits() {
        ModelSpec sora2 = CATALOG.model("sora-2").orElseThrow();
        ModelSpec pro = CATALOG.model("sora-2-pro").orElseThrow();
        assertEquals(List.of("720x1280", "1280x720"), sora2.sizes());
        assertEquals(List.of("720x1280", "1280x720", "1024x1792", "1792x1024", "1080x1920", "1920x1080"), pro.sizes());
        assertEquals(List.of(4, 8, 12, 16, 20), sora2.seconds());
        assertEquals(List.of(4, 8, 12, 16, 20), pro.seconds());
        assertEquals(2, sora2.maxCharacters(), "up to two uploaded characters per generation");
        assertEquals(2, pro.maxCharacters());
        assertEquals("sora-2", CATALOG.defaultModel().name());
        assertEquals(4, sora2.defaultSeconds(), "default 4 seconds");
    }

    @Test
    void blankParametersComeFromTheCatalog() {
        VideoParameters p = VideoParameters.of(ShotSpec.builder().subjectAction("x").build(), CharacterBible.EMPTY, CATALOG);
        assertEquals(new VideoParameters("sora-2", "1280x720", 4, "", List.of()), p);
        assertEquals(List.of(), p.validate(CATALOG));
        assertEquals(1280, p.width());
        assertEquals(720, p.height());
    }

    @Test
    void characterReferencesAreTheBiblesNamesInTheShotsOrder() {
        ShotSpec s = ShotSpec.builder().characters("chef", "COMMIS", "Chef Amara").inputReference("refs/first-frame.png")
                .model("Sora 2 Pro").build();
        VideoParameters p = VideoParameters.of(s, CharacterBibleTest.BIBLE, CATALOG);
        assertEquals(List.of("Chef Amara", "Commis"), p.characterIds(), "resolved and each once");
        assertEquals("sora-2-pro", p.model());
        assertEquals("refs/first-frame.png", p.inputReference());
        assertEquals(List.of("char_1", "char_2"), p.withCharacterIds(List.of("char_1", "char_2")).characterIds());
    }

    @ParameterizedTest
    @CsvSource({
            "sora-2, 1280x720, 4, 0, ''",
            "sora-2, 720x1280, 20, 2, ''",
            "sora-2-pro, 1920x1080, 12, 1, ''",
            "sora-2-pro, 1024x1792, 16, 0, ''",
            "sora-3, 1280x720, 4, 0, MODEL-UNKNOWN",
            "sora-2, 1920x1080, 4, 0, SIZE-UNSUPPORTED",
            "sora-2, 1280 x 720, 4, 0, ''",
            "sora-2, 640x480, 4, 0, SIZE-UNSUPPORTED",
            "sora-2, 1280x720, 6, 0, DURATION-UNSUPPORTED",
            "sora-2-pro, 1280x720, 25, 0, DURATION-UNSUPPORTED",
            "sora-2, 1280x720, 4, 3, CHARACTER-REFS-TOO-MANY"})
    void parametersAreCheckedAgainstTheModel(String model, String size, int seconds, int characters, String rule) {
        List<String> ids = List.of("a", "b", "c").subList(0, characters);
        List<LintFinding> f = new VideoParameters(model, size, seconds, "", ids).validate(CATALOG);
        assertEquals(rule.isEmpty() ? List.of() : List.of(rule), f.stream().map(LintFinding::ruleId).toList());
        f.forEach(x -> assertEquals(Severity.ERROR, x.severity()));
    }

    @Test
    void messagesListWhatTheModelAccepts() {
        LintFinding size = new VideoParameters("sora-2", "1920x1080", 4, "", List.of()).validate(CATALOG).get(0);
        assertEquals("Size 1920x1080 is not available for sora-2.", size.message());
        assertEquals("Use one of 720x1280, 1280x720, or set Model to sora-2-pro.", size.fix());
        LintFinding secs = new VideoParameters("sora-2", "1280x720", 30, "", List.of()).validate(CATALOG).get(0);
        assertEquals("Set Seconds to one of 4, 8, 12, 16, 20; split a longer shot over several rows.", secs.fix());
    }

    @Test
    void thePromptMustFitTheModelsLimit() {
        VideoParameters p = new VideoParameters("sora-2", "1280x720", 4, "", List.of());
        int max = CATALOG.model("sora-2").orElseThrow().maxPromptLength();
        assertEquals(List.of(), p.validate(CATALOG, "a".repeat(max)));
        List<LintFinding> f = p.validate(CATALOG, "a".repeat(max + 1));
        assertEquals(List.of("PROMPT-TOO-LONG"), f.stream().map(LintFinding::ruleId).toList());
        assertEquals("The compiled prompt is 32,001 characters; sora-2 accepts at most 32,000.", f.get(0).message());
    }

    // --- cost ---

    @Test
    void oneShotCostsItsPricePerSecondTimesItsLengthForSyncAndBatch() {
        CostEstimate.Line l = CostEstimate.shot(CATALOG, "Castle-SC1-01", new VideoParameters("sora-2", "1280x720", 8, "", List.of()), 1)
                .orElseThrow();
        assertEquals(0, new BigDecimal("0.80").compareTo(l.sync()));
        assertEquals(0, new BigDecimal("0.40").compareTo(l.batch()));
        assertEquals(0, new BigDecimal("0.40").compareTo(l.batchSavings()));
        ModelSpec pro = CATALOG.model("sora-2-pro").orElseThrow();
        CostEstimate.Line hd = CostEstimate.shot(CATALOG, "x", new VideoParameters("sora-2-pro", "1920x1080", 12, "", List.of()), 3).orElseThrow();
        assertEquals(0, pro.cost("1920x1080", 12, BillingMode.SYNC).multiply(BigDecimal.valueOf(3)).compareTo(hd.sync()));
        assertEquals(0, new BigDecimal("18.00").compareTo(hd.sync()));
        assertEquals(0, new BigDecimal("9.00").compareTo(hd.batch()));
    }

    @Test
    void aRunAddsUpItsShotsAndListsWhatCannotBePriced() {
        CostEstimate run = CostEstimate.of(CATALOG, List.of(
                new CostEstimate.Item("Castle-SC1-01", new VideoParameters("sora-2", "1280x720", 8, "", List.of())),
                new CostEstimate.Item("Castle-SC1-02", new VideoParameters("sora-2", "1280x720", 4, "", List.of()), 3),
                new CostEstimate.Item("Castle-SC1-03", new VideoParameters("sora-2-pro", "1792x1024", 4, "", List.of())),
                new CostEstimate.Item("Castle-SC1-04", new VideoParameters("sora-3", "1280x720", 4, "", List.of()))));
        assertEquals(3, run.lines().size());
        assertEquals(List.of("Castle-SC1-04"), run.unpriced());
        assertEquals(8 + 12 + 4, run.totalSeconds());
        assertEquals("$4.00", CostEstimate.usd(run.totalSync()));   // 0.80 + 1.20 + 2.00
        assertEquals("$2.00", CostEstimate.usd(run.totalBatch()));  // 0.40 + 0.60 + 1.00
        assertEquals("$2.00", CostEstimate.usd(run.batchSavings()));
        assertEquals(run.totalBatch(), run.total(BillingMode.BATCH));
        assertEquals("""
                shot\tmodel\tsize\tseconds\ttakes\tsync\tbatch
                Castle-SC1-01\tsora-2\t1280x720\t8\t1\t$0.80\t$0.40
                Castle-SC1-02\tsora-2\t1280x720\t4\t3\t$1.20\t$0.60
                Castle-SC1-03\tsora-2-pro\t1792x1024\t4\t1\t$2.00\t$1.00
                total\t\t\t24\t\t$4.00\t$2.00
                unpriced\tCastle-SC1-04
                """, run.toText());
    }

    @Test
    void centsAreRoundedHalfUpForDisplayOnly() {
        assertEquals("$0.13", CostEstimate.usd(new BigDecimal("0.125")));
        assertEquals("$0.00", CostEstimate.usd(BigDecimal.ZERO));
        assertTrue(CostEstimate.of(CATALOG, List.of()).lines().isEmpty());
    }
}
