package io.dailies.scoring.media;

import io.dailies.emulator.media.Defect;
import io.dailies.emulator.media.RenderSpec;
import io.dailies.emulator.media.TakeRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real MP4s from the emulator, measured and scored: each defect must fail the right criterion. */
class AcceptanceScorerTest {

    static final List<Integer> AMBER_CREAM_WALNUT = List.of(0xFFBF00, 0xFFFDD0, 0x5C4033);
    static final List<Integer> TEAL_SAND_RUST = List.of(0x008080, 0xC2B280, 0xB7410E);
    static final ScoringThresholds T = ScoringThresholds.defaults();
    static final TakeExpectation ASKED = new TakeExpectation(320, 180, 4, AMBER_CREAM_WALNUT, true);

    @TempDir
    static Path dir;
    static TakeMeasurements clean;

    @BeforeAll
    static void renderCleanTake() throws IOException {
        clean = measure(spec());
    }

    static RenderSpec spec() {
        return RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 21).withDialogue(true);
    }

    static TakeMeasurements measure(RenderSpec spec) throws IOException {
        Path mp4 = dir.resolve("take-" + System.nanoTime() + ".mp4");
        TakeRenderer.render(spec, mp4);
        return TakeAnalyzer.analyze(mp4);
    }

    @Test
    void aCleanTakePassesEveryMeasuredCriterion() {
        TakeScore score = AcceptanceScorer.score(clean, ASKED, CriterionScore.notMeasured("first shot"), T);

        assertEquals(Verdict.ACCEPT, score.verdict(), () -> describe(score));
        assertEquals(100, score.promptAdherence().score(), score.promptAdherence().note());
        assertEquals(100, score.motionQuality().score(), score.motionQuality().note());
        assertEquals(100, score.audioSync().score(), score.audioSync().note());
        assertNull(score.physicalRealism().score());
        assertEquals("needs a judge model (off by default); not measurable from pixels alone",
                score.physicalRealism().note());
        assertNull(score.continuity().score());
        assertEquals("first shot", score.continuity().note());
        assertEquals(100, score.overall(), "mean of the three measured criteria");
        assertTrue(score.recommendations().isEmpty(), score.recommendations()::toString);
    }

    /** Which criterion a defect must fail, the words its note must contain and the fix it must add. */
    enum Expectation {
        FLICKER(TakeScore::motionQuality, "flicker", GuideFixes.FLICKER),
        SHAKE(TakeScore::motionQuality, "camera shake", GuideFixes.SHAKE),
        LIGHTING_JUMP(TakeScore::motionQuality, "lighting jump", GuideFixes.LIGHTING_JUMP),
        OFF_PALETTE(TakeScore::promptAdherence, "palette", GuideFixes.PALETTE),
        SILENT(TakeScore::audioSync, "silence", GuideFixes.NO_AUDIO),
        QUIET(TakeScore::audioSync, "loudness", GuideFixes.LOUDNESS),
        WRONG_DURATION(TakeScore::promptAdherence, "duration", GuideFixes.DURATION);

        final Function<TakeScore, CriterionScore> criterion;
        final String noteMentions;
        final String fix;

        Expectation(Function<TakeScore, CriterionScore> criterion, String noteMentions, String fix) {
            this.criterion = criterion;
            this.noteMentions = noteMentions;
            this.fix = fix;
        }
    }

    @ParameterizedTest
    @EnumSource(Defect.class)
    void eachDefectFailsTheRightCriterionWithTheGuidesFix(Defect defect) throws IOException {
        Expectation expected = Expectation.valueOf(defect.name());
        TakeScore score = AcceptanceScorer.score(measure(spec().withDefects(defect)), ASKED,
                CriterionScore.notMeasured("first shot"), T);

        CriterionScore failed = expected.criterion.apply(score);
        assertNotNull(failed.score());
        assertTrue(failed.score() < T.passMark(), () -> defect + ": " + describe(score));
        assertTrue(failed.note().startsWith("FAILED") && failed.note().contains(expected.noteMentions),
                failed.note());
        assertTrue(score.recommendations().contains(expected.fix), score.recommendations()::toString);
        assertTrue(score.verdict() != Verdict.ACCEPT);
        // ...and only that criterion: the other measured ones still pass.
        for (CriterionScore other : score.criteria()) {
            if (other != failed && other.measured()) {
                assertTrue(other.score() >= T.passMark(), () -> defect + " also failed: " + other.note());
            }
        }
    }

    @Test
    void aMissingVoiceFailsAudioSyncWhenDialogueIsExpected() throws IOException {
        TakeMeasurements ambientOnly = measure(spec().withDialogue(false));
        TakeScore score = AcceptanceScorer.score(ambientOnly, ASKED, null, T);
        assertTrue(score.audioSync().score() < T.passMark(), score.audioSync().note());
        assertTrue(score.audioSync().note().contains("speech-band"));
        assertTrue(score.recommendations().contains(GuideFixes.DIALOGUE));

        TakeScore noDialogueAsked = AcceptanceScorer.score(ambientOnly,
                new TakeExpectation(320, 180, 4, AMBER_CREAM_WALNUT, false), null, T);
        assertEquals(100, noDialogueAsked.audioSync().score(), noDialogueAsked.audioSync().note());
    }

    @Test
    void continuityIsHighForTheSamePaletteAndLowAcrossPalettes() throws IOException {
        TakeMeasurements samePalette = measure(RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 99));
        TakeMeasurements otherPalette = measure(RenderSpec.of(320, 180, 4, TEAL_SAND_RUST, 99));

        CriterionScore same = AcceptanceScorer.continuity(clean, samePalette, T);
        CriterionScore different = AcceptanceScorer.continuity(clean, otherPalette, T);
        assertTrue(same.score() >= 90, same.note());
        assertTrue(different.score() < T.retakeMark(), different.note());

        TakeScore next = AcceptanceScorer.score(otherPalette,
                new TakeExpectation(320, 180, 4, TEAL_SAND_RUST, false), different, T);
        assertEquals(Verdict.RETAKE, next.verdict());
        assertTrue(next.recommendations().contains(GuideFixes.CONTINUITY));
        assertNull(AcceptanceScorer.continuity(null, clean, T).score());
    }

    @Test
    void aFullSizeTakePassesToo() throws IOException {
        RenderSpec hd = RenderSpec.of(1280, 720, 4, AMBER_CREAM_WALNUT, 5).withDialogue(true);
        Path mp4 = dir.resolve("hd.mp4");
        long start = System.nanoTime();
        TakeRenderer.render(hd, mp4);
        long rendered = System.nanoTime();
        TakeMeasurements m = TakeAnalyzer.analyze(mp4);
        long analysed = System.nanoTime();
        System.out.printf("1280x720 4 s take: render %.2f s, analyse %.2f s%n",
                (rendered - start) / 1e9, (analysed - rendered) / 1e9);

        assertEquals(1280, m.width());
        assertEquals(720, m.height());
        assertEquals(96, m.frameCount(), 1);
        TakeScore score = AcceptanceScorer.score(m, new TakeExpectation(1280, 720, 4, AMBER_CREAM_WALNUT, true),
                AcceptanceScorer.continuity(clean, m, T), T);
        assertEquals(Verdict.ACCEPT, score.verdict(), () -> describe(score));
        assertTrue(m.shakeRms() < 0.1 * T.shakeLimitFraction() * 1280, "shake " + m.shakeRms());
    }

    @Test
    void wrongSizeFailsPromptAdherence() {
        TakeScore score = AcceptanceScorer.score(clean,
                new TakeExpectation(1280, 720, 4, AMBER_CREAM_WALNUT, true), null, T);
        assertEquals(50, score.promptAdherence().score(), "same 16:9 shape, wrong resolution");
        assertTrue(score.recommendations().contains(GuideFixes.SIZE));
        TakeScore portrait = AcceptanceScorer.score(clean,
                new TakeExpectation(720, 1280, 4, AMBER_CREAM_WALNUT, true), null, T);
        assertEquals(0, portrait.promptAdherence().score());
        assertEquals(Verdict.RETAKE, portrait.verdict());
    }

    @Test
    void nothingIsScoredThatWasNotMeasured() {
        TakeMeasurements noAudio = new TakeMeasurements(320, 180, 24, 4, 4, "h264", null, false, 0, 0,
                2, new double[] {100, 100}, 0, 0, 0, 1, 0, 0, 0, List.of(), new double[0], new double[0],
                null, null, null, false, 1);
        TakeScore score = AcceptanceScorer.score(noAudio, new TakeExpectation(0, 0, 0, List.of(), false), null, T);
        assertNull(score.motionQuality().score(), "two frames are too few to judge motion");
        assertNull(score.physicalRealism().score());
        assertNull(score.continuity().score());
        assertEquals(0, score.audioSync().score(), "a missing audio track is a measured failure");
        assertEquals(100, score.promptAdherence().score(), "only the frame rate was checkable");
        assertEquals(50, score.overall(), "mean of the two measured criteria");
        assertEquals(Verdict.RETAKE, score.verdict());
        assertTrue(score.recommendations().contains(GuideFixes.NO_AUDIO));
    }

    private static String describe(TakeScore score) {
        StringBuilder s = new StringBuilder(score.verdict() + " " + score.overall());
        for (CriterionScore c : score.criteria()) {
            s.append("\n  ").append(c.score()).append(" ").append(c.note());
        }
        return s.toString();
    }
}
