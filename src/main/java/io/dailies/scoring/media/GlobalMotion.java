package io.dailies.scoring.media;

import java.util.Arrays;

/**
 * Global (camera) motion between consecutive frames by phase correlation, tile by tile, on the
 * downscaled luma plane.
 *
 * <p>The plane is covered by overlapping square tiles (64 px on the usual 320x180 plane). Each
 * tile is mean-removed and Hann-windowed; its spectrum is kept for the next frame. The shift of a
 * tile is the peak of the inverse transform of the normalised cross-power spectrum
 * {@code Fcur·conj(Fprev) / (|Fcur·conj(Fprev)| + ε)}, weighted by a Gaussian so that the peak is a
 * sampled Gaussian (σ = 1 px) and a three-point log-parabola finds it to a small fraction of a
 * pixel. Normalising the spectrum makes the estimate blind to exposure changes (flicker, lighting
 * jumps); ε keeps codec noise in flat areas from being whitened into a fake peak.
 *
 * <p>The camera's shift is, per axis, the consensus ({@link #consensus}: the median of the
 * largest group of agreeing tiles) over the tiles that can see motion along that axis: a tile needs texture across the axis (its windowed gradient energy) and, if its structure
 * is a single edge, only the axis across the edge counts (the aperture problem). A moving subject
 * occupies a minority of tiles, so the consensus ignores it. Two real tiles share one complex FFT in
 * both directions, halving the transforms.
 */
final class GlobalMotion {

    /** Spatial σ of the correlation peak, in plane pixels. */
    private static final double PEAK_SIGMA = 1.0;
    /** Windowed mean-square gradient (levels² per pixel) below which a tile is flat for an axis. */
    private static final double MIN_GRADIENT_ENERGY = 1.0;
    /** A tile whose weaker gradient axis holds less than this share of the stronger sees one edge only. */
    private static final double EDGE_ONLY_RATIO = 0.05;
    /** Tiles whose shifts differ by no more than this (plane pixels) agree. */
    static final double AGREEMENT = 0.5;
    /** Assumed codec noise power per pixel (levels²) for the spectral regulariser ε. */
    private static final double NOISE_POWER = 2.0;

    final int width;
    final int height;
    final int tile;
    private final int[] tileX;
    private final int[] tileY;
    private final Fft fft;
    private final double[] window;
    private final double[] weight;
    private final double epsilon;
    private double[][] previousRe;
    private double[][] previousIm;
    private double[][] currentRe;
    private double[][] currentIm;
    private boolean[] previousSeesX;
    private boolean[] previousSeesY;
    private boolean[] currentSeesX;
    private boolean[] currentSeesY;
    private boolean hasPrevious;
    private final double[] packRe;
    private final double[] packIm;
    private final double[] shiftsX;
    private final double[] shiftsY;
    private final int[] want;
    /** Which axes the last loaded tile can see motion along: {x, y}. */
    private final boolean[] sees = new boolean[2];

    GlobalMotion(int width, int height) {
        this.width = width;
        this.height = height;
        int size = Integer.highestOneBit(Math.max(1, Math.min(64, Math.min(width, height))));
        this.tile = size;
        if (size < 16) {
            tileX = new int[0];
            tileY = new int[0];
            fft = null;
            window = weight = packRe = packIm = shiftsX = shiftsY = new double[0];
            want = new int[0];
            epsilon = 0;
            return;
        }
        int[] xs = positions(width, size);
        int[] ys = positions(height, size);
        int tiles = xs.length * ys.length;
        tileX = new int[tiles];
        tileY = new int[tiles];
        for (int j = 0, t = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++, t++) {
                tileX[t] = xs[i];
                tileY[t] = ys[j];
            }
        }
        fft = new Fft(size);
        int area = size * size;
        window = new double[area];
        double windowEnergy = 0;
        for (int y = 0; y < size; y++) {
            double wy = 0.5 - 0.5 * Math.cos(2 * Math.PI * (y + 0.5) / size);
            for (int x = 0; x < size; x++) {
                double wx = 0.5 - 0.5 * Math.cos(2 * Math.PI * (x + 0.5) / size);
                window[y * size + x] = wx * wy;
                windowEnergy += wx * wy * wx * wy;
            }
        }
        epsilon = NOISE_POWER * windowEnergy;
        weight = new double[area];
        for (int u = 0; u < size; u++) {
            int fu = u <= size / 2 ? u : u - size;
            for (int v = 0; v < size; v++) {
                int fv = v <= size / 2 ? v : v - size;
                weight[u * size + v] = Math.exp(-2 * Math.PI * Math.PI * PEAK_SIGMA * PEAK_SIGMA
                        * (fu * fu + fv * fv) / ((double) size * size));
            }
        }
        weight[0] = 0; // the mean carries exposure, not position
        previousRe = new double[tiles][area];
        previousIm = new double[tiles][area];
        currentRe = new double[tiles][area];
        currentIm = new double[tiles][area];
        previousSeesX = new boolean[tiles];
        previousSeesY = new boolean[tiles];
        currentSeesX = new boolean[tiles];
        currentSeesY = new boolean[tiles];
        packRe = new double[area];
        packIm = new double[area];
        shiftsX = new double[tiles];
        shiftsY = new double[tiles];
        want = new int[tiles];
    }

    /**
     * Transforms the two real tiles loaded into {@code packRe} (tile a) and {@code packIm} (tile b, or
     * zeros when b &lt; 0) with one complex FFT and splits the spectra:
     * A = (Z(k) + conj Z(-k)) / 2, B = (Z(k) - conj Z(-k)) / 2i.
     */
    private void forwardPair(int a, int b) {
        int size = tile;
        fft.forward2d(packRe, packIm);
        double[] aRe = currentRe[a];
        double[] aIm = currentIm[a];
        double[] bRe = b >= 0 ? currentRe[b] : null;
        double[] bIm = b >= 0 ? currentIm[b] : null;
        for (int u = 0; u < size; u++) {
            int nu = (size - u) & (size - 1);
            for (int v = 0; v < size; v++) {
                int k = u * size + v;
                int nk = nu * size + ((size - v) & (size - 1));
                double zr = packRe[k];
                double zi = packIm[k];
                double cr = packRe[nk];
                double ci = packIm[nk];
                aRe[k] = 0.5 * (zr + cr);
                aIm[k] = 0.5 * (zi - ci);
                if (bRe != null) {
                    bRe[k] = 0.5 * (zi + ci);
                    bIm[k] = 0.5 * (cr - zr);
                }
            }
        }
    }

    /** Tile origins spread evenly along one side: about one tile per tile length, overlapping if needed. */
    private static int[] positions(int length, int size) {
        int count = Math.max(1, (int) Math.round((double) length / size));
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = count == 1 ? (length - size) / 2 : (int) Math.round((double) i * (length - size) / (count - 1));
        }
        return out;
    }

    int tiles() {
        return tileX.length;
    }

    /**
     * Takes the next frame's luma plane (row-major, {@code width x height}) and returns the camera
     * shift {dx, dy} in plane pixels since the previous frame: content that moved right / down
     * gives positive values. The first frame returns {0, 0}.
     */
    double[] next(float[] luma) {
        int tiles = tileX.length;
        if (tiles == 0) {
            return new double[2];
        }
        int size = tile;
        int area = size * size;
        // Forward transforms, two textured tiles at a time; a tile that sees no axis is never used.
        int waiting = -1;
        for (int t = 0; t < tiles; t++) {
            load(luma, t, waiting < 0 ? packRe : packIm);
            currentSeesX[t] = sees[0];
            currentSeesY[t] = sees[1];
            if (!sees[0] && !sees[1]) {
                continue;
            }
            if (waiting < 0) {
                waiting = t;
            } else {
                forwardPair(waiting, t);
                waiting = -1;
            }
        }
        if (waiting >= 0) {
            Arrays.fill(packIm, 0);
            forwardPair(waiting, -1);
        }
        double[] result = new double[2];
        if (hasPrevious) {
            int usedX = 0;
            int usedY = 0;
            int wanted = 0;
            for (int t = 0; t < tiles; t++) {
                if ((currentSeesX[t] && previousSeesX[t]) || (currentSeesY[t] && previousSeesY[t])) {
                    want[wanted++] = t;
                }
            }
            for (int w = 0; w < wanted; w += 2) {
                int a = want[w];
                int b = w + 1 < wanted ? want[w + 1] : -1;
                // Q = Ra + i·Rb: both correlation surfaces are real, so one inverse gives both.
                double[] caRe = currentRe[a];
                double[] caIm = currentIm[a];
                double[] paRe = previousRe[a];
                double[] paIm = previousIm[a];
                for (int k = 0; k < area; k++) {
                    double xr = caRe[k] * paRe[k] + caIm[k] * paIm[k];
                    double xi = caIm[k] * paRe[k] - caRe[k] * paIm[k];
                    double scale = weight[k] / (Math.sqrt(xr * xr + xi * xi) + epsilon);
                    packRe[k] = xr * scale;
                    packIm[k] = xi * scale;
                }
                if (b >= 0) {
                    double[] cbRe = currentRe[b];
                    double[] cbIm = currentIm[b];
                    double[] pbRe = previousRe[b];
                    double[] pbIm = previousIm[b];
                    for (int k = 0; k < area; k++) {
                        double xr = cbRe[k] * pbRe[k] + cbIm[k] * pbIm[k];
                        double xi = cbIm[k] * pbRe[k] - cbRe[k] * pbIm[k];
                        double scale = weight[k] / (Math.sqrt(xr * xr + xi * xi) + epsilon);
                        packRe[k] -= xi * scale;
                        packIm[k] += xr * scale;
                    }
                }
                fft.inverse2d(packRe, packIm);
                for (int which = 0; which < 2; which++) {
                    int t = which == 0 ? a : b;
                    if (t < 0) {
                        continue;
                    }
                    double[] s = peak(which == 0 ? packRe : packIm);
                    if (currentSeesX[t] && previousSeesX[t]) {
                        shiftsX[usedX++] = s[0];
                    }
                    if (currentSeesY[t] && previousSeesY[t]) {
                        shiftsY[usedY++] = s[1];
                    }
                }
            }
            result[0] = consensus(shiftsX, usedX);
            result[1] = consensus(shiftsY, usedY);
        }
        double[][] t = previousRe;
        previousRe = currentRe;
        currentRe = t;
        t = previousIm;
        previousIm = currentIm;
        currentIm = t;
        boolean[] s = previousSeesX;
        previousSeesX = currentSeesX;
        currentSeesX = s;
        s = previousSeesY;
        previousSeesY = currentSeesY;
        currentSeesY = s;
        hasPrevious = true;
        return result;
    }

    /** Copies tile {@code t} into {@code out}, mean-removed and windowed, and decides which axes it sees. */
    private void load(float[] luma, int t, double[] out) {
        int size = tile;
        int x0 = tileX[t];
        int y0 = tileY[t];
        double mean = 0;
        for (int y = 0; y < size; y++) {
            int row = (y0 + y) * width + x0;
            for (int x = 0; x < size; x++) {
                mean += luma[row + x];
            }
        }
        mean /= size * size;
        double gxx = 0;
        double gyy = 0;
        double gxy = 0;
        double weights = 0;
        for (int y = 0; y < size; y++) {
            int row = (y0 + y) * width + x0;
            int below = y + 1 < size ? row + width : row;
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                double w = window[i];
                float v = luma[row + x];
                out[i] = (v - mean) * w;
                double gx = x + 1 < size ? luma[row + x + 1] - v : 0;
                double gy = luma[below + x] - v;
                gxx += w * gx * gx;
                gyy += w * gy * gy;
                gxy += w * gx * gy;
                weights += w;
            }
        }
        gxx /= weights;
        gyy /= weights;
        gxy /= weights;
        // Eigenvalues of the structure tensor: a corner has two strong ones, an edge one.
        double trace = gxx + gyy;
        double root = Math.sqrt(Math.max(0, (gxx - gyy) * (gxx - gyy) / 4 + gxy * gxy));
        double strong = trace / 2 + root;
        double weak = trace / 2 - root;
        if (strong < MIN_GRADIENT_ENERGY) {
            sees[0] = false;
            sees[1] = false;
        } else if (weak >= EDGE_ONLY_RATIO * strong && weak >= MIN_GRADIENT_ENERGY / 4) {
            sees[0] = true;
            sees[1] = true;
        } else {
            // One edge: only the motion across it is visible, and only if it runs along an axis.
            sees[0] = gyy < EDGE_ONLY_RATIO * gxx;
            sees[1] = gxx < EDGE_ONLY_RATIO * gyy;
        }
    }

    /** Peak of a correlation surface (row-major, wrapped) to sub-pixel precision: {dx, dy}. */
    private double[] peak(double[] c) {
        int size = tile;

        int limit = size / 2 - 2;
        int best = 0;
        double max = -Double.MAX_VALUE;
        for (int y = 0; y < size; y++) {
            int dy = y <= size / 2 ? y : y - size;
            if (Math.abs(dy) > limit) {
                continue;
            }
            for (int x = 0; x < size; x++) {
                int dx = x <= size / 2 ? x : x - size;
                if (Math.abs(dx) > limit) {
                    continue;
                }
                double v = c[y * size + x];
                // Ties go to the smaller shift: no evidence of motion means no motion.
                if (v > max || (v == max && Math.abs(dx) + Math.abs(dy) < manhattan(best, size))) {
                    max = v;
                    best = y * size + x;
                }
            }
        }
        int px = best % size;
        int py = best / size;
        int mask = size - 1;
        double left = c[py * size + ((px - 1) & mask)];
        double right = c[py * size + ((px + 1) & mask)];
        double up = c[((py - 1) & mask) * size + px];
        double down = c[((py + 1) & mask) * size + px];
        double dx = (px <= size / 2 ? px : px - size) + subPixel(left, max, right);
        double dy = (py <= size / 2 ? py : py - size) + subPixel(up, max, down);
        return new double[] {dx, dy};
    }

    private static int manhattan(int index, int size) {
        int x = index % size;
        int y = index / size;
        return Math.abs(x <= size / 2 ? x : x - size) + Math.abs(y <= size / 2 ? y : y - size);
    }

    /** Offset of a peak from three samples: exact for a Gaussian (log-parabola), parabola as fallback. */
    static double subPixel(double before, double at, double after) {
        double offset;
        if (before > 0 && at > 0 && after > 0) {
            double lb = Math.log(before);
            double la = Math.log(at);
            double lf = Math.log(after);
            double d = lb - 2 * la + lf;
            offset = d < -1e-12 ? 0.5 * (lb - lf) / d : 0;
        } else {
            double d = before - 2 * at + after;
            offset = d < -1e-12 ? 0.5 * (before - after) / d : 0;
        }
        return Math.max(-0.5, Math.min(0.5, offset));
    }

    /**
     * The shift most tiles agree on: for each tile, the tiles within {@value #AGREEMENT} px of it are
     * its supporters; the tile with the most supporters wins (on a tie, the one closer to zero: with
     * the evidence split, no motion is the safer reading) and the median of its supporters is the
     * answer (of an even number, the middle value nearer zero). With every tile on the background this is the plain median; a subject moving across
     * a minority of tiles, or across one of two textured tiles, is outvoted.
     */
    static double consensus(double[] values, int count) {
        if (count == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int bestFrom = 0;
        int bestTo = 0;
        double bestCentre = sorted[0];
        for (int i = 0, from = 0, to = 0; i < count; i++) {
            while (sorted[i] - sorted[from] > AGREEMENT) {
                from++;
            }
            while (to + 1 < count && sorted[to + 1] - sorted[i] <= AGREEMENT) {
                to++;
            }
            int support = to - from + 1;
            int bestSupport = bestTo - bestFrom + 1;
            if (support > bestSupport || (support == bestSupport && Math.abs(sorted[i]) < Math.abs(bestCentre))) {
                bestFrom = from;
                bestTo = to;
                bestCentre = sorted[i];
            }
        }
        int n = bestTo - bestFrom + 1;
        if (n % 2 == 1) {
            return sorted[bestFrom + n / 2];
        }
        // Of the two middle values, the one nearer zero: a tile half on a moving subject pulls a little.
        double low = sorted[bestFrom + n / 2 - 1];
        double high = sorted[bestFrom + n / 2];
        return Math.abs(low) <= Math.abs(high) ? low : high;
    }
}
