package io.dailies.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.scoring.media.ScoringThresholds;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectThresholdsTest {

    @Test
    void noOverridesGiveTheDefaults() {
        assertEquals(ScoringThresholds.defaults(), ProjectThresholds.apply(Map.of()));
    }

    @Test
    void overridesReplaceOnlyTheirOwnThreshold() {
        ScoringThresholds t = ProjectThresholds.apply(Map.of("passMark", 80.0, "loudnessMinLufs", -18.0));
        assertEquals(80, t.passMark());
        assertEquals(-18.0, t.loudnessMinLufs());
        assertEquals(ScoringThresholds.defaults().flickerLimit(), t.flickerLimit());
    }

    @Test
    void impossibleCombinationsAndFractionalMarksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProjectThresholds.apply(Map.of("retakeMark", 90.0, "passMark", 60.0)));
        assertThrows(IllegalArgumentException.class, () -> ProjectThresholds.apply(Map.of("passMark", 70.5)));
    }

    @Test
    void everyThresholdHasAName() {
        assertTrue(ProjectThresholds.names().containsAll(java.util.List.of("passMark", "retakeMark", "loudnessMaxLufs")));
    }
}
