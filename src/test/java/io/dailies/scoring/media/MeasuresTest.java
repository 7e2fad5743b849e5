package io.dailies.scoring.media;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void lumaSeriesIsRebuiltFromItsSteps() {
        assertArrayEquals(new double[] {100, 101, 99.5, 99.5}, LightingMeasures.fromSteps(100, new double[] {1, -1.5, 0}), 1e-12);
    }

    @Test
    void repeatedFramesSplitIntoDuplicatesAndFrozenStretches() {
        // pairs: one repeat, moving, two repeats, moving, five repeats (a frozen stretch)
        boolean[] same = {true, false, true, true, false, true, true, true, true, true, false};
        TakeAnalyzer.Repeats r = TakeAnalyzer.Repeats.of(same);
        assertEquals(3, r.duplicates());
        assertEquals(5, r.frozenPairs());
    }

    @Test
    void analysisPlaneKeepsTheShapeAtAbout180Lines() {
        assertArrayEquals(new int[] {320, 180}, TakeAnalyzer.planeSize(1920, 1080));
        assertArrayEquals(new int[] {320, 180}, TakeAnalyzer.planeSize(1280, 720));
        assertArrayEquals(new int[] {180, 320}, TakeAnalyzer.planeSize(1080, 1920));
        assertArrayEquals(new int[] {316, 180}, TakeAnalyzer.planeSize(1792, 1024));
        assertArrayEquals(new int[] {320, 180}, TakeAnalyzer.planeSize(320, 180), "small takes are not scaled");
        assertArrayEquals(new int[] {160, 90}, TakeAnalyzer.planeSize(160, 90));
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

    /** Gaussian-blurred white noise (σ 2.5 px), 40 levels RMS around mid-grey: broadband texture. */
    private static float[] texture(int w, int h, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] noise = new double[w * h];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        int r = 8;
        double[] kernel = new double[2 * r + 1];
        for (int i = -r; i <= r; i++) {
            kernel[i + r] = Math.exp(-i * i / (2 * 2.5 * 2.5));
        }
        double[] rows = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    v += kernel[i + r] * noise[y * w + Math.floorMod(x + i, w)];
                }
                rows[y * w + x] = v;
            }
        }
        float[] out = new float[w * h];
        double sum = 0;
        double[] blurred = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    v += kernel[i + r] * rows[Math.floorMod(y + i, h) * w + x];
                }
                blurred[y * w + x] = v;
                sum += v * v;
            }
        }
        double rms = Math.sqrt(sum / blurred.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (128 + 40 * blurred[i] / rms);
        }
        return out;
    }

    /** A w x h window of a bigger picture at (x0, y0), bilinear for fractional offsets. */
    private static float[] crop(float[] big, int bigW, double x0, double y0, int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = x + x0;
                double sy = y + y0;
                int ix = (int) Math.floor(sx);
                int iy = (int) Math.floor(sy);
                double fx = sx - ix;
                double fy = sy - iy;
                out[y * w + x] = (float) ((1 - fy) * ((1 - fx) * big[iy * bigW + ix] + fx * big[iy * bigW + ix + 1])
                        + fy * ((1 - fx) * big[(iy + 1) * bigW + ix] + fx * big[(iy + 1) * bigW + ix + 1]));
            }
        }
        return out;
    }

    @Test
    void phaseCorrelationFindsTheCameraShiftToSubPixelPrecision() {
        float[] big = texture(480, 300, 7);
        GlobalMotion motion = new GlobalMotion(320, 180);
        assertEquals(15, motion.tiles(), "5 x 3 tiles of 64 px on a 320x180 plane");
        double[] first = motion.next(crop(big, 480, 60, 50, 320, 180));
        assertEquals(0, first[0]);
        // Cropping 2.3 px further left and 1.6 px further down moves the content 2.3 px right and 1.6 px up.
        double[] shift = motion.next(crop(big, 480, 60 - 2.3, 50 + 1.6, 320, 180));
        assertEquals(2.3, shift[0], 0.15, "content moved right");
        assertEquals(-1.6, shift[1], 0.15, "content moved up");
        double[] back = motion.next(crop(big, 480, 60, 50, 320, 180));
        assertEquals(-2.3, back[0], 0.15);
        assertEquals(1.6, back[1], 0.15);
        double[] big12 = motion.next(crop(big, 480, 60 - 12, 50, 320, 180));
        assertEquals(12, big12[0], 0.8, "a fast pan is found too (phase correlation reads ~5 % short)");
    }

    @Test
    void exposureChangesAndFlatPicturesAreNotMotion() {
        float[] big = texture(400, 240, 8);
        GlobalMotion motion = new GlobalMotion(320, 180);
        float[] frame = crop(big, 400, 30, 20, 320, 180);
        motion.next(frame);
        float[] brighter = frame.clone();
        for (int i = 0; i < brighter.length; i++) {
            brighter[i] = brighter[i] * 1.15f + 10;
        }
        double[] shift = motion.next(brighter);
        assertEquals(0, shift[0], 0.02, "a lighting jump is not a camera move");
        assertEquals(0, shift[1], 0.02);

        GlobalMotion flat = new GlobalMotion(320, 180);
        SplittableRandom noise = new SplittableRandom(2);
        for (int f = 0; f < 3; f++) {
            float[] grey = new float[320 * 180];
            for (int i = 0; i < grey.length; i++) {
                grey[i] = (float) (100 + 0.5 * noise.nextGaussian()); // codec-like noise on a wall
            }
            double[] s = flat.next(grey);
            assertEquals(0, s[0], 1e-9, "no texture, no evidence of motion");
            assertEquals(0, s[1], 1e-9);
        }
    }

    @Test
    void aMovingSubjectDoesNotMoveTheCamera() {
        float[] background = crop(texture(400, 240, 9), 400, 10, 10, 320, 180);
        GlobalMotion motion = new GlobalMotion(320, 180);
        motion.next(withDisc(background, 100, 40));
        double[] shift = motion.next(withDisc(background, 106, 43));
        assertEquals(0, shift[0], 0.05, "a bright disc moving 6 px in a corner is not the camera");
        assertEquals(0, shift[1], 0.05);
    }

    private static float[] withDisc(float[] picture, double cx, double cy) {
        float[] out = picture.clone();
        for (int y = 0; y < 180; y++) {
            for (int x = 0; x < 320; x++) {
                if (Math.hypot(x - cx, y - cy) < 25) {
                    out[y * 320 + x] = 250;
                }
            }
        }
        return out;
    }

    @Test
    void stripesOnlyTellTheMotionAcrossThem() {
        // Texture that varies along x only: sideways motion is visible, vertical motion is not.
        float[] row = texture(480, 1, 10);
        float[] stripes = new float[320 * 180];
        float[] moved = new float[320 * 180];
        for (int y = 0; y < 180; y++) {
            for (int x = 0; x < 320; x++) {
                stripes[y * 320 + x] = row[x + 50];
                moved[y * 320 + x] = 0.5f * (row[x + 48] + row[x + 49]); // content moved right 1.5 px
            }
        }
        GlobalMotion motion = new GlobalMotion(320, 180);
        motion.next(stripes);
        double[] shift = motion.next(moved);
        assertEquals(1.5, shift[0], 0.15);
        assertEquals(0, shift[1], 1e-9, "no tile can see vertical motion: reported as none");
    }

    @Test
    void tilesThatDisagreeAreOutvotedAndATieMeansNoMotion() {
        assertEquals(2.0, GlobalMotion.consensus(new double[] {2.0, 2.1, 1.9, -1.3, 0.0}, 5), 1e-9);
        assertEquals(0.0, GlobalMotion.consensus(new double[] {-1.3, 0.0}, 2), 1e-9, "one still, one moving: still");
        assertEquals(-1.2, GlobalMotion.consensus(new double[] {-1.3, -1.2, 0.0}, 3), 1e-9, "two agree; of them, the one nearer zero");
        assertEquals(0, GlobalMotion.consensus(new double[0], 0));
    }

    @Test
    void gaussianPeakOffsetIsExact() {
        for (double d : new double[] {-0.4, -0.1, 0, 0.25, 0.45}) {
            double before = Math.exp(-(-1 - d) * (-1 - d) / 2);
            double at = Math.exp(-d * d / 2);
            double after = Math.exp(-(1 - d) * (1 - d) / 2);
            assertEquals(d, GlobalMotion.subPixel(before, at, after), 1e-9);
        }
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
        // Drift is the other half: the pan travels 2 px a frame, the jitter goes nowhere in particular.
        assertEquals(2.0 * (n - 1), CameraShake.driftPx(panX, stillY, CameraShake.TREND_HALF_WINDOW), 1e-6);
        assertTrue(CameraShake.driftPx(jitterX, stillY, CameraShake.TREND_HALF_WINDOW) < 0.5 * 2.0 * (n - 1));
        assertEquals(6, CameraShake.trendHalfWindow(24));
        assertEquals(15, CameraShake.trendHalfWindow(60));
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
