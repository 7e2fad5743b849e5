package io.dailies.scoring.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.core.Verdict;
import io.dailies.emulator.media.Defect;
import io.dailies.emulator.media.RenderSpec;
import io.dailies.emulator.media.TakeRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real MP4s from the emulator, measured and scored: each defect must fail the right criterion. */
class AcceptanceScorerTest {

    static final List<Integer> AMBER_CREAM_WALNUT = List.of(0xFFBF00, 0xFFFDD0, 0x5C4033);
    static final List<Integer> TEAL_SAND_RUST = List.of(0x008080, 0xC2B280, 0xB7410E);
    static final ScoringThresholds T = ScoringThresholds.defaults();
    /** One timed cue, before the dialogue starts (1 s) so a syllable cannot pass for it. */
    static final List<AudioCue> DOOR_SLAM = AudioCues.parse("A door slam at 0:00.3, then the detective speaks.");
    static final TakeExpectation ASKED = new TakeExpectation(320, 180, 4, AMBER_CREAM_WALNUT, true, DOOR_SLAM);

    @TempDir
    static Path dir;
    static TakeMeasurements clean;

    @BeforeAll
    static void renderCleanTake() throws IOException {
        clean = measure(spec());
    }

    static RenderSpec spec() {
        return RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 21).withDialogue(true)
                .withCues(AudioCues.seconds(DOOR_SLAM));
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
        assertTrue(score.audioSync().note().contains("timed cues 1 of 1 on time"), score.audioSync().note());
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
        WRONG_DURATION(TakeScore::promptAdherence, "duration", GuideFixes.DURATION),
        MISSING_CUES(TakeScore::audioSync, "timed cues 0 of 1 on time", GuideFixes.CUES),
        LATE_CUES(TakeScore::audioSync, "timed cues 0 of 1 on time", GuideFixes.CUES),
        DUPLICATED_FRAMES(TakeScore::motionQuality, "duplicated frames", GuideFixes.DUPLICATES),
        FROZEN_FRAMES(TakeScore::motionQuality, "frozen frames", GuideFixes.FROZEN),
        BLACK_FRAMES(TakeScore::motionQuality, "black frames", GuideFixes.BLACK);

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

    /** A copy of a measurement with some components replaced (by name). */
    static TakeMeasurements with(TakeMeasurements m, java.util.Map<String, Object> changes) {
        try {
            java.lang.reflect.RecordComponent[] components = TakeMeasurements.class.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                values[i] = changes.containsKey(name) ? changes.get(name) : components[i].getAccessor().invoke(m);
                types[i] = components[i].getType();
            }
            assertTrue(java.util.Arrays.stream(components).map(java.lang.reflect.RecordComponent::getName).toList()
                    .containsAll(changes.keySet()), "unknown component in " + changes.keySet());
            return TakeMeasurements.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The guide's own timing example, parsed from the prompt, rendered by the emulator: on time it
     * passes; 0.6 s late, missing, or one cue short, audio sync fails with the guide's timing advice.
     */
    @Test
    void timedCuesFromThePromptAreHeardOnTime() throws IOException {
        List<AudioCue> cues = AudioCues.parse("Sound: door slam at 00:02; footsteps at 00:04; cheer at 00:06");
        TakeExpectation asked = new TakeExpectation(320, 180, 8, AMBER_CREAM_WALNUT, false, cues);
        RenderSpec take = RenderSpec.of(320, 180, 8, AMBER_CREAM_WALNUT, 31).withCues(AudioCues.seconds(cues));

        TakeScore onTime = AcceptanceScorer.score(measure(take), asked, null, T);
        assertEquals(100, onTime.audioSync().score(), onTime.audioSync().note());
        assertTrue(onTime.audioSync().note().contains("timed cues 3 of 3 on time"), onTime.audioSync().note());
        assertTrue(onTime.audioSync().note().contains("door slam at 2.00 s → sound at 2.00 s"), onTime.audioSync().note());
        assertEquals(Verdict.ACCEPT, onTime.verdict(), () -> describe(onTime));

        TakeScore late = AcceptanceScorer.score(measure(take.withDefects(Defect.LATE_CUES)), asked, null, T);
        assertEquals(0, late.audioSync().score(), late.audioSync().note());
        assertTrue(late.audioSync().note().contains("no sound starts within ±0.50 s (nearest at 2.60 s)"),
                late.audioSync().note());
        assertEquals(Verdict.RETAKE, late.verdict());
        assertTrue(late.recommendations().contains(GuideFixes.CUES));

        TakeScore oneShort = AcceptanceScorer.score(measure(take.withCues(2.0, 4.0)), asked, null, T);
        assertEquals(67, oneShort.audioSync().score(), oneShort.audioSync().note());
        assertEquals(Verdict.REVIEW, oneShort.verdict(), "two of three cues: a person should listen");
        assertTrue(oneShort.recommendations().contains(GuideFixes.CUES));

        TakeScore silent = AcceptanceScorer.score(measure(take.withDefects(Defect.SILENT)), asked, null, T);
        assertTrue(silent.audioSync().note().contains("3 timed cue(s) asked for, none heard"), silent.audioSync().note());
        assertTrue(silent.recommendations().containsAll(List.of(GuideFixes.NO_AUDIO, GuideFixes.CUES)));

        TakeScore tooShort = AcceptanceScorer.score(measure(take.withDefects(Defect.WRONG_DURATION)), asked, null, T);
        assertTrue(tooShort.audioSync().note().contains("cheer at 6.00 s is past the end of the take"),
                tooShort.audioSync().note());
    }

    @Test
    void aClockTimeFarPastTheTakeIsATimeOfDayNotACue() {
        List<AudioCue> cues = AudioCues.parse("Setting: a diner at 11:45. A door slam at 0:00.3.");
        assertEquals(2, cues.size());
        TakeScore score = AcceptanceScorer.score(clean, new TakeExpectation(320, 180, 4, AMBER_CREAM_WALNUT, true, cues),
                null, T);
        assertEquals(100, score.audioSync().score(), score.audioSync().note());
        assertTrue(score.audioSync().note().contains("\"a diner at 705.00 s\" lies past the take"), score.audioSync().note());
        assertTrue(score.audioSync().note().contains("timed cues 1 of 1 on time"), score.audioSync().note());
    }

    @Test
    void truePeakAboveTheCeilingAsksForTheAudioMix() {
        TakeScore ok = AcceptanceScorer.score(clean, ASKED, null, T);
        assertTrue(ok.audioSync().note().contains("true peak"), ok.audioSync().note());
        assertTrue(ok.audioSync().note().contains("max momentary"), ok.audioSync().note());
        TakeScore hot = AcceptanceScorer.score(with(clean, java.util.Map.of("truePeakDbtp", 1.5)), ASKED, null, T);
        assertEquals(63, hot.audioSync().score(), "2.5 dB over the -1 dBTP ceiling at 15 points a dB");
        assertTrue(hot.recommendations().contains(GuideFixes.TRUE_PEAK));
    }

    @Test
    void motionNotesReportDriftWithoutGradingIt() {
        TakeMeasurements panned = with(clean, java.util.Map.of("cameraDriftPx", 640.0));
        TakeScore score = AcceptanceScorer.score(panned, ASKED, null, T);
        assertEquals(100, score.motionQuality().score(), "a pan is not a fault");
        assertTrue(score.motionQuality().note().contains("camera drift 640 px, 200% of the frame width"),
                score.motionQuality().note());
    }

    private static TakeMeasurements withPalette(TakeMeasurements m, int... rgbs) {
        List<DominantColour> colours = new java.util.ArrayList<>();
        for (int rgb : rgbs) {
            double[] lab = Ciede2000.srgbToLab(rgb);
            colours.add(new DominantColour(rgb, lab[0], lab[1], lab[2], 1.0 / rgbs.length));
        }
        return with(m, java.util.Map.of("dominantColours", colours));
    }

    /**
     * Palette drift that creeps in a little at each cut: every cut passes on its own, the third and
     * fourth shots are far from the first shot's look, and the sequence says so.
     */
    @Test
    void paletteDriftAcrossASequenceIsReported() {
        TakeMeasurements first = withPalette(clean, 0xFFBF00, 0xFFFDD0, 0x5C4033);
        TakeMeasurements second = withPalette(clean, 0xF0B418, 0xF5F0D8, 0x5C4438);
        TakeMeasurements third = withPalette(clean, 0xE0A830, 0xEAE4E0, 0x5C483E);
        TakeMeasurements fourth = withPalette(clean, 0xD09C48, 0xE0D8E6, 0x5C4C44);
        for (TakeMeasurements[] cut : new TakeMeasurements[][] {{first, second}, {second, third}, {third, fourth}}) {
            CriterionScore c = AcceptanceScorer.continuity(cut[0], cut[1], T);
            assertTrue(c.score() >= T.passMark(), c.note());
        }
        List<CriterionScore> sequence = AcceptanceScorer.sequenceContinuity(List.of(first, second, third, fourth), T);
        assertEquals(4, sequence.size());
        assertTrue(sequence.get(0).score() >= T.passMark(), sequence.get(0).note());
        assertTrue(sequence.get(0).note().contains("cut to shot 2"), sequence.get(0).note());
        assertTrue(sequence.get(1).score() >= T.passMark(), sequence.get(1).note());
        assertTrue(sequence.get(1).note().contains("cut from shot 1") && sequence.get(1).note().contains("cut to shot 3"));
        CriterionScore last = sequence.get(3);
        assertTrue(last.score() < T.passMark(), last.note());
        assertTrue(last.note().startsWith("FAILED: palette drift from the sequence's first shot"), last.note());

        TakeScore scored = AcceptanceScorer.score(fourth, ASKED, last, T);
        assertTrue(scored.recommendations().contains(GuideFixes.CONTINUITY));
        assertNull(AcceptanceScorer.sequenceContinuity(List.of(first), T).get(0).score(), "one shot, no cut");
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
                null, null, null, false, 1, 0, 0, 0, null, null, null, new double[0]);
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

    static String describe(TakeScore score) {
        StringBuilder s = new StringBuilder(score.verdict() + " " + score.overall());
        for (CriterionScore c : score.criteria()) {
            s.append("\n  ").append(c.score()).append(" ").append(c.note());
        }
        return s.toString();
    }
}
