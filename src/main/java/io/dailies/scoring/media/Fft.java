package io.dailies.scoring.media;

/**
 * In-place radix-2 complex FFT on split real / imaginary arrays, for power-of-two sizes, with
 * its twiddle and bit-reversal tables computed once. Unscaled in both directions: the callers
 * (phase correlation, spectral flux) only compare values within one transform.
 */
final class Fft {

    final int n;
    private final double[] cos;
    private final double[] sin;
    private final int[] reverse;

    Fft(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two: " + n);
        }
        this.n = n;
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = Math.sin(2 * Math.PI * k / n);
        }
        reverse = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            reverse[i] = Integer.reverse(i) >>> (32 - bits);
        }
    }

    /** Forward transform (e^-2πi) of {@code n} values starting at {@code offset}. */
    void forward(double[] re, double[] im, int offset) {
        transform(re, im, offset);
    }

    /** Inverse transform (e^+2πi), unscaled: swaps the parts around a forward transform. */
    void inverse(double[] re, double[] im, int offset) {
        transform(im, re, offset);
    }

    private void transform(double[] re, double[] im, int offset) {
        int end = offset + n;
        for (int i = 0; i < n; i++) {
            int j = reverse[i];
            if (i < j) {
                double t = re[offset + i];
                re[offset + i] = re[offset + j];
                re[offset + j] = t;
                t = im[offset + i];
                im[offset + i] = im[offset + j];
                im[offset + j] = t;
            }
        }
        // The first two stages have trivial twiddles (1 and -i): one radix-4 pass without multiplies.
        for (int s = offset; s < end; s += 4) {
            double r0 = re[s] + re[s + 1];
            double i0 = im[s] + im[s + 1];
            double r1 = re[s] - re[s + 1];
            double i1 = im[s] - im[s + 1];
            double r2 = re[s + 2] + re[s + 3];
            double i2 = im[s + 2] + im[s + 3];
            double r3 = re[s + 2] - re[s + 3];
            double i3 = im[s + 2] - im[s + 3];
            re[s] = r0 + r2;
            im[s] = i0 + i2;
            re[s + 2] = r0 - r2;
            im[s + 2] = i0 - i2;
            // w = -i: (r3 + i·i3)·(-i) = i3 - i·r3
            re[s + 1] = r1 + i3;
            im[s + 1] = i1 - r3;
            re[s + 3] = r1 - i3;
            im[s + 3] = i1 + r3;
        }
        for (int size = 8; size <= n; size <<= 1) {
            int half = size >> 1;
            int step = n / size;
            for (int start = offset; start < end; start += size) {
                for (int k = 0, t = 0; k < half; k++, t += step) {
                    double wr = cos[t];
                    double wi = -sin[t];
                    int a = start + k;
                    int b = a + half;
                    double br = re[b];
                    double bi = im[b];
                    double tr = wr * br - wi * bi;
                    double ti = wr * bi + wi * br;
                    double ar = re[a];
                    double ai = im[a];
                    re[b] = ar - tr;
                    im[b] = ai - ti;
                    re[a] = ar + tr;
                    im[a] = ai + ti;
                }
            }
        }
    }

    /** Forward 2-D transform of an n x n block stored row-major; the result is left transposed. */
    void forward2d(double[] re, double[] im) {
        for (int row = 0; row < n; row++) {
            forward(re, im, row * n);
        }
        transpose(re);
        transpose(im);
        for (int row = 0; row < n; row++) {
            forward(re, im, row * n);
        }
    }

    /** Inverse of {@link #forward2d} (unscaled): takes the transposed spectrum, returns row-major. */
    void inverse2d(double[] re, double[] im) {
        for (int row = 0; row < n; row++) {
            inverse(re, im, row * n);
        }
        transpose(re);
        transpose(im);
        for (int row = 0; row < n; row++) {
            inverse(re, im, row * n);
        }
    }

    private void transpose(double[] a) {
        for (int y = 0; y < n; y++) {
            int row = y * n;
            for (int x = y + 1; x < n; x++) {
                int i = row + x;
                int j = x * n + y;
                double t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
    }
}
