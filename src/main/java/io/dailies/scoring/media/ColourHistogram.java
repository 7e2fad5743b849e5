package io.dailies.scoring.media;

/**
 * 8x8x8 RGB histograms of single frames, for shot-to-shot continuity. Each sample is spread
 * over its neighbouring bins (trilinear), so a colour sitting on a bin edge does not flip bins
 * between two encodes of the same picture.
 */
final class ColourHistogram {

    static final int BINS = 8;
    static final int SIZE = BINS * BINS * BINS;
    private static final double BIN_WIDTH = 256.0 / BINS;

    private ColourHistogram() {
    }

    /** Adds one pixel with trilinear soft binning. */
    static void add(double[] histogram, int r, int g, int b) {
        double fr = r / BIN_WIDTH - 0.5;
        double fg = g / BIN_WIDTH - 0.5;
        double fb = b / BIN_WIDTH - 0.5;
        int r0 = (int) Math.floor(fr);
        int g0 = (int) Math.floor(fg);
        int b0 = (int) Math.floor(fb);
        double dr = fr - r0;
        double dg = fg - g0;
        double db = fb - b0;
        for (int i = 0; i < 2; i++) {
            int ri = clamp(r0 + i);
            double wr = i == 0 ? 1 - dr : dr;
            for (int j = 0; j < 2; j++) {
                int gj = clamp(g0 + j);
                double wg = j == 0 ? 1 - dg : dg;
                for (int m = 0; m < 2; m++) {
                    int bm = clamp(b0 + m);
                    double wb = m == 0 ? 1 - db : db;
                    histogram[(ri * BINS + gj) * BINS + bm] += wr * wg * wb;
                }
            }
        }
    }

    /** Scales to a total of 1 (no-op for an empty histogram). */
    static double[] normalised(double[] histogram) {
        double total = 0;
        for (double v : histogram) {
            total += v;
        }
        double[] out = new double[histogram.length];
        if (total > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.round(histogram[i] / total * 1e6) / 1e6;
            }
        }
        return out;
    }

    /** Histogram intersection of two normalised histograms: 1 = same colour distribution, 0 = disjoint. */
    static double intersection(double[] h1, double[] h2) {
        double sum = 0;
        for (int i = 0; i < Math.min(h1.length, h2.length); i++) {
            sum += Math.min(h1[i], h2[i]);
        }
        return Math.min(1, sum);
    }

    private static int clamp(int bin) {
        return bin < 0 ? 0 : Math.min(BINS - 1, bin);
    }
}
