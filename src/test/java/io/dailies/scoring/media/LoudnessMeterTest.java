package io.dailies.scoring.media;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cases from EBU Tech 3341 (loudness meter conformance), built in memory from their descriptions:
 * 1-5 (integrated and gating), 9-13 (short-term and momentary, including their maxima with bursts at
 * arbitrary offsets) and 15-19 (true peak). Cases 6-8 (5.1 and programme files) and 20-23 (files of
 * specific inter-sample peaks) need the EBU's own WAV files and are not reproduced.
 */
class LoudnessMeterTest {

    private static final int RATE = 48_000;

    /** Stereo 1 kHz sine segments: {dBFS, seconds} pairs, same signal on both channels. */
    private static float[][] sine(int rate, double... levelsAndSeconds) {
        int total = 0;
        for (int i = 1; i < levelsAndSeconds.length; i += 2) {
            total += (int) Math.round(levelsAndSeconds[i] * rate);
        }
        float[][] out = new float[2][total];
        int at = 0;
        for (int i = 0; i < levelsAndSeconds.length; i += 2) {
            double amplitude = Math.pow(10, levelsAndSeconds[i] / 20);
            int n = (int) Math.round(levelsAndSeconds[i + 1] * rate);
            for (int k = 0; k < n; k++, at++) {
                float s = (float) (amplitude * Math.sin(2 * Math.PI * 1000 * at / rate));
                out[0][at] = s;
                out[1][at] = s;
            }
        }
        return out;
    }

    @Test
    void case1StereoSineAtMinus23DbfsReadsMinus23Lufs() {
        LoudnessMeter.Levels l = LoudnessMeter.measure(sine(RATE, -23, 20), RATE);
        assertEquals(-23.0, l.integratedLufs(), 0.1);
        assertEquals(-23.0, l.maxMomentaryLufs(), 0.1, "M");
        assertEquals(-23.0, l.maxShortTermLufs(), 0.1, "S");
    }

    @Test
    void case2StereoSineAtMinus33DbfsReadsMinus33Lufs() {
        LoudnessMeter.Levels l = LoudnessMeter.measure(sine(RATE, -33, 20), RATE);
        assertEquals(-33.0, l.integratedLufs(), 0.1);
        assertEquals(-33.0, l.maxMomentaryLufs(), 0.1, "M");
        assertEquals(-33.0, l.maxShortTermLufs(), 0.1, "S");
    }

    @Test
    void case5LevelChangesInsideTheGates() {
        assertEquals(-23.0, LoudnessMeter.integratedLufs(sine(RATE, -26, 20, -20, 20.1, -26, 20), RATE), 0.1);
    }

    @Test
    void case9ShortTermIsConstantOverARepeatingThreeSecondPattern() {
        // 1.34 s at -20 dBFS and 1.66 s at -30 dBFS, five times: every 3 s window reads -23 LUFS.
        float[][] x = sine(RATE, -20, 1.34, -30, 1.66, -20, 1.34, -30, 1.66, -20, 1.34, -30, 1.66,
                -20, 1.34, -30, 1.66, -20, 1.34, -30, 1.66);
        assertEquals(-23.0, LoudnessMeter.maxShortTermLufs(x, RATE), 0.1);
    }

    @Test
    void case10MaxShortTermOfA3sBurstAtAnyOffset() {
        // Twenty 3 s bursts at -23 dBFS, each after a different stretch of silence (not on the 10 ms grid).
        for (int k = 0; k < 20; k++) {
            double lead = 0.5 + 0.0137 * k;
            float[][] x = sine(RATE, -200, lead, -23, 3, -200, 1);
            assertEquals(-23.0, LoudnessMeter.maxShortTermLufs(x, RATE), 0.1, "offset " + lead);
        }
    }

    @Test
    void case11MaxShortTermIsTheLoudestBurst() {
        double[] segments = new double[2 * 2 * 20];
        int i = 0;
        for (int level = -38; level <= -19; level++) {
            segments[i++] = level;
            segments[i++] = 3;
            segments[i++] = -200;
            segments[i++] = 1;
        }
        assertEquals(-19.0, LoudnessMeter.maxShortTermLufs(sine(RATE, segments), RATE), 0.1);
    }

    @Test
    void case12MomentaryIsConstantOverARepeating400msPattern() {
        double[] segments = new double[4 * 25];
        for (int i = 0; i < 25; i++) {
            segments[4 * i] = -20;
            segments[4 * i + 1] = 0.18;
            segments[4 * i + 2] = -30;
            segments[4 * i + 3] = 0.22;
        }
        assertEquals(-23.0, LoudnessMeter.maxMomentaryLufs(sine(RATE, segments), RATE), 0.1);
    }

    @Test
    void case13MaxMomentaryOfA400msBurstAtAnyOffset() {
        // A meter that only looks every 100 ms reads up to 0.6 LU low here; sliding in 10 ms steps does not.
        for (int k = 0; k < 20; k++) {
            double lead = 0.5 + 0.0049 * k;
            float[][] x = sine(RATE, -200, lead, -23, 0.4, -200, 1);
            assertEquals(-23.0, LoudnessMeter.maxMomentaryLufs(x, RATE), 0.1, "offset " + lead);
        }
        float[][] between = sine(RATE, -200, 0.55, -23, 0.4, -200, 1);
        assertTrue(LoudnessMeter.measure(between, RATE, 10).maxMomentaryLufs() < -23.4,
                "a 10 Hz meter misses half of it");
    }

    /** Stereo sine at {@code fraction} x the sample rate, with a phase offset, peak amplitude in dB. */
    private static float[][] truePeakSine(double fraction, double phaseDegrees, double peakDb) {
        int n = RATE * 3;
        float[][] out = new float[2][n];
        double amplitude = Math.pow(10, peakDb / 20);
        for (int i = 0; i < n; i++) {
            float s = (float) (amplitude * Math.sin(2 * Math.PI * fraction * i + Math.toRadians(phaseDegrees)));
            out[0][i] = s;
            out[1][i] = s;
        }
        return out;
    }

    @Test
    void cases15To19TruePeakBetweenTheSamples() {
        // Tech 3341 tolerance: +0.2 / -0.4 dB.
        assertTruePeak(-6.0, truePeakSine(0.25, 0, -6));      // 15: fs/4, samples on the peaks
        assertTruePeak(-6.0, truePeakSine(0.25, 45, -6));     // 16: fs/4, samples 3 dB below the peaks
        assertTruePeak(-6.0, truePeakSine(1 / 6.0, 60, -6));  // 17: fs/6
        assertTruePeak(-6.0, truePeakSine(0.125, 67.5, -6));  // 18: fs/8
        assertTruePeak(3.0, truePeakSine(0.25, 45, 3.0103));  // 19: samples at 0 dBFS, true peak +3 dBTP
        float[][] case16 = truePeakSine(0.25, 45, -6);
        double samplePeak = 0;
        for (float v : case16[0]) {
            samplePeak = Math.max(samplePeak, Math.abs(v));
        }
        assertEquals(-9.0, 20 * Math.log10(samplePeak), 0.05, "the samples alone miss 3 dB");
    }

    private static void assertTruePeak(double expected, float[][] x) {
        double tp = LoudnessMeter.truePeakDbtp(x, RATE);
        assertTrue(tp >= expected - 0.4 && tp <= expected + 0.2, "true peak " + tp + " dBTP, expected " + expected);
    }

    @Test
    void case3RelativeGateIgnoresTheQuietParts() {
        float[][] x = sine(RATE, -36, 10, -23, 60, -36, 10);
        assertEquals(-23.0, LoudnessMeter.integratedLufs(x, RATE), 0.1);
    }

    @Test
    void case4AbsoluteAndRelativeGatesTogether() {
        float[][] x = sine(RATE, -72, 10, -36, 10, -23, 60, -36, 10, -72, 10);
        assertEquals(-23.0, LoudnessMeter.integratedLufs(x, RATE), 0.1);
    }

    @Test
    void otherSampleRatesUseDerivedFilters() {
        assertEquals(-23.0, LoudnessMeter.integratedLufs(sine(44_100, -23, 10), 44_100), 0.1);
        assertEquals(-23.0, LoudnessMeter.integratedLufs(sine(32_000, -23, 10), 32_000), 0.1);
    }

    @Test
    void derivedFiltersReproduceTheStandard48kCoefficients() {
        Biquad[] standard = LoudnessMeter.kWeighting(48_000);
        Biquad[] derived = LoudnessMeter.derivedKWeighting(48_000);
        for (int i = 0; i < 2; i++) {
            assertEquals(standard[i].b0, derived[i].b0, 1e-8);
            assertEquals(standard[i].b1, derived[i].b1, 1e-8);
            assertEquals(standard[i].b2, derived[i].b2, 1e-8);
            assertEquals(standard[i].a1, derived[i].a1, 1e-8);
            assertEquals(standard[i].a2, derived[i].a2, 1e-8);
        }
    }

    @Test
    void silenceAndTooShortClipsHaveNoLoudness() {
        assertNull(LoudnessMeter.integratedLufs(new float[2][RATE * 2], RATE));
        assertNull(LoudnessMeter.integratedLufs(sine(RATE, -80, 5), RATE), "below the -70 LUFS gate");
        assertNull(LoudnessMeter.integratedLufs(sine(RATE, -23, 0.3), RATE), "shorter than one 400 ms block");
        LoudnessMeter.Levels silence = LoudnessMeter.measure(new float[2][RATE * 4], RATE);
        assertNull(silence.maxMomentaryLufs());
        assertNull(silence.maxShortTermLufs());
        assertNull(silence.truePeakDbtp(), "no peak in digital silence, not -Infinity");
        assertNull(LoudnessMeter.maxShortTermLufs(sine(RATE, -23, 2.5), RATE), "shorter than one 3 s window");
        assertEquals(-23.0, LoudnessMeter.maxMomentaryLufs(sine(RATE, -23, 2.5), RATE), 0.1);
    }
}
