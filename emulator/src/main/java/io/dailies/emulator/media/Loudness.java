package io.dailies.emulator.media;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The emulator's own integrated-loudness estimate, written from ITU-R BS.1770-4, so that it can mix
 * its sound to a target in LUFS without borrowing anyone's meter:
 * <ol>
 *   <li>each channel goes through the K-weighting (the standard's 48 kHz "pre-filter" shelf, then its
 *       "RLB" high-pass) and its squares are summed per 100 ms;</li>
 *   <li>gating blocks are 400 ms long and start every 100 ms (75 % overlap), so a block is four of those
 *       sums; a block's loudness is -0.691 + 10·log10 of its mean square, summed over the channels
 *       (left and right weigh 1.0; the emulator makes no surround sound);</li>
 *   <li>blocks at or below -70 LUFS are dropped (absolute gate), then blocks at or below the mean of the
 *       rest minus 10 LU (relative gate); the loudness of the mean power of what is left is the result.</li>
 * </ol>
 * Audio that is silent, or shorter than one block, has no loudness: the result is empty.
 */
final class Loudness {

    /** The only rate the emulator produces; the standard's filter table is for it. */
    static final int SAMPLE_RATE = 48_000;
    private static final int STEP = SAMPLE_RATE / 10;
    private static final int STEPS_PER_BLOCK = 4;
    private static final double ABSOLUTE_GATE_LUFS = -70.0;
    private static final double RELATIVE_GATE_LU = 10.0;
    private static final double K_OFFSET = -0.691;

    private Loudness() {
    }

    /** Gated integrated loudness of planar samples ({@code channels[c][i]}, full scale ±1), in LUFS. */
    static OptionalDouble integrated(float[][] channels, int sampleRate) {
        if (sampleRate != SAMPLE_RATE) {
            throw new IllegalArgumentException("the emulator measures 48 kHz audio only, not " + sampleRate + " Hz");
        }
        if (channels == null || channels.length == 0) {
            return OptionalDouble.empty();
        }
        int length = Integer.MAX_VALUE;
        for (float[] channel : channels) {
            length = Math.min(length, channel.length);
        }
        int steps = length / STEP;
        if (steps < STEPS_PER_BLOCK) {
            return OptionalDouble.empty();
        }
        double[] stepEnergy = new double[steps];
        for (float[] channel : channels) {
            addWeightedSquares(channel, stepEnergy);
        }
        double[] blockPower = new double[steps - STEPS_PER_BLOCK + 1];
        for (int block = 0; block < blockPower.length; block++) {
            double sum = 0;
            for (int s = block; s < block + STEPS_PER_BLOCK; s++) {
                sum += stepEnergy[s];
            }
            blockPower[block] = sum / (STEPS_PER_BLOCK * (double) STEP);
        }
        OptionalDouble aboveSilence = meanAbove(blockPower, power(ABSOLUTE_GATE_LUFS));
        if (aboveSilence.isEmpty()) {
            return OptionalDouble.empty();
        }
        double relativeGate = Math.max(power(ABSOLUTE_GATE_LUFS),
                power(lufs(aboveSilence.getAsDouble()) - RELATIVE_GATE_LU));
        OptionalDouble gated = meanAbove(blockPower, relativeGate);
        return gated.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(lufs(gated.getAsDouble()));
    }

    /** K-weights one channel and adds its squares to the 100 ms sums. */
    private static void addWeightedSquares(float[] samples, double[] stepEnergy) {
        SecondOrderFilter shelf = preFilter();
        SecondOrderFilter highPass = rlbFilter();
        int at = 0;
        for (int step = 0; step < stepEnergy.length; step++) {
            double sum = 0;
            for (int end = at + STEP; at < end; at++) {
                double weighted = highPass.next(shelf.next(samples[at]));
                sum += weighted * weighted;
            }
            stepEnergy[step] += sum;
        }
    }

    /** BS.1770-4 Table 1: the high-frequency shelf that models the head (+4 dB above about 1.5 kHz). */
    static SecondOrderFilter preFilter() {
        return new SecondOrderFilter(1.53512485958697, -2.69169618940638, 1.19839281085285,
                -1.69065929318241, 0.73248077421585);
    }

    /** BS.1770-4 Table 2: the revised low-frequency B-curve, a high-pass around 38 Hz. */
    static SecondOrderFilter rlbFilter() {
        return new SecondOrderFilter(1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621);
    }

    /** The mean of the values strictly above {@code threshold}; empty when there are none. */
    private static OptionalDouble meanAbove(double[] values, double threshold) {
        return Arrays.stream(values).filter(v -> v > threshold).average();
    }

    static double lufs(double meanSquare) {
        return K_OFFSET + 10 * Math.log10(meanSquare);
    }

    static double power(double lufs) {
        return Math.pow(10, (lufs - K_OFFSET) / 10);
    }
}
