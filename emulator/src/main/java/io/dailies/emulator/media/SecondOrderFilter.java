package io.dailies.emulator.media;

import java.util.Arrays;

/**
 * One second-order IIR stage in transposed direct form II, with its own state: the emulator's sound
 * shaping (Butterworth low- and high-pass) and the two K-weighting stages of {@link Loudness}.
 * Coefficients are normalised so that a0 = 1; the difference equation is
 * {@code y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2]}.
 */
final class SecondOrderFilter {

    private static final double SQRT2 = Math.sqrt(2);

    /** b0, b1, b2: how the input and its two previous values feed the output. */
    private final double[] feedForward;
    /** a1, a2: how the two previous outputs feed back (a0 is 1). */
    private final double[] feedBack;
    /** The two delay registers of the transposed form. */
    private final double[] delay = new double[2];

    SecondOrderFilter(double b0, double b1, double b2, double a1, double a2) {
        this.feedForward = new double[] {b0, b1, b2};
        this.feedBack = new double[] {a1, a2};
    }

    /**
     * Second-order Butterworth low-pass: the analogue prototype 1 / (s² + √2·s + 1) mapped to the z-plane
     * by the bilinear transform, pre-warped so the -3 dB point lands exactly on {@code cornerHz}.
     */
    static SecondOrderFilter butterworthLowPass(double cornerHz, int sampleRate) {
        double k = prewarp(cornerHz, sampleRate);
        double norm = 1 / (1 + SQRT2 * k + k * k);
        double gain = k * k * norm;
        return new SecondOrderFilter(gain, 2 * gain, gain, poleSum(k, norm), poleProduct(k, norm));
    }

    /** Second-order Butterworth high-pass: s² / (s² + √2·s + 1), bilinear, pre-warped like the low-pass. */
    static SecondOrderFilter butterworthHighPass(double cornerHz, int sampleRate) {
        double k = prewarp(cornerHz, sampleRate);
        double norm = 1 / (1 + SQRT2 * k + k * k);
        return new SecondOrderFilter(norm, -2 * norm, norm, poleSum(k, norm), poleProduct(k, norm));
    }

    private static double prewarp(double cornerHz, int sampleRate) {
        if (!(cornerHz > 0) || cornerHz >= sampleRate / 2.0) {
            throw new IllegalArgumentException("corner frequency must lie in (0, Nyquist): " + cornerHz + " Hz");
        }
        return Math.tan(Math.PI * cornerHz / sampleRate);
    }

    private static double poleSum(double k, double norm) {
        return 2 * (k * k - 1) * norm;
    }

    private static double poleProduct(double k, double norm) {
        return (1 - SQRT2 * k + k * k) * norm;
    }

    /** One sample through the stage. */
    double next(double x) {
        double y = feedForward[0] * x + delay[0];
        delay[0] = feedForward[1] * x - feedBack[0] * y + delay[1];
        delay[1] = feedForward[2] * x - feedBack[1] * y;
        return y;
    }

    /** Back to rest (silence before the next sample). */
    void reset() {
        Arrays.fill(delay, 0);
    }

    /** Filters the whole signal in place, starting from rest. */
    void filterInPlace(double[] signal) {
        reset();
        for (int i = 0; i < signal.length; i++) {
            signal[i] = next(signal[i]);
        }
    }

    /** Magnitude of the frequency response at {@code hz}, for tests and sanity checks. */
    double gainAt(double hz, int sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        // H(e^jw) = (b0 + b1 e^-jw + b2 e^-2jw) / (1 + a1 e^-jw + a2 e^-2jw), as sums over the taps.
        double[] den = {1, feedBack[0], feedBack[1]};
        double numRe = 0;
        double numIm = 0;
        double denRe = 0;
        double denIm = 0;
        for (int k = 0; k < 3; k++) {
            numRe += feedForward[k] * Math.cos(k * w);
            numIm -= feedForward[k] * Math.sin(k * w);
            denRe += den[k] * Math.cos(k * w);
            denIm -= den[k] * Math.sin(k * w);
        }
        return Math.hypot(numRe, numIm) / Math.hypot(denRe, denIm);
    }
}
