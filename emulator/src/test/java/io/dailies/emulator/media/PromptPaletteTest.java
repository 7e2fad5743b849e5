package io.dailies.emulator.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The palette names of a prompt, as compiled prompts and people write them, and their colours. */
class PromptPaletteTest {

    @Test
    void aCompiledLightingLineGivesItsAnchorsInOrder() {
        String prompt = "A keeper climbs the stairs.\nCamera: slow dolly in.\n"
                + "Lighting + palette: warm tungsten from frame left. Palette anchors: amber, cream, walnut brown.\n"
                + "Style: 35mm film grain.";
        assertEquals(List.of("amber", "cream", "walnut brown"), PromptPalette.names(prompt));
        assertEquals(List.of(0xFFBF00, 0xFFFDD0, 0x5C4033), PromptPalette.rgb(prompt));
    }

    @Test
    void aTopicHeadingIsNoListOfColours() {
        assertEquals(List.of(), PromptPalette.rgb("Lighting + palette: candles only, amber glow."));
        assertEquals(List.of(), PromptPalette.rgb("Light and palette: torch orange."));
        assertEquals(List.of(0x708090), PromptPalette.rgb("Light and palette: torch orange. Palette: slate"));
    }

    @Test
    void anchorsWinOverAPlainPaletteLabelWhereverTheyStand() {
        assertEquals(List.of(0xFF0000, 0x0000FF), PromptPalette.rgb("Palette: teal. Later, Palette anchors: red, blue."));
        assertEquals(List.of(0x008080), PromptPalette.rgb("Palette: teal. Palette = sand."));
    }

    @Test
    void theListEndsAtASentenceAndTakesEverySeparator() {
        assertEquals(List.of(0x008080, 0xC2B280, 0xB7410E), PromptPalette.rgb("Palette: teal / sand and rust; then fog"));
        assertEquals(List.of(0x000080, 0xFFD700, 0xC0C0C0), PromptPalette.rgb("palette - navy & gold or silver\nred"));
        assertEquals(List.of(0xFFBF00, 0xFFFDD0), PromptPalette.rgb("Palette \u2014 \"amber\", (cream)."));
    }

    @Test
    void namesAreMatchedLooselyAndUnknownOnesSkipped() {
        assertEquals(OptionalInt.of(0x4682B4), PromptPalette.lookUp("Steel-Blue"));
        assertEquals(OptionalInt.of(0x4682B4), PromptPalette.lookUp("steelblue"));
        assertEquals(OptionalInt.of(0x928E85), PromptPalette.lookUp("stone grey"));
        assertEquals(OptionalInt.of(0x778899), PromptPalette.lookUp("light slate grey"));
        assertEquals(OptionalInt.of(0xFFBF00), PromptPalette.lookUp("amber tones"));
        assertEquals(OptionalInt.of(0xFFBF00), PromptPalette.lookUp("candle amber"));
        assertEquals(OptionalInt.of(0x5C4033), PromptPalette.lookUp("warm walnut brown"));
        assertEquals(OptionalInt.of(0xFAF9F6), PromptPalette.lookUp("off-white"));
        assertTrue(PromptPalette.lookUp("golden hour glow").isEmpty());
        assertEquals(List.of(0x008080), PromptPalette.rgb("Palette: moonbeam, teal, sparkle."));
    }

    @Test
    void noLabelNoPalette() {
        assertEquals(List.of(), PromptPalette.rgb("A red car under a blue sky."));
        assertEquals(List.of(), PromptPalette.rgb(null));
    }
}
