package io.dailies.scoring.media;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The building blocks of motion and colour measurement, on synthetic data. */
class MeasuresTest {

    @Test
    void flickerIsTheResidualAroundTheLocalAverage() {
        double[] steady = new double[96];
        double[] pulsing = new double[96];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 96; i++) {
            steady[i] = 120 + 0.05 * i; // slow exposure drift is not flicker
            pulsing[i] = 120 * (1 + 0.05 * (2 * random.nextDouble() - 1));
        }
        assertTrue(LightingMeasures.flickerIndex(steady) < 0.01);
        assertTrue(LightingMeasures.flickerIndex(pulsing) > 2.5, "±5 % pulse on mid-grey");
    }

    @Test
    void aSingleLightingStepIsAJumpNotFlicker() {
        double[] luma = new double[96];
        for (int i = 0; i < 96; i++) {
            luma[i] = i < 48 ? 140 : 100;
        }
        assertEquals(48, LightingMeasures.largestStepFrame(luma));
        assertEquals(40, LightingMeasures.largestStep(luma), 1e-9);
        assertEquals(80, LightingMeasures.largestStepRatio(luma), 1e-9, "median floored at 0.5 levels");
        assertEquals(0, LightingMeasures.flickerIndex(luma), 1e-9);
    }

    @Test
    void profileShiftIsFoundToSubPixelPrecision() {
        int n = 400;
        double[] previous = new double[n];
        double[] current = new double[n];
        for (int i = 0; i < n; i++) {
            previous[i] = edges(i);
            current[i] = edges(i - 2.3);
        }
        assertEquals(2.3, CameraShake.shift(previous, current, 10), 0.1);
        assertEquals(-2.3, CameraShake.shift(current, previous, 10), 0.1);
    }

    private static double edges(double x) {
        // Soft steps like panel boundaries, at irregular places.
        return 60 * sigmoid(x - 80) + 40 * sigmoid(x - 170) - 70 * sigmoid(x - 260) + 30 * sigmoid(x - 333);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x / 2));
    }

    @Test
    void aSubjectInOneBandDoesNotMoveTheCamera() {
        int n = 320;
        double[][] previous = new double[6][n];
        double[][] current = new double[6][n];
        for (int band = 0; band < 6; band++) {
            for (int i = 0; i < n; i++) {
                previous[band][i] = edges(i);
                current[band][i] = edges(i);
                if (band == 0) {
                    // A bright disc sliding 3 px in the top band only.
                    previous[band][i] += 100 * (sigmoid(i - 100) - sigmoid(i - 140));
                    current[band][i] += 100 * (sigmoid(i - 103) - sigmoid(i - 143));
                }
            }
        }
        assertEquals(0, CameraShake.globalShift(previous, current, 10), 0.05);
    }

    @Test
    void shakeIsJitterAroundTheTrendNotThePanItself() {
        int n = 96;
        double[] panX = new double[n];
        double[] stillY = new double[n];
        double[] jitterX = new double[n];
        SplittableRandom random = new SplittableRandom(3);
        double previous = 0;
        for (int i = 0; i < n; i++) {
            panX[i] = 2.0; // steady pan, 2 px per frame
            double position = random.nextInt(-4, 5);
            jitterX[i] = position - previous;
            previous = position;
        }
        assertTrue(CameraShake.shakeRms(panX, stillY) < 0.01);
        assertTrue(CameraShake.shakeRms(jitterX, stillY) > 2);
    }

    @Test
    void histogramIntersectionRanksSimilarFramesHigher() {
        double[] amber = new double[ColourHistogram.SIZE];
        double[] amberAgain = new double[ColourHistogram.SIZE];
        double[] teal = new double[ColourHistogram.SIZE];
        for (int i = 0; i < 1000; i++) {
            ColourHistogram.add(amber, 255, 191, 0);
            ColourHistogram.add(amberAgain, 250, 188, 3); // the same colour after a codec round trip
            ColourHistogram.add(teal, 0, 128, 128);
        }
        double[] a = ColourHistogram.normalised(amber);
        assertTrue(ColourHistogram.intersection(a, ColourHistogram.normalised(amberAgain)) > 0.85);
        assertEquals(0, ColourHistogram.intersection(a, ColourHistogram.normalised(teal)), 1e-9);
    }

    @Test
    void kMeansFindsTheColoursAndTheirShares() {
        int[] samples = new int[1000];
        for (int i = 0; i < 1000; i++) {
            samples[i] = i < 500 ? 0xFFBF00 : i < 800 ? 0xFFFDD0 : 0x5C4033;
        }
        var colours = ColourClusters.dominant(samples, samples.length, 5);
        assertEquals(0xFFBF00, colours.get(0).rgb());
        assertEquals(0.5, colours.get(0).weight(), 1e-9);
        assertEquals(0xFFFDD0, colours.get(1).rgb());
        assertEquals(0x5C4033, colours.get(2).rgb());
        assertEquals(3, colours.size(), "no empty clusters reported");
    }

    @Test
    void gradingGivesPassMarkAtTheLimit() {
        ScoringThresholds t = ScoringThresholds.defaults();
        assertEquals(100, t.grade(0, 10));
        assertEquals(100, t.grade(5, 10));
        assertEquals(70, t.grade(10, 10));
        assertEquals(35, t.grade(15, 10));
        assertEquals(0, t.grade(20, 10));
        assertEquals(0, t.grade(200, 10));
    }
}
