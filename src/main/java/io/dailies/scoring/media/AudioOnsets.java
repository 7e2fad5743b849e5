package io.dailies.scoring.media;

import java.util.Arrays;

/**
 * Where sounds start: energy onsets by band-wise spectral flux on the mono mix.
 *
 * <p>Every 10 ms a Hann-windowed frame (about 21 ms) is transformed and its power summed into
 * {@value #BANDS} log-spaced bands from 150 Hz up. A band's rise is how far its level (dB) climbs
 * above the highest of the previous {@value #MEMORY} frames, so a steady bed or a slow swell rises
 * by nothing and only genuinely new energy counts. The onset strength of a frame is the mean rise
 * over the bands; an onset is a local maximum of that strength above {@value #MIN_STRENGTH_DB} dB,
 * in a frame louder than {@value #MIN_LEVEL_DBFS} dBFS, at least {@value #MIN_GAP_SECONDS} s after
 * the previous onset. A door slam, a clap or a footstep raises most bands by tens of dB at once;
 * a noise bed wobbles by a dB or two; a sung or spoken vowel swells over several frames.
 */
final class AudioOnsets {

    static final int BANDS = 20;
    static final double LOW_HZ = 150;
    static final double HIGH_HZ = 16_000;
    static final int MEMORY = 3;
    static final double MIN_STRENGTH_DB = 4.0;
    static final double MIN_LEVEL_DBFS = -60;
    static final double MIN_GAP_SECONDS = 0.08;
    /** Frames per second of the strength curve. */
    static final int RATE = 100;

    private AudioOnsets() {
    }

    /** Onset times in seconds, ascending, rounded to the millisecond; empty for silence. */
    static double[] detect(float[][] channels, int sampleRate) {
        if (channels == null || channels.length == 0 || sampleRate <= 0) {
            return new double[0];
        }
        int n = Integer.MAX_VALUE;
        for (float[] channel : channels) {
            n = Math.min(n, channel.length);
        }
        int size = Integer.highestOneBit((int) Math.max(64, Math.round(0.02 * sampleRate)));
        if (size < 0.016 * sampleRate) {
            size <<= 1;
        }
        int hop = Math.max(1, sampleRate / RATE);
        if (n < size + hop) {
            return new double[0];
        }
        int frames = (n - size) / hop + 1;
        Fft fft = new Fft(size);
        double[] window = new double[size];
        double windowSum = 0;
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / size);
            windowSum += window[i];
        }
        // Power of a full-scale sine in its bin is (windowSum / 2)^2; normalise so levels read as dBFS.
        double norm = 2.0 / (windowSum * windowSum);
        int[] bandStart = new int[BANDS + 1];
        double top = Math.min(HIGH_HZ, 0.45 * sampleRate);
        for (int b = 0; b <= BANDS; b++) {
            double hz = LOW_HZ * Math.pow(top / LOW_HZ, (double) b / BANDS);
            bandStart[b] = (int) Math.round(hz * size / sampleRate);
        }
        for (int b = 1; b <= BANDS; b++) {
            bandStart[b] = Math.max(bandStart[b], bandStart[b - 1] + 1);
        }
        double[] re = new double[size];
        double[] im = new double[size];
        double[][] history = new double[MEMORY][BANDS];
        for (double[] h : history) {
            Arrays.fill(h, -200);
        }
        double[] level = new double[BANDS];
        double[] strength = new double[frames];
        boolean[] loud = new boolean[frames];
        float scale = 1f / channels.length;
        for (int t = 0; t < frames; t++) {
            int start = t * hop;
            for (int i = 0; i < size; i++) {
                double mono = 0;
                for (float[] channel : channels) {
                    mono += channel[start + i];
                }
                re[i] = mono * scale * window[i];
            }
            Arrays.fill(im, 0);
            fft.forward(re, im, 0);
            double total = 0;
            double rise = 0;
            for (int b = 0; b < BANDS; b++) {
                double power = 0;
                for (int k = bandStart[b]; k < bandStart[b + 1] && k < size / 2; k++) {
                    power += re[k] * re[k] + im[k] * im[k];
                }
                total += power;
                level[b] = 10 * Math.log10(power * norm + 1e-12);
                double reference = -200;
                for (double[] h : history) {
                    reference = Math.max(reference, h[b]);
                }
                rise += Math.max(0, level[b] - reference);
            }
            strength[t] = rise / BANDS;
            loud[t] = 10 * Math.log10(total * norm + 1e-12) >= MIN_LEVEL_DBFS;
            double[] oldest = history[t % MEMORY];
            System.arraycopy(level, 0, oldest, 0, BANDS);
        }
        // The first frames compare against "nothing before": not an onset of the take, just its start.
        for (int t = 0; t < Math.min(frames, MEMORY); t++) {
            strength[t] = 0;
        }
        double[] onsets = new double[frames];
        int count = 0;
        int gap = (int) Math.round(MIN_GAP_SECONDS * RATE);
        double lastTime = -1;
        for (int t = 1; t < frames - 1; t++) {
            double s = strength[t];
            if (s < MIN_STRENGTH_DB || !loud[t]) {
                continue;
            }
            boolean isMax = true;
            for (int d = -gap; d <= gap && isMax; d++) {
                int u = t + d;
                if (u >= 0 && u < frames && u != t && (strength[u] > s || (strength[u] == s && u < t))) {
                    isMax = false;
                }
            }
            if (!isMax) {
                continue;
            }
            // The rise peaks when the attack reaches the middle of the window.
            double time = ((long) t * hop + size / 2.0) / sampleRate;
            if (lastTime >= 0 && time - lastTime < MIN_GAP_SECONDS) {
                continue;
            }
            onsets[count++] = Math.round(time * 1000) / 1000.0;
            lastTime = time;
        }
        return Arrays.copyOf(onsets, count);
    }
}
