package io.dailies.scoring.media;

/**
 * Global camera motion from integral projections. Each frame is cut into {@value #BANDS}
 * horizontal bands, each reduced to a column profile (mean luma of every column), and into
 * {@value #BANDS} vertical strips, each reduced to a row profile. The shift that best aligns a
 * band's profile with the previous frame's (least squares, sub-pixel by a parabola through the
 * minimum) is that band's motion; the camera's motion is the median of the bands weighted by
 * how much structure each holds. A moving subject sits in a minority of bands, so it does not
 * drag the estimate; flat bands (sky, walls) carry no weight.
 * Shake is the RMS of the accumulated camera path minus its smoothed trend: deliberate pans
 * and dollies live in the trend, jitter does not.
 */
final class CameraShake {

    /** Frames either side for the trend: about half a second at 24 fps. */
    static final int TREND_HALF_WINDOW = 6;

    /** Bands (and strips) per frame for the weighted median. */
    static final int BANDS = 6;

    private CameraShake() {
    }

    /** Largest per-frame shift searched, in pixels, for a profile of this length. */
    static int searchRange(int width, int height) {
        return Math.max(4, Math.min(width, height) / 20);
    }

    /**
     * Shift d (pixels, sub-pixel) such that {@code current[i + d] ≈ previous[i]}: positive when
     * the picture moved towards higher indices. Profiles are normalised first, so exposure
     * changes (flicker, lighting jumps) do not masquerade as motion.
     */
    static double shift(double[] previous, double[] current, int range) {
        int n = previous.length;
        if (n <= 2 * range + 4) {
            return 0;
        }
        double[] p = standardised(previous);
        double[] c = standardised(current);
        double[] cost = new double[2 * range + 1];
        int best = range;
        double bestCost = Double.MAX_VALUE;
        for (int d = -range; d <= range; d++) {
            double sum = 0;
            for (int i = range; i < n - range; i++) {
                double diff = c[i + d] - p[i];
                sum += diff * diff;
            }
            cost[d + range] = sum;
            // On a tie prefer the smaller shift: a flat profile means "no motion", not "maximum motion".
            if (sum < bestCost || (sum == bestCost && Math.abs(d) < Math.abs(best - range))) {
                bestCost = sum;
                best = d + range;
            }
        }
        double offset = 0;
        if (best > 0 && best < cost.length - 1) {
            double left = cost[best - 1];
            double mid = cost[best];
            double right = cost[best + 1];
            double denominator = left - 2 * mid + right;
            if (denominator > 1e-12) {
                offset = Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / denominator));
            }
        }
        return best - range + offset;
    }

    /**
     * Camera shift between two frames from their band profiles ({@code [band][position]}):
     * the median of the per-band shifts over bands that hold structure (at least 2 % of the
     * strongest band's edge energy). Unweighted on purpose: a high-contrast subject in one or
     * two bands must not outvote a calmer background in the rest. 0 when nothing has structure.
     */
    static double globalShift(double[][] previous, double[][] current, int range) {
        int bands = previous.length;
        double[] energy = new double[bands];
        double strongest = 0;
        for (int k = 0; k < bands; k++) {
            energy[k] = Math.min(structure(previous[k]), structure(current[k]));
            strongest = Math.max(strongest, energy[k]);
        }
        if (strongest <= 0) {
            return 0;
        }
        double[] shifts = new double[bands];
        int used = 0;
        for (int k = 0; k < bands; k++) {
            if (energy[k] >= 0.02 * strongest) {
                shifts[used++] = shift(previous[k], current[k], range);
            }
        }
        double[] sorted = java.util.Arrays.copyOf(shifts, used);
        java.util.Arrays.sort(sorted);
        return used % 2 == 1 ? sorted[used / 2] : (sorted[used / 2 - 1] + sorted[used / 2]) / 2;
    }

    /** Edge energy of a profile: sum of squared neighbour differences (flat → 0). */
    static double structure(double[] profile) {
        double sum = 0;
        for (int i = 1; i < profile.length; i++) {
            double d = profile[i] - profile[i - 1];
            sum += d * d;
        }
        // Below ~0.05 levels per sample this is codec noise, not structure.
        return sum < 0.0025 * profile.length ? 0 : sum;
    }

    /** RMS distance (pixels) of the camera path from its moving-average trend. */
    static double shakeRms(double[] stepX, double[] stepY) {
        int n = stepX.length;
        if (n < 3) {
            return 0;
        }
        double[] x = cumulative(stepX);
        double[] y = cumulative(stepY);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            // Symmetric window, narrowed at the ends: a steady pan stays exactly on its trend.
            int half = Math.min(TREND_HALF_WINDOW, Math.min(i, n - 1 - i));
            int from = i - half;
            int to = i + half;
            double tx = 0;
            double ty = 0;
            for (int j = from; j <= to; j++) {
                tx += x[j];
                ty += y[j];
            }
            tx /= to - from + 1;
            ty /= to - from + 1;
            sum += (x[i] - tx) * (x[i] - tx) + (y[i] - ty) * (y[i] - ty);
        }
        return Math.sqrt(sum / n);
    }

    private static double[] cumulative(double[] steps) {
        double[] path = new double[steps.length];
        double position = 0;
        for (int i = 0; i < steps.length; i++) {
            position += steps[i];
            path[i] = position;
        }
        return path;
    }

    private static double[] standardised(double[] profile) {
        double mean = 0;
        for (double v : profile) {
            mean += v;
        }
        mean /= profile.length;
        double var = 0;
        for (double v : profile) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / profile.length);
        double[] out = new double[profile.length];
        if (sd < 1e-9) {
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (profile[i] - mean) / sd;
        }
        return out;
    }
}
