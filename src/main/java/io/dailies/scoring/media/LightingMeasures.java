package io.dailies.scoring.media;

import java.util.Arrays;

/**
 * Exposure stability from the per-frame mean luma: flicker (fast pulsing) and lighting
 * jumps (one hard step). Kept apart so a single step is not also read as flicker.
 *
 * <p>The analyzer feeds these with a motion-compensated series ({@link #fromSteps}): each step is
 * the change of mean luma over the area two consecutive frames share after the camera's shift, so
 * a pan or a shake over a contrasty scene (bright sky entering the frame) does not read as a pulse.
 */
final class LightingMeasures {

    /** Frames either side for the local average a flicker is measured against. */
    static final int FLICKER_HALF_WINDOW = 3;
    /**
     * Floor on the median frame-to-frame change, in luma levels: on a near-static clip the
     * median is ~0 and any ratio would explode; half a level is below visible.
     */
    static final double MEDIAN_STEP_FLOOR = 0.5;

    private LightingMeasures() {
    }

    /** A luma series rebuilt from its first value and the frame-to-frame steps. */
    static double[] fromSteps(double first, double[] steps) {
        double[] series = new double[steps.length + 1];
        series[0] = first;
        for (int i = 0; i < steps.length; i++) {
            series[i + 1] = series[i] + steps[i];
        }
        return series;
    }

    /** Index i (1..n-1) of the largest |luma[i] - luma[i-1]|, or -1 for fewer than two frames. */
    static int largestStepFrame(double[] luma) {
        int at = -1;
        double largest = -1;
        for (int i = 1; i < luma.length; i++) {
            double step = Math.abs(luma[i] - luma[i - 1]);
            if (step > largest) {
                largest = step;
                at = i;
            }
        }
        return at;
    }

    static double largestStep(double[] luma) {
        int at = largestStepFrame(luma);
        return at < 0 ? 0 : Math.abs(luma[at] - luma[at - 1]);
    }

    /** Largest step divided by the (floored) median step: how much the worst cut-free change stands out. */
    static double largestStepRatio(double[] luma) {
        if (luma.length < 2) {
            return 0;
        }
        double[] steps = new double[luma.length - 1];
        for (int i = 1; i < luma.length; i++) {
            steps[i - 1] = Math.abs(luma[i] - luma[i - 1]);
        }
        double largest = Arrays.stream(steps).max().orElse(0);
        Arrays.sort(steps);
        int n = steps.length;
        double median = n % 2 == 1 ? steps[n / 2] : (steps[n / 2 - 1] + steps[n / 2]) / 2;
        return largest / Math.max(median, MEDIAN_STEP_FLOOR);
    }

    /**
     * RMS of mean luma minus its moving average over ±3 frames, in luma levels. Frames within
     * the window of the single largest step are left out: that step is reported as a lighting
     * jump, and counting it here too would call every hard cut flicker.
     */
    static double flickerIndex(double[] luma) {
        int n = luma.length;
        if (n < 3) {
            return 0;
        }
        // Too short a take to spare eight frames: keep them all.
        int jump = n >= 16 ? largestStepFrame(luma) : -1;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (jump >= 0 && i >= jump - 1 - FLICKER_HALF_WINDOW && i <= jump + FLICKER_HALF_WINDOW) {
                continue;
            }
            // Symmetric window, narrowed at the ends, so a slow exposure drift is not flicker.
            int half = Math.min(FLICKER_HALF_WINDOW, Math.min(i, n - 1 - i));
            int from = i - half;
            int to = i + half;
            double mean = 0;
            for (int j = from; j <= to; j++) {
                mean += luma[j];
            }
            mean /= to - from + 1;
            double r = luma[i] - mean;
            sum += r * r;
            count++;
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }
}
