package io.dailies.emulator.media;

/**
 * The colour maths the emulator paints with: 8-bit sRGB (IEC 61966-2-1) to CIE 1976 L*a*b* and back,
 * relative to the sRGB white (D65), and a perceptual distance between two L*a*b* colours (CIE94, made
 * symmetric). The emulator uses them to keep its own colours apart: to pick off-palette colours far from
 * every anchor, a contrasting subject, a lighter or darker shade.
 */
final class LabColour {

    /** Linear sRGB to CIE XYZ, as the sRGB standard gives it (four decimals). */
    private static final double[][] TO_XYZ = {
        {0.4124, 0.3576, 0.1805},
        {0.2126, 0.7152, 0.0722},
        {0.0193, 0.1192, 0.9505},
    };
    private static final double[][] FROM_XYZ = inverse(TO_XYZ);
    /** The white of the space: what (1, 1, 1) maps to, so that white is exactly L* = 100, a* = b* = 0. */
    private static final double[] WHITE = rowSums(TO_XYZ);
    /** CIE: the cube root applies above (6/29)³; below it, a straight line meets it smoothly. */
    private static final double DELTA = 6.0 / 29;
    private static final double[] DECODED = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            DECODED[v] = decode(v / 255.0);
        }
    }

    private LabColour() {
    }

    /** 0xRRGGBB to {L*, a*, b*}. */
    static double[] fromRgb(int rgb) {
        double[] linear = {DECODED[(rgb >> 16) & 0xFF], DECODED[(rgb >> 8) & 0xFF], DECODED[rgb & 0xFF]};
        double[] f = new double[3];
        for (int row = 0; row < 3; row++) {
            double xyz = 0;
            for (int col = 0; col < 3; col++) {
                xyz += TO_XYZ[row][col] * linear[col];
            }
            f[row] = compress(xyz / WHITE[row]);
        }
        return new double[] {116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])};
    }

    /** {L*, a*, b*} to 0xRRGGBB, each channel clipped to the sRGB gamut. */
    static int toRgb(double[] lab) {
        double fy = (lab[0] + 16) / 116;
        double[] f = {fy + lab[1] / 500, fy, fy - lab[2] / 200};
        double[] xyz = new double[3];
        for (int i = 0; i < 3; i++) {
            xyz[i] = expand(f[i]) * WHITE[i];
        }
        int rgb = 0;
        for (int row = 0; row < 3; row++) {
            double linear = 0;
            for (int col = 0; col < 3; col++) {
                linear += FROM_XYZ[row][col] * xyz[col];
            }
            rgb = (rgb << 8) | (int) Math.round(255 * encode(Math.min(1, Math.max(0, linear))));
        }
        return rgb;
    }

    /**
     * CIE94 colour difference with the graphic-arts weights (kL = kC = kH = 1, K1 = 0.045, K2 = 0.015),
     * made symmetric by weighting chroma with the geometric mean of the two chromas. About 1 is a
     * just-noticeable difference; colours that read as different names are 10 and more apart.
     */
    static double distance(double[] lab1, double[] lab2) {
        double c1 = Math.hypot(lab1[1], lab1[2]);
        double c2 = Math.hypot(lab2[1], lab2[2]);
        double dL = lab1[0] - lab2[0];
        double dC = c1 - c2;
        double da = lab1[1] - lab2[1];
        double db = lab1[2] - lab2[2];
        // What is left of the a*b* difference once the chroma difference is taken out is the hue difference.
        double dH2 = Math.max(0, da * da + db * db - dC * dC);
        double chroma = Math.sqrt(c1 * c2);
        double sC = 1 + 0.045 * chroma;
        double sH = 1 + 0.015 * chroma;
        return Math.sqrt(dL * dL + (dC / sC) * (dC / sC) + dH2 / (sH * sH));
    }

    /** {@link #distance(double[], double[])} of two 0xRRGGBB colours. */
    static double distance(int rgb1, int rgb2) {
        return distance(fromRgb(rgb1), fromRgb(rgb2));
    }

    static double lightness(int rgb) {
        return fromRgb(rgb)[0];
    }

    /** The sRGB transfer curve, encoded value (0..1) to linear light. */
    private static double decode(double encoded) {
        return encoded <= 0.04045 ? encoded / 12.92 : Math.pow((encoded + 0.055) / 1.055, 2.4);
    }

    /** Linear light (0..1) to the encoded value. */
    private static double encode(double linear) {
        return linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
    }

    private static double compress(double t) {
        return t > DELTA * DELTA * DELTA ? Math.cbrt(t) : t / (3 * DELTA * DELTA) + 4.0 / 29;
    }

    private static double expand(double f) {
        return f > DELTA ? f * f * f : 3 * DELTA * DELTA * (f - 4.0 / 29);
    }

    private static double[] rowSums(double[][] m) {
        double[] sums = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            for (double v : m[r]) {
                sums[r] += v;
            }
        }
        return sums;
    }

    /** The inverse of a 3x3 matrix by its adjugate. */
    private static double[][] inverse(double[][] m) {
        double[][] inv = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                // Cofactor of m[c][r] (transposed into place), from the cyclic minors.
                int r1 = (c + 1) % 3;
                int r2 = (c + 2) % 3;
                int c1 = (r + 1) % 3;
                int c2 = (r + 2) % 3;
                inv[r][c] = m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1];
            }
        }
        double det = m[0][0] * inv[0][0] + m[0][1] * inv[1][0] + m[0][2] * inv[2][0];
        for (double[] row : inv) {
            for (int c = 0; c < 3; c++) {
                row[c] /= det;
            }
        }
        return inv;
    }
}
