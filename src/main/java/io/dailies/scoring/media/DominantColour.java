package io.dailies.scoring.media;

/**
 * One of a take's dominant colours: a k-means cluster centre in CIELAB with the share of
 * sampled pixels it covers.
 *
 * @param rgb    the centre as sRGB 0xRRGGBB
 * @param l      CIELAB L*
 * @param a      CIELAB a*
 * @param b      CIELAB b*
 * @param weight share of sampled pixels, 0..1
 */
public record DominantColour(int rgb, double l, double a, double b, double weight) {

    /** ΔE00 from this colour to an sRGB colour. */
    public double deltaE(int otherRgb) {
        double[] other = Ciede2000.srgbToLab(otherRgb);
        return Ciede2000.deltaE(l, a, b, other[0], other[1], other[2]);
    }

    /** ΔE00 between two dominant colours. */
    public double deltaE(DominantColour other) {
        return Ciede2000.deltaE(l, a, b, other.l, other.a, other.b);
    }

    /** "#RRGGBB", for notes and reports. */
    public String hex() {
        return String.format("#%06X", rgb & 0xFFFFFF);
    }
}
