package io.dailies.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpineOverridesTest {

    @Test
    void readsTheProducersSyntax() {
        SpineOverrides o = SpineOverrides.of("lens: 85mm; palette: teal, sand & rust\nColour grade = bleach bypass");
        assertEquals(Map.of(SpineField.LENS, "85mm", SpineField.PALETTE, "teal, sand, rust", SpineField.GRADE, "bleach bypass"), o.values());
        assertEquals("lens: 85mm; grade: bleach bypass; palette: teal, sand, rust", o.format(), "canonical order and spelling");
        assertEquals(o, SpineOverrides.of(o.format()), "format reads back the same");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Lens|LENS", "focal length|LENS", "F-stop|APERTURE", "aperture|APERTURE", "Camera language|CAMERA_LANGUAGE",
            "camera|CAMERA_LANGUAGE", "GRADE|GRADE", "look|GRADE", "Palette anchors|PALETTE", "colours|PALETTE",
            "stability|STABILITY", "Stability cues|STABILITY"})
    void fieldNamesAreForgiving(String name, SpineField field) {
        assertEquals(Optional.of(field), SpineField.forName(name));
    }

    @Test
    void noneClearsAField() {
        SpineOverrides o = SpineOverrides.of("stability: none; palette: -");
        assertEquals(Optional.of(""), o.get(SpineField.STABILITY));
        assertEquals("stability: none; palette: none".replace("stability: none; palette: none", "palette: none; stability: none"), o.format());
        StyleSpine s = PromptCompilerTest.SPINE.apply(o);
        assertEquals("", s.stabilityCues());
        assertEquals(List.of(), s.paletteAnchors());
        assertEquals("35mm", s.lens(), "other fields follow the spine");
    }

    @Test
    void blankMeansNoOverrides() {
        assertTrue(SpineOverrides.parse("  ").ok());
        assertEquals(SpineOverrides.NONE, SpineOverrides.of(null));
        assertTrue(SpineOverrides.NONE.isEmpty());
    }

    @Test
    void problemsAreExplainedWithTheFix() {
        SpineOverrides.Parsed p = SpineOverrides.parse("lense: 85mm; 50mm; grade:; lens: 35mm; lens: 40mm");
        assertFalse(p.ok());
        assertEquals(List.of(
                "'lense' is not a style-spine field; use lens, aperture, camera language, grade, palette or stability, e.g. 'lens: 85mm; palette: teal, sand, rust'",
                "'50mm' names no field: write it as 'lens: 50mm' (fields: lens, aperture, camera language, grade, palette or stability)",
                "'grade' has no value: write e.g. 'grade: bleach bypass, crushed blacks', or 'none' to leave it out of this shot",
                "'lens' is overridden twice: keep one"), p.problems());
        assertEquals(Map.of(SpineField.LENS, "35mm"), p.overrides().values(), "what could be read is kept");
    }

    @Test
    void applyReplacesOnlyTheOverriddenFields() {
        StyleSpine spine = PromptCompilerTest.SPINE;
        StyleSpine s = spine.apply(SpineOverrides.of("lens: 85mm; palette: teal, sand, rust"));
        assertEquals(new StyleSpine("85mm", spine.aperture(), spine.cameraLanguage(), spine.grade(), List.of("teal", "sand", "rust"),
                spine.stabilityCues()), s);
        assertEquals(spine, spine.apply(SpineOverrides.NONE));
        assertTrue(StyleSpine.EMPTY.isEmpty());
        assertEquals("teal, steel blue, amber", spine.value(SpineField.PALETTE));
    }

    @Test
    void withAndWithoutEditOneField() {
        SpineOverrides o = SpineOverrides.NONE.with(SpineField.LENS, "85 mm").with(SpineField.PALETTE, "teal / sand / rust");
        assertEquals("lens: 85 mm; palette: teal, sand, rust", o.format());
        assertEquals("palette: teal, sand, rust", o.without(SpineField.LENS).format());
    }
}
