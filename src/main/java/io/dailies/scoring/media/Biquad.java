package io.dailies.scoring.media;

/**
 * A second-order IIR section (direct form I, double precision): the audio measurements' filters, and the
 * emulator's when it shapes its sound.
 */
public final class Biquad {

    final double b0;
    final double b1;
    final double b2;
    final double a1;
    final double a2;

    Biquad(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    /** Butterworth-Q high-pass (RBJ cookbook). */
    public static Biquad highPass(double cutoffHz, int sampleRate) {
        double w = 2 * Math.PI * cutoffHz / sampleRate;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        return new Biquad((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0,
                -2 * cos / a0, (1 - alpha) / a0);
    }

    /** Butterworth-Q low-pass (RBJ cookbook). */
    public static Biquad lowPass(double cutoffHz, int sampleRate) {
        double w = 2 * Math.PI * cutoffHz / sampleRate;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        return new Biquad((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0,
                -2 * cos / a0, (1 - alpha) / a0);
    }

    /** Filters {@code x} in place, starting from rest. */
    public void apply(double[] x) {
        double x1 = 0;
        double x2 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double in = x[i];
            double out = b0 * in + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = in;
            y2 = y1;
            y1 = out;
            x[i] = out;
        }
    }
}
