package io.dailies.scoring.media;

/**
 * Integrated loudness per ITU-R BS.1770-4 (the meter behind "-14 to -16 LUFS for web"):
 * K-weighting (high shelf + RLB high-pass), 400 ms blocks with 75 % overlap, an absolute gate
 * at -70 LUFS and a relative gate 10 LU below the absolutely-gated level.
 *
 * <p>The filter coefficients are the standard 48 kHz ones; other sample rates get coefficients
 * derived from the same analogue prototypes (the libebur128 derivation), which reproduce the
 * 48 kHz table to about 1e-9.
 */
public final class LoudnessMeter {

    private static final double ABSOLUTE_GATE_LUFS = -70;
    private static final double RELATIVE_GATE_LU = -10;

    private LoudnessMeter() {
    }

    /**
     * Integrated loudness in LUFS of planar samples (channels[c][i], full scale ±1.0).
     * Returns null when nothing passes the absolute gate (silence) or the clip is shorter
     * than one 400 ms block: a level that was not measured is not a level.
     */
    public static Double integratedLufs(float[][] channels, int sampleRate) {
        if (channels == null || channels.length == 0 || sampleRate <= 0) {
            return null;
        }
        int n = channels[0].length;
        int step = (int) Math.round(sampleRate * 0.1);
        int segments = n / step;
        if (segments < 4) {
            return null;
        }
        // Sum of K-weighted squares per 100 ms segment, already channel-weighted.
        double[] segmentEnergy = new double[segments];
        Biquad[] kWeighting = kWeighting(sampleRate);
        for (int c = 0; c < channels.length; c++) {
            double weight = channelWeight(c, channels.length);
            if (weight == 0) {
                continue;
            }
            double[] x = new double[segments * step];
            float[] in = channels[c];
            for (int i = 0; i < x.length; i++) {
                x[i] = in[i];
            }
            for (Biquad stage : kWeighting) {
                stage.apply(x);
            }
            for (int s = 0; s < segments; s++) {
                double sum = 0;
                for (int i = s * step, end = i + step; i < end; i++) {
                    sum += x[i] * x[i];
                }
                segmentEnergy[s] += weight * sum;
            }
        }
        int blocks = segments - 3;
        double blockLength = 4.0 * step;
        double[] blockPower = new double[blocks];
        for (int j = 0; j < blocks; j++) {
            blockPower[j] = (segmentEnergy[j] + segmentEnergy[j + 1] + segmentEnergy[j + 2]
                    + segmentEnergy[j + 3]) / blockLength;
        }
        double absoluteGatePower = power(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int count = 0;
        for (double p : blockPower) {
            if (p > absoluteGatePower) {
                sum += p;
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        double relativeGatePower = power(lufs(sum / count) + RELATIVE_GATE_LU);
        double gatedSum = 0;
        int gatedCount = 0;
        for (double p : blockPower) {
            if (p > absoluteGatePower && p > relativeGatePower) {
                gatedSum += p;
                gatedCount++;
            }
        }
        return gatedCount == 0 ? null : lufs(gatedSum / gatedCount);
    }

    /** The two K-weighting stages for a sample rate: pre-filter (high shelf), then RLB high-pass. */
    static Biquad[] kWeighting(int sampleRate) {
        if (sampleRate == 48000) {
            return new Biquad[] {
                new Biquad(1.53512485958697, -2.69169618940638, 1.19839281085285,
                        -1.69065929318241, 0.73248077421585),
                new Biquad(1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621)
            };
        }
        return derivedKWeighting(sampleRate);
    }

    static Biquad[] derivedKWeighting(int sampleRate) {
        double f0 = 1681.974450955533;
        double gainDb = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / sampleRate);
        double vh = Math.pow(10, gainDb / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        Biquad shelf = new Biquad((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0,
                (vh - vb * k / q + k * k) / a0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);

        f0 = 38.13547087602444;
        q = 0.5003270373238773;
        k = Math.tan(Math.PI * f0 / sampleRate);
        double d = 1 + k / q + k * k;
        Biquad highPass = new Biquad(1, -2, 1, 2 * (k * k - 1) / d, (1 - k / q + k * k) / d);
        return new Biquad[] {shelf, highPass};
    }

    /** BS.1770 channel weights: 1.0 for front channels, 1.41 for surrounds, LFE excluded (5.1 order). */
    private static double channelWeight(int channel, int channels) {
        if (channels == 6) {
            return switch (channel) {
                case 3 -> 0.0;
                case 4, 5 -> 1.41;
                default -> 1.0;
            };
        }
        return 1.0;
    }

    private static double lufs(double meanSquare) {
        return -0.691 + 10 * Math.log10(meanSquare);
    }

    private static double power(double lufs) {
        return Math.pow(10, (lufs + 0.691) / 10);
    }
}
