package io.dailies.emulator.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator's loudness estimate against the figures of BS.1770-4 and EBU Tech 3341. */
class LoudnessTest {

    private static final int RATE = 48_000;

    /** A sine of {@code dbfs} peak level (0 dBFS = amplitude 1) lasting {@code seconds}. */
    private static float[] sine(double hz, double dbfs, double seconds) {
        float[] x = new float[(int) Math.round(seconds * RATE)];
        tone(x, 0, seconds, hz, dbfs);
        return x;
    }

    /** Writes a sine into {@code x} from second {@code from} to second {@code to} (phase counted from the start). */
    private static void tone(float[] x, double from, double to, double hz, double dbfs) {
        double amplitude = Math.pow(10, dbfs / 20);
        for (int i = (int) Math.round(from * RATE); i < Math.min(x.length, Math.round(to * RATE)); i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
    }

    private static double lufs(float[]... channels) {
        return Loudness.integrated(channels, RATE).orElseThrow();
    }

    @Test
    void aOneKilohertzSineReadsItsLevel() {
        // BS.1770: a 0 dBFS 1 kHz sine in one channel reads -3.01 LKFS; in both channels 3 dB more.
        assertEquals(-3.01, lufs(sine(1000, 0, 5), new float[5 * RATE]), 0.03);
        assertEquals(-20.0, lufs(sine(1000, -20, 5), sine(1000, -20, 5)), 0.03);
        // EBU Tech 3341 case 1: stereo 1 kHz at -23 dBFS reads -23.0 LUFS (±0.1).
        assertEquals(-23.0, lufs(sine(1000, -23, 10), sine(1000, -23, 10)), 0.05);
    }

    @Test
    void theRelativeGateLeavesQuietPassagesOut() {
        // EBU Tech 3341 case 3, shortened: -36, -23, -36 dBFS; the quiet ends are gated away, -23.0 ±0.1.
        float[] programme = new float[30 * RATE];
        tone(programme, 0, 5, 1000, -36);
        tone(programme, 5, 25, 1000, -23);
        tone(programme, 25, 30, 1000, -36);
        assertEquals(-23.0, lufs(programme, programme), 0.1);
        // Without the gate the mean power would read about 1.8 LU lower.
        assertTrue(lufs(programme, programme) > -23.2);
    }

    @Test
    void theAbsoluteGateLeavesSilenceOut() {
        // 4 s of tone between 3 s of silence on each side: the silent blocks are gated away, the blocks
        // that hold some tone count (they are within 10 LU), so it reads a little under the tone's -20;
        // the plain mean over all 10 s would be -24.
        float[] withSilence = new float[10 * RATE];
        tone(withSilence, 3, 7, 1000, -20);
        assertEquals(-20.3, lufs(withSilence, withSilence), 0.05);
    }

    @Test
    void silenceAndClipsShorterThanOneBlockHaveNoLoudness() {
        assertTrue(Loudness.integrated(new float[][] {new float[RATE], new float[RATE]}, RATE).isEmpty());
        float[] short350ms = sine(1000, -20, 0.35);
        assertTrue(Loudness.integrated(new float[][] {short350ms, short350ms}, RATE).isEmpty());
        float[] block = sine(1000, -20, 0.4);
        assertEquals(-20.0, lufs(block, block), 0.1);
        assertTrue(Loudness.integrated(new float[0][], RATE).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Loudness.integrated(new float[][] {block}, 44_100));
    }

    @Test
    void kWeightingLiftsHighsAndCutsTheDeepestLows() {
        // The shelf adds about 4 dB at the top of the band and nothing low down; the RLB stage removes rumble.
        assertEquals(4.0, 20 * Math.log10(Loudness.preFilter().gainAt(16_000, RATE)), 0.1);
        assertEquals(0.0, 20 * Math.log10(Loudness.preFilter().gainAt(100, RATE)), 0.1);
        assertEquals(0.0, 20 * Math.log10(Loudness.rlbFilter().gainAt(1000, RATE)), 0.05);
        assertTrue(20 * Math.log10(Loudness.rlbFilter().gainAt(20, RATE)) < -5);
        // So a 100 Hz tone reads quieter than a 2 kHz tone of the same level.
        assertTrue(lufs(sine(100, -20, 2), sine(100, -20, 2)) < lufs(sine(2000, -20, 2), sine(2000, -20, 2)));
    }

    @Test
    void butterworthStagesAreThreeDecibelsDownAtTheirCorner() {
        for (double corner : List.of(200.0, 2500.0, 6000.0)) {
            SecondOrderFilter low = SecondOrderFilter.butterworthLowPass(corner, RATE);
            SecondOrderFilter high = SecondOrderFilter.butterworthHighPass(corner, RATE);
            assertEquals(1 / Math.sqrt(2), low.gainAt(corner, RATE), 1e-9);
            assertEquals(1 / Math.sqrt(2), high.gainAt(corner, RATE), 1e-9);
            assertEquals(1.0, low.gainAt(1, RATE), 1e-4);
            assertEquals(1.0, high.gainAt(RATE / 2.0 - 1, RATE), 1e-4);
        }
        // 12 dB per octave well past the corner (and well below Nyquist, where the bilinear map steepens it).
        SecondOrderFilter low = SecondOrderFilter.butterworthLowPass(200, RATE);
        assertEquals(-12.0, 20 * Math.log10(low.gainAt(1600, RATE) / low.gainAt(800, RATE)), 0.5);
        assertThrows(IllegalArgumentException.class, () -> SecondOrderFilter.butterworthLowPass(30_000, RATE));
    }

    @Test
    void filteringInPlaceMatchesTheResponse() {
        double[] x = new double[RATE];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * 4000 * i / RATE);
        }
        SecondOrderFilter low = SecondOrderFilter.butterworthLowPass(1000, RATE);
        low.filterInPlace(x);
        double peak = 0;
        for (int i = RATE / 2; i < x.length; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        assertEquals(low.gainAt(4000, RATE), peak, 1e-3);
    }

    @Test
    void theSoundtrackIsMixedToItsTarget() {
        RenderSpec spec = RenderSpec.of(320, 180, 6, List.of(), 21).withDialogue(true).withCues(1.0, 4.0);
        assertEquals(Soundtrack.TARGET_LUFS, lufs(Soundtrack.mix(spec)), 0.01);
        assertEquals(Soundtrack.QUIET_LUFS, lufs(Soundtrack.mix(spec.withDefects(Defect.QUIET))), 0.01);
        assertTrue(Loudness.integrated(Soundtrack.mix(spec.withDefects(Defect.SILENT)), RATE).isEmpty());
    }
}
