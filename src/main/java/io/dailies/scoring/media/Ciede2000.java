package io.dailies.scoring.media;

/**
 * CIEDE2000 colour difference (Sharma, Wu &amp; Dalal 2005) and the sRGB → CIELAB (D65)
 * conversion it is used with. ΔE00 ≈ 1 is a just-noticeable difference; palette matching
 * treats anything under about 10 as "the same named colour".
 */
public final class Ciede2000 {

    // D65 reference white, 2° observer (Y normalised to 1).
    private static final double XN = 0.95047;
    private static final double YN = 1.0;
    private static final double ZN = 1.08883;
    private static final double POW25_7 = Math.pow(25, 7);

    /** sRGB 8-bit → linear light, precomputed because every sampled pixel goes through it. */
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private Ciede2000() {
    }

    /** ΔE00 between two CIELAB colours {L, a, b}. */
    public static double deltaE(double[] lab1, double[] lab2) {
        return deltaE(lab1[0], lab1[1], lab1[2], lab2[0], lab2[1], lab2[2]);
    }

    /** ΔE00 between two sRGB colours given as 0xRRGGBB. */
    public static double deltaERgb(int rgb1, int rgb2) {
        return deltaE(srgbToLab(rgb1), srgbToLab(rgb2));
    }

    /** ΔE00 with the reference weighting kL = kC = kH = 1. */
    public static double deltaE(double l1, double a1, double b1, double l2, double a2, double b2) {
        double c1 = Math.hypot(a1, b1);
        double c2 = Math.hypot(a2, b2);
        double cMean = (c1 + c2) / 2;
        double cMean7 = Math.pow(cMean, 7);
        double g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + POW25_7)));
        double a1p = (1 + g) * a1;
        double a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1);
        double c2p = Math.hypot(a2p, b2);
        double h1p = hueDegrees(a1p, b1);
        double h2p = hueDegrees(a2p, b2);

        double dLp = l2 - l1;
        double dCp = c2p - c1p;
        double dhp;
        if (c1p * c2p == 0) {
            dhp = 0;
        } else if (Math.abs(h2p - h1p) <= 180) {
            dhp = h2p - h1p;
        } else if (h2p - h1p > 180) {
            dhp = h2p - h1p - 360;
        } else {
            dhp = h2p - h1p + 360;
        }
        double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));

        double lMean = (l1 + l2) / 2;
        double cMeanP = (c1p + c2p) / 2;
        double hMeanP;
        if (c1p * c2p == 0) {
            hMeanP = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hMeanP = (h1p + h2p) / 2;
        } else if (h1p + h2p < 360) {
            hMeanP = (h1p + h2p + 360) / 2;
        } else {
            hMeanP = (h1p + h2p - 360) / 2;
        }

        double t = 1 - 0.17 * Math.cos(Math.toRadians(hMeanP - 30))
                + 0.24 * Math.cos(Math.toRadians(2 * hMeanP))
                + 0.32 * Math.cos(Math.toRadians(3 * hMeanP + 6))
                - 0.20 * Math.cos(Math.toRadians(4 * hMeanP - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hMeanP - 275) / 25, 2));
        double cMeanP7 = Math.pow(cMeanP, 7);
        double rc = 2 * Math.sqrt(cMeanP7 / (cMeanP7 + POW25_7));
        double lm50 = (lMean - 50) * (lMean - 50);
        double sl = 1 + 0.015 * lm50 / Math.sqrt(20 + lm50);
        double sc = 1 + 0.045 * cMeanP;
        double sh = 1 + 0.015 * cMeanP * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;

        double dl = dLp / sl;
        double dc = dCp / sc;
        double dh = dHp / sh;
        return Math.sqrt(dl * dl + dc * dc + dh * dh + rt * dc * dh);
    }

    /** sRGB 0xRRGGBB → CIELAB {L, a, b} under D65. */
    public static double[] srgbToLab(int rgb) {
        return srgbToLab((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    /** 8-bit sRGB → CIELAB {L, a, b} under D65. */
    public static double[] srgbToLab(int r, int g, int b) {
        double[] lab = new double[3];
        srgbToLab(r, g, b, lab);
        return lab;
    }

    /** Allocation-free variant for hot loops: writes {L, a, b} into {@code out}. */
    public static void srgbToLab(int r, int g, int b, double[] out) {
        double rl = LINEAR[r & 0xFF];
        double gl = LINEAR[g & 0xFF];
        double bl = LINEAR[b & 0xFF];
        double x = (0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / XN;
        double y = (0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl) / YN;
        double z = (0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl) / ZN;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        out[0] = 116 * fy - 16;
        out[1] = 500 * (fx - fy);
        out[2] = 200 * (fy - fz);
    }

    /** CIELAB {L, a, b} (D65) → sRGB 0xRRGGBB, clipped to the gamut. */
    public static int labToSrgb(double l, double a, double b) {
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - b / 200;
        double x = XN * fInverse(fx);
        double y = YN * fInverse(fy);
        double z = ZN * fInverse(fz);
        double rl = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double gl = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return (encode(rl) << 16) | (encode(gl) << 8) | encode(bl);
    }

    private static double hueDegrees(double a, double b) {
        if (a == 0 && b == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double fInverse(double t) {
        double t3 = t * t * t;
        return t3 > 216.0 / 24389 ? t3 : (116 * t - 16) * 27 / 24389.0;
    }

    private static int encode(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        double v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (int) Math.round(v * 255);
    }
}
