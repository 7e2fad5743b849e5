package io.dailies.scoring.media;

/**
 * The camera path and what it says about stability. The per-frame global shifts (from
 * {@link GlobalMotion}) are accumulated into a path; its smooth trend is a centred moving average
 * over about half a second ({@link #trendHalfWindow}: ±6 frames at 24 fps), narrowed at the ends so
 * a steady pan stays exactly on its trend.
 * <ul>
 *   <li><b>jitter</b> (shake): RMS distance of the path from its trend: the high-frequency part
 *       that reads as a chaotic, handheld-gone-wrong camera;</li>
 *   <li><b>drift</b>: length of the trend itself, walked in half-second strides: the low-frequency
 *       part, a deliberate pan or dolly as much as the slow wander the guide warns about ("camera
 *       drift").</li>
 * </ul>
 */
final class CameraShake {

    /** Frames either side for the trend at 24 fps: about a quarter of a second. */
    static final int TREND_HALF_WINDOW = 6;

    private CameraShake() {
    }

    /** Half-width of the trend window for a frame rate: a quarter of a second, at least 2 frames. */
    static int trendHalfWindow(double fps) {
        return fps > 0 ? Math.max(2, (int) Math.round(fps / 4)) : TREND_HALF_WINDOW;
    }

    /** RMS distance (pixels) of the camera path from its moving-average trend, ±6 frames. */
    static double shakeRms(double[] stepX, double[] stepY) {
        return shakeRms(stepX, stepY, TREND_HALF_WINDOW);
    }

    /** RMS distance (pixels) of the camera path from its moving-average trend. */
    static double shakeRms(double[] stepX, double[] stepY, int halfWindow) {
        int n = stepX.length;
        if (n < 3) {
            return 0;
        }
        double[] x = cumulative(stepX);
        double[] y = cumulative(stepY);
        double[] tx = trend(x, halfWindow);
        double[] ty = trend(y, halfWindow);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (x[i] - tx[i]) * (x[i] - tx[i]) + (y[i] - ty[i]) * (y[i] - ty[i]);
        }
        return Math.sqrt(sum / n);
    }

    /**
     * Length (pixels) of the smoothed camera path: how far the camera travelled, jitter left out.
     * The trend is walked in strides of one trend window (about half a second), so the estimate's
     * own frame-to-frame noise does not add up into a journey the camera never made.
     */
    static double driftPx(double[] stepX, double[] stepY, int halfWindow) {
        int n = stepX.length;
        if (n < 2) {
            return 0;
        }
        double[] tx = trend(cumulative(stepX), halfWindow);
        double[] ty = trend(cumulative(stepY), halfWindow);
        int stride = Math.max(1, 2 * halfWindow);
        double length = 0;
        for (int from = 0; from < n - 1; from += stride) {
            int to = Math.min(n - 1, from + stride);
            length += Math.hypot(tx[to] - tx[from], ty[to] - ty[from]);
        }
        return length;
    }

    /** Centred moving average, the window narrowed symmetrically at both ends. */
    static double[] trend(double[] path, int halfWindow) {
        int n = path.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + path[i];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int half = Math.min(halfWindow, Math.min(i, n - 1 - i));
            out[i] = (prefix[i + half + 1] - prefix[i - half]) / (2 * half + 1);
        }
        return out;
    }

    static double[] cumulative(double[] steps) {
        double[] path = new double[steps.length];
        double position = 0;
        for (int i = 0; i < steps.length; i++) {
            position += steps[i];
            path[i] = position;
        }
        return path;
    }
}
