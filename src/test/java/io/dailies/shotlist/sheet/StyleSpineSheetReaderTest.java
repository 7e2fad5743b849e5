package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.prompt.StyleSpine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StyleSpineSheetReaderTest {

    @TempDir
    Path dir;

    static final StyleSpine EXPECTED = new StyleSpine("35mm", "f/2.8", "anamorphic 2.39:1 feel", "fine film grain, natural contrast",
            List.of("amber", "cream", "walnut brown"), "steady gimbal, stable horizon, no jitter");

    private StyleSpineSheetReader.Result read(byte[] xlsx) throws Exception {
        return StyleSpineSheetReader.read(TestWorkbooks.write(dir, "s-" + System.nanoTime() + ".xlsx", xlsx));
    }

    private static TestWorkbooks.Book shotsAnd(String sheet) {
        return TestWorkbooks.book().row((Object[]) TestWorkbooks.HEADERS).row(TestWorkbooks.shot("Castle", "SC1-01", 4)).sheet(sheet);
    }

    @Test
    void theSamplesSpineIsRead() throws Exception {
        StyleSpineSheetReader.Result r = read(TestWorkbooks.sample());
        assertEquals("Style Spine", r.sheetName());
        assertEquals(SampleWorkbooks.SPINE, r.spine());
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void keyValueRowsWithATitleAHeaderAndNotes() throws Exception {
        byte[] xlsx = shotsAnd("style spine").row("The look of the film").row("Field", "Value", "Notes")
                .row("Lens", "35mm", "same in every shot")
                .row("F-stop", "f/2.8")
                .row("Camera language", "anamorphic 2.39:1 feel")
                .row("Colour grade", "fine film grain, natural contrast")
                .row("Palette", "amber, cream,\nwalnut brown")
                .row("Stability cues", "steady gimbal, stable horizon, no jitter")
                .bytes();
        StyleSpineSheetReader.Result r = read(xlsx);
        assertEquals(EXPECTED, r.spine());
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void oneHeaderRowAndOneRowOfValuesReadTheSame() throws Exception {
        byte[] xlsx = shotsAnd("Style Spine")
                .row("Lens", "Aperture", "Camera language", "Grade", "Palette anchors", "Stability cues")
                .row("35mm", "f/2.8", "anamorphic 2.39:1 feel", "fine film grain, natural contrast", "amber, cream, walnut brown",
                        "steady gimbal, stable horizon, no jitter")
                .bytes();
        StyleSpineSheetReader.Result r = read(xlsx);
        assertEquals(EXPECTED, r.spine());
        assertEquals(List.of(), r.errors());
    }

    @Test
    void aFieldGivenTwiceOrTwoRowsOfValuesAreErrors() throws Exception {
        StyleSpineSheetReader.Result twice = read(shotsAnd("Style Spine").row("Lens", "35mm").row("lens", "50mm").bytes());
        assertEquals("35mm", twice.spine().lens(), "the first is kept");
        assertEquals(1, twice.errors().size());
        assertEquals("Lens is given twice (rows 1 and 2): keep one", twice.errors().get(0).message());

        StyleSpineSheetReader.Result rows = read(shotsAnd("Style Spine").row("Lens", "Aperture").row("35mm", "f/2.8").row("50mm", "f/4").bytes());
        assertEquals("35mm", rows.spine().lens());
        assertEquals(1, rows.errors().size());
        assertTrue(rows.errors().get(0).message().startsWith("The Style Spine sheet has more than one row of values (rows 2 and 3): keep one"),
                rows.errors().get(0).message());
    }

    @Test
    void unknownFieldsAndAPaletteOutsideThreeToFiveAreWarnings() throws Exception {
        StyleSpineSheetReader.Result r = read(shotsAnd("Spine").row("Lens", "35mm").row("Frame rate", "24 fps")
                .row("Palette anchors", "amber, cream").bytes());
        assertEquals(List.of(), r.errors());
        assertEquals(2, r.warnings().size(), r.warnings()::toString);
        assertEquals("'Frame rate' is not a style-spine field and is ignored; the fields are Lens, Aperture, Camera language, Grade, "
                + "Palette anchors and Stability cues", r.warnings().get(0).message());
        assertEquals("Palette anchors names 2 colours: name three to five, e.g. 'amber, cream, walnut brown', so the palette stays "
                + "stable across shots", r.warnings().get(1).message());
        assertEquals(3, r.warnings().get(1).row());
        assertEquals("B", r.warnings().get(1).column());
    }

    @Test
    void noSpineSheetOrABlankOneMeansAnEmptySpine() throws Exception {
        StyleSpineSheetReader.Result none = read(TestWorkbooks.shots(1));
        assertFalse(none.present());
        assertEquals(StyleSpine.EMPTY, none.spine());
        StyleSpineSheetReader.Result template = read(SampleWorkbooks.template());
        assertTrue(template.present());
        assertEquals(StyleSpine.EMPTY, template.spine());
        assertEquals(List.of(), template.errors());
        assertEquals(List.of(), template.warnings());
    }

    @Test
    void bothSheetsAreReadInOnePass() throws Exception {
        ProjectSheets p = ProjectSheets.read(TestWorkbooks.write(dir, "both.xlsx", TestWorkbooks.sample()));
        assertEquals(SampleWorkbooks.SPINE, p.spine());
        assertEquals(7, p.bible().size());
        assertEquals(List.of(), p.errors());
        assertEquals(List.of(), p.warnings());
    }
}
