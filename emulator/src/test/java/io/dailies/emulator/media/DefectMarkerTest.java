package io.dailies.emulator.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefectMarkerTest {

    @Test
    void aMarkerAnywhereNamesDefects() {
        assertEquals(EnumSet.of(Defect.FLICKER, Defect.QUIET), DefectMarker.parse("A kite. [[defect: flicker, quiet]] Dusk."));
        assertEquals(EnumSet.of(Defect.FROZEN_FRAMES, Defect.LATE_CUES, Defect.BLACK_FRAMES),
                DefectMarker.parse("[[Defects: Frozen frames; late-cues]]\nA kite.\n[[DEFECT:black_frames]]"));
        assertEquals(Set.of(), DefectMarker.parse("A kite with no marker [defect: flicker] [[defect:]]"));
        assertEquals(Set.of(), DefectMarker.parse(null));
    }

    @Test
    void anUnknownNameIsRefusedUnlessReadLeniently() {
        DefectMarker.UnknownDefect e = assertThrows(DefectMarker.UnknownDefect.class,
                () -> DefectMarker.parse("[[defect: flicker, wobble]]"));
        assertTrue(e.getMessage().contains("'wobble'") && e.getMessage().contains("frozen_frames"), e.getMessage());
        assertEquals(EnumSet.of(Defect.FLICKER), DefectMarker.parseLeniently("[[defect: flicker, wobble]]"));
    }

    @Test
    void strippingLeavesNoMarkerToBeReadAsPaletteOrCue() {
        String prompt = "Palette anchors: amber, cream [[defect: off_palette]]. Audio cues: thud at 00:02 [[defect: late_cues]]";
        String stripped = DefectMarker.strip(prompt);
        assertEquals(List.of(0xFFBF00, 0xFFFDD0), PromptPalette.rgb(stripped));
        assertEquals(List.of(2.0), PromptCues.seconds(stripped));
        assertTrue(DefectMarker.parse(stripped).isEmpty());
    }
}
