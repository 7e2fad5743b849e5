package io.dailies.scoring.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Dominant colours by k-means in CIELAB (Euclidean, i.e. ΔE76, which is what the clustering
 * needs; matching against anchors uses ΔE00). Seeded k-means++ so the same take always
 * reports the same colours.
 */
final class ColourClusters {

    private static final int ITERATIONS = 25;
    private static final long SEED = 0xDA11E5L;

    private ColourClusters() {
    }

    /** Up to {@code k} clusters of the given sRGB samples, heaviest first. */
    static List<DominantColour> dominant(int[] rgbSamples, int count, int k) {
        if (count == 0) {
            return List.of();
        }
        double[][] lab = new double[count][];
        for (int i = 0; i < count; i++) {
            lab[i] = Ciede2000.srgbToLab(rgbSamples[i]);
        }
        k = Math.min(k, count);
        double[][] centres = seed(lab, k);
        int[] assignment = new int[count];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean changed = assign(lab, centres, assignment) || iteration == 0;
            double[][] sums = new double[k][3];
            int[] sizes = new int[k];
            for (int i = 0; i < count; i++) {
                int c = assignment[i];
                sums[c][0] += lab[i][0];
                sums[c][1] += lab[i][1];
                sums[c][2] += lab[i][2];
                sizes[c]++;
            }
            for (int c = 0; c < k; c++) {
                if (sizes[c] > 0) {
                    centres[c] = new double[] {sums[c][0] / sizes[c], sums[c][1] / sizes[c], sums[c][2] / sizes[c]};
                }
            }
            if (!changed) {
                break;
            }
        }
        assign(lab, centres, assignment);
        int[] sizes = new int[k];
        for (int a : assignment) {
            sizes[a]++;
        }
        List<DominantColour> result = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                continue;
            }
            double[] centre = centres[c];
            result.add(new DominantColour(Ciede2000.labToSrgb(centre[0], centre[1], centre[2]),
                    round(centre[0]), round(centre[1]), round(centre[2]), round((double) sizes[c] / count)));
        }
        result.sort(Comparator.comparingDouble(DominantColour::weight).reversed());
        return List.copyOf(result);
    }

    private static boolean assign(double[][] lab, double[][] centres, int[] assignment) {
        boolean changed = false;
        for (int i = 0; i < lab.length; i++) {
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < centres.length; c++) {
                double d = distance2(lab[i], centres[c]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            if (assignment[i] != best) {
                assignment[i] = best;
                changed = true;
            }
        }
        return changed;
    }

    /** k-means++: spread the starting centres so small but distinct colours get their own cluster. */
    private static double[][] seed(double[][] lab, int k) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] centres = new double[k][];
        centres[0] = lab[random.nextInt(lab.length)];
        double[] nearest = new double[lab.length];
        for (int i = 0; i < lab.length; i++) {
            nearest[i] = distance2(lab[i], centres[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : nearest) {
                total += d;
            }
            int pick;
            if (total <= 0) {
                pick = random.nextInt(lab.length);
            } else {
                double target = random.nextDouble() * total;
                pick = lab.length - 1;
                for (int i = 0; i < lab.length; i++) {
                    target -= nearest[i];
                    if (target <= 0) {
                        pick = i;
                        break;
                    }
                }
            }
            centres[c] = lab[pick];
            for (int i = 0; i < lab.length; i++) {
                nearest[i] = Math.min(nearest[i], distance2(lab[i], centres[c]));
            }
        }
        return centres;
    }

    private static double distance2(double[] p, double[] q) {
        double dl = p[0] - q[0];
        double da = p[1] - q[1];
        double db = p[2] - q[2];
        return dl * dl + da * da + db * db;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
