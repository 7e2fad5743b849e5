package io.dailies.prompt;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaletteAnchorsTest {

    @Test
    void parsesTheGuidesPaletteAnchorsLine() {
        String prompt = """
                Lighting + palette: soft window light with warm lamp fill, cool rim from hallway
                Palette anchors: amber, cream, walnut brown.
                Camera: slow dolly-in from left.""";
        assertEquals(List.of("amber", "cream", "walnut brown"), PaletteAnchors.parse(prompt));
    }

    @Test
    void parsesAPlainPaletteLabelCaseInsensitively() {
        assertEquals(List.of("teal", "sand", "rust"),
                PaletteAnchors.parse("Same lighting, new PALETTE: Teal, Sand and Rust; keep the 85 mm lens"));
    }

    @Test
    void stopsAtSentenceEndSemicolonOrNewline() {
        assertEquals(List.of("navy", "ivory"), PaletteAnchors.parse("palette: navy, ivory. Gold trim elsewhere"));
        assertEquals(List.of("navy", "ivory"), PaletteAnchors.parse("palette: navy, ivory\nand gold"));
        assertEquals(List.of("navy", "ivory"), PaletteAnchors.parse("palette: navy, ivory; gold"));
    }

    @Test
    void splitsOnCommasAndAndKeepingMultiWordNames() {
        assertEquals(List.of("steel blue", "moss green", "stone gray"),
                PaletteAnchors.parse("Palette anchors: \"Steel Blue\", moss green and  stone gray"));
    }

    @Test
    void anchorsLabelWinsOverAPlainPaletteLabel() {
        assertEquals(List.of("burgundy", "gray"),
                PaletteAnchors.parse("Palette: muted. Palette anchors: burgundy, gray."));
    }

    @Test
    void ignoresCompoundLightingLabelAndMissingLabels() {
        assertEquals(List.of(), PaletteAnchors.parse("Lighting + palette: brightly lit room"));
        assertEquals(List.of(), PaletteAnchors.parse("A woman in a burgundy coat and gray scarf."));
        assertEquals(List.of(), PaletteAnchors.parse(null));
    }

    @Test
    void knowsTheCinematicVocabulary() {
        assertEquals(0xFFBF00, PaletteAnchors.rgb("amber").getAsInt());
        assertEquals(0xFFFDD0, PaletteAnchors.rgb("Cream").getAsInt());
        assertEquals(0x5C4033, PaletteAnchors.rgb("walnut brown").getAsInt());
        assertEquals(0x008080, PaletteAnchors.rgb("teal").getAsInt());
        assertEquals(0xB7410E, PaletteAnchors.rgb("rust").getAsInt());
        for (String name : List.of("sand", "burgundy", "slate", "charcoal", "ivory", "gold", "crimson",
                "moss green", "ochre", "navy", "emerald", "copper", "bronze", "candlelight",
                "torch orange", "stone gray", "midnight blue", "pale blue", "terracotta", "sage")) {
            assertTrue(PaletteAnchors.rgb(name).isPresent(), name);
        }
    }

    @Test
    void coversEveryCssNameAndMultiWordSpellings() {
        assertEquals(0x4682B4, PaletteAnchors.rgb("steel blue").getAsInt());
        assertEquals(0x4682B4, PaletteAnchors.rgb("steelblue").getAsInt());
        assertEquals(0x2F4F4F, PaletteAnchors.rgb("Dark Slate Grey").getAsInt());
        assertEquals(0x191970, PaletteAnchors.rgb("midnight-blue").getAsInt());
        assertEquals(0x663399, PaletteAnchors.rgb("rebeccapurple").getAsInt());
        assertEquals(PaletteAnchors.rgb("gray"), PaletteAnchors.rgb("grey"));
        assertEquals(PaletteAnchors.rgb("stone gray"), PaletteAnchors.rgb("stone grey"));
        assertTrue(PaletteAnchors.names().size() >= 120, "vocabulary size " + PaletteAnchors.names().size());
    }

    @Test
    void toleratesFillerWordsButNotUnknownNames() {
        assertEquals(PaletteAnchors.rgb("amber"), PaletteAnchors.rgb("amber tones"));
        assertEquals(OptionalInt.empty(), PaletteAnchors.rgb("unobtainium"));
        assertEquals(OptionalInt.empty(), PaletteAnchors.rgb(""));
        assertEquals(OptionalInt.empty(), PaletteAnchors.rgb(null));
    }

    @Test
    void everyParsedGuideAnchorHasAColour() {
        for (String name : PaletteAnchors.parse("Palette anchors: amber, cream, walnut brown")) {
            assertTrue(PaletteAnchors.rgb(name).isPresent(), name);
        }
    }

    @Test
    void aModifierBeforeAKnownColourFallsBackToTheColour() {
        assertEquals(PaletteAnchors.rgb("amber"), PaletteAnchors.rgb("candle amber"));
        assertEquals(PaletteAnchors.rgb("gold"), PaletteAnchors.rgb("antique gold"));
        assertTrue(PaletteAnchors.rgb("moonlit nothing").isEmpty());
    }
}
