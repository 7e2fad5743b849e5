package io.dailies.scoring.media;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class Ciede2000Test {

    /** Rows of the Sharma, Wu & Dalal (2005) CIEDE2000 test data: L1 a1 b1 L2 a2 b2 ΔE00. */
    @ParameterizedTest(name = "pair {index}: ΔE00 {6}")
    @CsvSource({
        "50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425",
        "50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615",
        "50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412",
        "50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000",
        "50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669",
        "50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792",
        "50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195",
        "50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045",
        "50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492",
        "50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977",
        "60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644",
        "22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373",
        "90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441",
        "2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082",
    })
    void matchesThePublishedTestData(double l1, double a1, double b1, double l2, double a2, double b2, double expected) {
        assertEquals(expected, Ciede2000.deltaE(l1, a1, b1, l2, a2, b2), 1e-4);
        assertEquals(expected, Ciede2000.deltaE(l2, a2, b2, l1, a1, b1), 1e-4, "symmetric");
    }

    @Test
    void convertsSrgbToLabUnderD65() {
        assertArrayEquals(new double[] {100, 0, 0}, Ciede2000.srgbToLab(0xFFFFFF), 0.01);
        assertArrayEquals(new double[] {0, 0, 0}, Ciede2000.srgbToLab(0x000000), 0.01);
        assertArrayEquals(new double[] {53.2408, 80.0925, 67.2032}, Ciede2000.srgbToLab(0xFF0000), 0.01);
        assertArrayEquals(new double[] {32.3026, 79.1967, -107.8637}, Ciede2000.srgbToLab(0x0000FF), 0.01);
    }

    @Test
    void labRoundTripsToSrgb() {
        for (int rgb : new int[] {0xFFBF00, 0xFFFDD0, 0x5C4033, 0x008080, 0x123456, 0xFFFFFF, 0}) {
            double[] lab = Ciede2000.srgbToLab(rgb);
            assertEquals(rgb, Ciede2000.labToSrgb(lab[0], lab[1], lab[2]));
        }
    }

    @Test
    void aColourDoesNotDifferFromItself() {
        assertEquals(0, Ciede2000.deltaERgb(0x5C4033, 0x5C4033), 1e-12);
    }
}
