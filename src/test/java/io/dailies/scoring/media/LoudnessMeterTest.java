package io.dailies.scoring.media;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Cases from EBU Tech 3341 (loudness meter conformance), built in memory. */
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
        assertEquals(-23.0, LoudnessMeter.integratedLufs(sine(RATE, -23, 20), RATE), 0.1);
    }

    @Test
    void case2StereoSineAtMinus33DbfsReadsMinus33Lufs() {
        assertEquals(-33.0, LoudnessMeter.integratedLufs(sine(RATE, -33, 20), RATE), 0.1);
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
    }
}
