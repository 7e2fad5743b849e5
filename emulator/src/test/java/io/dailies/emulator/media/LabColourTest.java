package io.dailies.emulator.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** sRGB to CIELAB (D65) against published values, the way back, and the colour distance. */
class LabColourTest {

    private static void assertLab(double l, double a, double b, int rgb) {
        assertArrayEquals(new double[] {l, a, b}, LabColour.fromRgb(rgb), 0.05, String.format("#%06X", rgb));
    }

    @Test
    void knownColoursHaveTheirPublishedLabValues() {
        assertLab(100, 0, 0, 0xFFFFFF);
        assertLab(0, 0, 0, 0x000000);
        assertLab(53.59, 0, 0, 0x808080);
        assertLab(53.24, 80.09, 67.20, 0xFF0000);
        assertLab(87.73, -86.18, 83.18, 0x00FF00);
        assertLab(32.30, 79.19, -107.86, 0x0000FF);
        assertLab(97.14, -21.55, 94.48, 0xFFFF00);
    }

    @Test
    void everyColourOfTheCubeComesBackUnchanged() {
        for (int r = 0; r < 256; r += 15) {
            for (int g = 0; g < 256; g += 15) {
                for (int b = 0; b < 256; b += 15) {
                    int rgb = (r << 16) | (g << 8) | b;
                    assertEquals(rgb, LabColour.toRgb(LabColour.fromRgb(rgb)), String.format("#%06X", rgb));
                }
            }
        }
    }

    @Test
    void outOfGamutLabIsClipped() {
        assertEquals(0xFFFFFF, LabColour.toRgb(new double[] {120, 0, 0}));
        assertEquals(0x000000, LabColour.toRgb(new double[] {-5, 0, 0}));
    }

    @Test
    void theDistanceIsZeroForTheSameColourSymmetricAndLargeForDifferentNames() {
        assertEquals(0, LabColour.distance(0xFFBF00, 0xFFBF00), 1e-12);
        assertEquals(LabColour.distance(0x008080, 0xB7410E), LabColour.distance(0xB7410E, 0x008080), 1e-12);
        assertEquals(100, LabColour.distance(0x000000, 0xFFFFFF), 1e-9, "greys differ by lightness alone");
        assertTrue(LabColour.distance(0xFFBF00, 0xFFC000) < 1, "one step of green is below notice");
        assertTrue(LabColour.distance(0xFFBF00, 0x000080) > 50, "amber and navy are far apart");
        // Chroma weighs less in saturated colours: the same a* step counts more near grey.
        double nearGrey = LabColour.distance(new double[] {50, 0, 0}, new double[] {50, 10, 0});
        double saturated = LabColour.distance(new double[] {50, 60, 0}, new double[] {50, 70, 0});
        assertTrue(nearGrey > 2 * saturated, nearGrey + " vs " + saturated);
    }
}
