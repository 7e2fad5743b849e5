package io.dailies.scoring.media;

/**
 * How much of a soundtrack's energy sits where voices live (150 Hz – 4 kHz: fundamentals of
 * adult speech up through the formants that carry intelligibility). An ambient bed of room tone
 * or wind sits mostly below or above that band; dialogue pulls the ratio up.
 */
final class SpeechBand {

    static final double LOW_HZ = 150;
    static final double HIGH_HZ = 4000;

    private SpeechBand() {
    }

    /** Energy in the speech band divided by total (DC-free) energy of the mono mix; null if silent. */
    static Double ratio(float[][] channels, int sampleRate) {
        if (channels == null || channels.length == 0 || channels[0].length == 0) {
            return null;
        }
        int n = channels[0].length;
        double[] mono = new double[n];
        for (float[] channel : channels) {
            for (int i = 0; i < n; i++) {
                mono[i] += channel[i] / channels.length;
            }
        }
        double[] total = mono.clone();
        // A gentle 20 Hz high-pass removes DC / sub-sonic drift from the denominator.
        Biquad.highPass(20, sampleRate).apply(total);
        double[] band = mono;
        Biquad.highPass(LOW_HZ, sampleRate).apply(band);
        Biquad.highPass(LOW_HZ, sampleRate).apply(band);
        if (HIGH_HZ < sampleRate / 2.0) {
            Biquad.lowPass(HIGH_HZ, sampleRate).apply(band);
            Biquad.lowPass(HIGH_HZ, sampleRate).apply(band);
        }
        double eTotal = 0;
        double eBand = 0;
        for (int i = 0; i < n; i++) {
            eTotal += total[i] * total[i];
            eBand += band[i] * band[i];
        }
        if (eTotal <= 1e-12 * n) {
            return null;
        }
        return Math.min(1.0, eBand / eTotal);
    }
}
