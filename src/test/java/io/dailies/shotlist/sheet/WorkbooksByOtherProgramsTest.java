package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.prompt.CharacterAnchor;
import io.dailies.provider.catalog.ModelCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shot lists written by the programs producers' scripts use (openpyxl, pandas, xlsxwriter, and saved again by
 * LibreOffice; see
 * src/test/resources/workbooks/by-other-programs/make.py), not by POI: found on any sheet, a sheet per sequence,
 * side sheets by content, formulas saved without results computed or explained cell by cell.
 */
class WorkbooksByOtherProgramsTest {

    static final String FOLDER = "workbooks/by-other-programs/";
    static final ModelCatalog CATALOG = ModelCatalog.load();

    @TempDir
    Path dir;

    /** A checked-in workbook copied to a temporary folder (the formula results are written beside it). */
    Path workbook(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (InputStream in = WorkbooksByOtherProgramsTest.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            Files.copy(in, copy);
        }
        return copy;
    }

    static List<RawShotRow> rows(ShotSheetReader reader) {
        List<RawShotRow> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void formulasWrittenByAScriptAreComputed() throws Exception {
        Path xlsx = workbook("script-formulas.xlsx");
        try (ShotSheetReader reader = ShotSheetReader.open(xlsx)) {
            assertEquals(List.of("Plans"), reader.sheetNames(), "found by its header, on a sheet not named Shots");
            assertEquals(2, reader.headerRow(), "below the title row");
            List<RawShotRow> rows = rows(reader);
            assertEquals(List.of("TR-01", "TR-02", "TR-03"), rows.stream().map(r -> r.value(ShotColumn.SHOT)).toList());
            assertEquals("A rainy tram stop in Lisbon at dusk", rows.get(0).value(ShotColumn.SETTING_TIME), "a reference to another sheet");
            assertEquals("4", rows.get(2).value(ShotColumn.SECONDS), "arithmetic");
            assertTrue(rows.stream().allMatch(r -> r.unreadable().isEmpty()));
        }
        assertTrue(Files.exists(dir.resolve("script-formulas.xlsx.results.xlsx")), "read from a copy with the results");
        ShotRowValidator validator = new ShotRowValidator(CATALOG);
        try (ShotSheetReader reader = ShotSheetReader.open(xlsx)) {
            for (RawShotRow r : rows(reader)) {
                assertTrue(validator.validate(r).isValid(), () -> validator.validate(r).issues().toString());
            }
        }
        ProjectSheets sheets = ProjectSheets.read(xlsx, CATALOG, List.of("Plans"));
        assertEquals(List.of(), sheets.errors());
        assertEquals(List.of(), sheets.warnings(), "a Locations sheet is neither a Characters nor a Style Spine sheet");
    }

    @Test
    void theSameWorkbooksSavedByLibreOfficeReadTheSameWithTheirSavedResults() throws Exception {
        Path xlsx = workbook("libreoffice-script-formulas.xlsx");
        try (ShotSheetReader reader = ShotSheetReader.open(xlsx)) {
            List<RawShotRow> rows = rows(reader);
            assertEquals(List.of("TR-01", "TR-02", "TR-03"), rows.stream().map(r -> r.value(ShotColumn.SHOT)).toList());
            assertEquals("A rainy tram stop in Lisbon at dusk", rows.get(0).value(ShotColumn.SETTING_TIME));
            assertEquals("4", rows.get(2).value(ShotColumn.SECONDS));
        }
        assertFalse(Files.exists(dir.resolve("libreoffice-script-formulas.xlsx.results.xlsx")), "nothing to compute");
        Path perSequence = workbook("libreoffice-sheet-per-sequence.xlsx");
        try (ShotSheetReader reader = ShotSheetReader.open(perSequence)) {
            assertEquals(List.of("Tram stop", "Rooftop"), reader.sheetNames());
            assertEquals(6, rows(reader).size());
        }
        ProjectSheets sheets = ProjectSheets.read(perSequence, CATALOG, List.of("Tram stop", "Rooftop"));
        assertEquals("People", sheets.characters().sheetName());
        assertEquals("Look book", sheets.styleSpine().sheetName());
    }

    @Test
    void aFormulaThatCannotBeComputedNamesItsCell() throws Exception {
        try (ShotSheetReader reader = ShotSheetReader.open(workbook("unsupported-formula.xlsx"))) {
            List<RawShotRow> rows = rows(reader);
            assertEquals("4", rows.get(0).value(ShotColumn.SECONDS), "the other formula is computed");
            ValidatedRow checked = new ShotRowValidator(CATALOG, reader.layout()).validate(rows.get(1));
            assertFalse(checked.isValid());
            CellIssue issue = checked.issues().get(0);
            assertEquals("D", issue.column());
            assertEquals(3, issue.row());
            assertTrue(issue.text().startsWith("Shots!D3 (Seconds): The formula =WEBSERVICE(\"http://example.invalid/seconds\") "
                    + "has no saved result and Dailies could not compute it (it calls WEBSERVICE, which Dailies cannot compute): "
                    + "open the workbook in Excel, LibreOffice or Google Sheets and save it"), issue.text());
            assertFalse(issue.text().contains("could not be read as an .xlsx"));
        }
    }

    @Test
    void computingStopsAtItsTimeBudgetAndTheCellsLeftSaySo() throws Exception {
        Path xlsx = workbook("script-formulas.xlsx");
        FormulaResults.Readable none = FormulaResults.compute(xlsx, Files.size(xlsx), java.time.Duration.ZERO);
        assertEquals(xlsx, none.path(), "nothing computed: the upload itself is read");
        String why = none.formulas().explain("Plans!B3", "\"TR-\"&TEXT(ROW()-2,\"00\")");
        assertTrue(why.contains("could not compute it (Dailies stopped computing this workbook's formulas after 0 s)"), why);
        assertEquals(9, none.formulas().failures().size(), "every formula cell of the sheet: " + none.formulas().failures());
    }

    @Test
    void aWorkbookTooBigToComputeSaysSoInTheCellsIssue() {
        FormulaResults.Outcome tooBig = new FormulaResults.Outcome(false, 40L * 1024 * 1024, Map.of());
        String why = tooBig.explain("Shots!K5", "B5*2");
        assertTrue(why.startsWith("The formula =B5*2 has no saved result (workbooks written by scripts such as openpyxl or "
                + "pandas keep formulas without results), and this workbook is too big for Dailies to compute them (40.0 MB"), why);
        assertTrue(why.endsWith("or type the value instead of the formula"), why);
    }

    @Test
    void aSheetPerSequenceIsReadWhole() throws Exception {
        Path xlsx = workbook("sheet-per-sequence.xlsx");
        try (ShotSheetReader reader = ShotSheetReader.open(xlsx)) {
            assertEquals(List.of("Tram stop", "Rooftop"), reader.sheetNames());
            assertTrue(reader.found().endsWith("the sheet's name is the sequence"), reader.found());
            List<RawShotRow> rows = rows(reader);
            assertEquals(6, rows.size());
            assertEquals(List.of("Tram stop", "Tram stop", "Tram stop", "Rooftop", "Rooftop", "Rooftop"),
                    rows.stream().map(r -> r.value(ShotColumn.SEQUENCE)).toList());
            assertEquals("Rooftop", rows.get(3).sheet());
            assertEquals("8", rows.get(1).value(ShotColumn.SECONDS));
            // Issues name the row's own sheet.
            SheetLayout layout = reader.layout();
            assertTrue(layout.of("Rooftop").sequenceFromSheet());
            RawShotRow blankAction = new RawShotRow(3, Map.of(ShotColumn.SEQUENCE, "Rooftop", ShotColumn.SHOT, "RT-02"),
                    new java.util.LinkedHashMap<>(), "Rooftop", Map.of());
            CellIssue issue = new ShotRowValidator(CATALOG, layout).validate(blankAction).issues().get(0);
            assertTrue(issue.text().startsWith("Rooftop!B3 (Subject & Action): "), issue.text());
        }
        ProjectSheets sheets = ProjectSheets.read(xlsx, CATALOG, List.of("Tram stop", "Rooftop"));
        assertEquals(List.of(), sheets.errors());
        assertEquals("People", sheets.characters().sheetName(), "a Characters sheet found by its header");
        assertEquals(List.of("Courier"), sheets.bible().characters().stream().map(CharacterAnchor::name).toList());
        assertEquals("Look book", sheets.styleSpine().sheetName(), "a Style Spine sheet found by its fields");
        assertEquals("35mm spherical", sheets.spine().lens());
        assertTrue(sheets.warnings().stream().anyMatch(w -> w.text().startsWith("'Look book'!A3: 'Film stock' is not a style-spine field")),
                sheets.warnings().toString());
    }

    @Test
    void aSheetPerSequenceResumesOnTheSheetItStoppedOn() throws Exception {
        Path xlsx = workbook("sheet-per-sequence.xlsx");
        try (ShotSheetReader reader = ShotSheetReader.open(xlsx)) {
            reader.skipTo(new ShotSheetReader.Position(1, 3));
            RawShotRow r = reader.next();
            assertEquals("Rooftop", r.sheet());
            assertEquals(3, r.row());
            assertEquals(new ShotSheetReader.Position(1, 3), reader.position());
            assertThrows(IllegalStateException.class, () -> reader.skipTo(new ShotSheetReader.Position(0, 4)));
        }
    }

    @Test
    void aShotRepeatedOnAnotherSheetNamesThatSheet() {
        SheetLayout layout = new SheetLayout("A", 1, Map.of(ShotColumn.SHOT, "B"), Map.of(), false,
                Map.of("B", new SheetLayout("B", 1, Map.of(ShotColumn.SHOT, "C"))));
        DuplicateShotDetector detector = new DuplicateShotDetector(layout);
        assertTrue(detector.check("A", 2, "Castle", "SC1-01").isEmpty());
        CellIssue issue = detector.check("B", 2, "Castle", "sc1-01 ").orElseThrow();
        assertEquals("B!C2 (Shot): Shot 'sc1-01' of sequence 'Castle' already appears in A row 2: give this shot its own code, "
                + "or delete the repeated row", issue.text());
    }

    @Test
    void anUnreadableSideSheetWarnsAndTheShotsStillRead() throws Exception {
        Path xlsx = workbook("unreadable-side-sheet.xlsx");
        try (ShotSheetReader reader = ShotSheetReader.open(xlsx)) {
            assertEquals(List.of("Sheet1"), reader.sheetNames());
            assertEquals(3, rows(reader).size());
        }
        ProjectSheets sheets = ProjectSheets.read(xlsx, CATALOG, List.of("Sheet1"));
        assertEquals(List.of(), sheets.errors());
        assertEquals(1, sheets.warnings().size());
        assertTrue(sheets.warnings().get(0).text().startsWith("Characters: The Characters sheet was not read"),
                sheets.warnings().get(0).text());
    }

    @Test
    void twoEqualCandidatesAreAQuestionThatTheUploadAnswers() throws Exception {
        Path xlsx = workbook("two-equal-candidates.xlsx");
        ShotSheetFormatException e = assertThrows(ShotSheetFormatException.class, () -> ShotSheetReader.open(xlsx).close());
        assertTrue(e.getMessage().startsWith("Which sheet is the shot list? 'Shots' (header in row 1, 4 shot columns) and "
                + "'Shots (old)' (header in row 1, 4 shot columns) look like one equally well."), e.getMessage());
        assertTrue(e.getMessage().contains("sheet=Shots"), e.getMessage());
        try (ShotSheetReader reader = ShotSheetReader.open(xlsx, List.of("shots (OLD)"))) {
            assertEquals(List.of("Shots (old)"), reader.sheetNames(), "matched ignoring case");
            assertTrue(reader.found().endsWith("named with the upload"), reader.found());
        }
        ShotSheetFormatException missing = assertThrows(ShotSheetFormatException.class,
                () -> ShotSheetReader.open(xlsx, List.of("Plans")).close());
        assertEquals("The workbook has no sheet named 'Plans' (asked for with the upload); its sheets are 'Shots', 'Shots (old)'",
                missing.getMessage());
    }

    @Test
    void theSheetWithTheBetterHeaderWins() throws Exception {
        byte[] two = TestWorkbooks.book("Draft").row("Sequence", "Shot", "Subject & Action").row("Castle", "SC1-01", "x")
                .sheet("Final").row((Object[]) TestWorkbooks.HEADERS).row(TestWorkbooks.shot("Castle", "SC1-01", 4)).bytes();
        try (ShotSheetReader reader = ShotSheetReader.open(TestWorkbooks.write(dir, "two.xlsx", two))) {
            assertEquals(List.of("Final"), reader.sheetNames());
        }
        assertNotEquals(0, TestWorkbooks.HEADERS.length);
    }
}
