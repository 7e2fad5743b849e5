package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShotSheetReaderTest {

    @TempDir
    Path dir;

    // --- finding the sheet, header and columns ---

    @Test
    void readsTheSampleBelowItsTitleRow() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.sample())) {
            assertEquals("Shots", reader.sheetName());
            assertEquals(3, reader.headerRow());
            assertEquals("A", reader.columnLetters().get(ShotColumn.SEQUENCE));
            assertEquals("K", reader.columnLetters().get(ShotColumn.SECONDS));
            assertEquals(ShotColumn.values().length, reader.columnLetters().size());
            assertEquals(List.of(), reader.extraHeaders());
            List<RawShotRow> rows = all(reader);
            assertTrue(rows.size() >= 14, "shots: " + rows.size());
            RawShotRow first = rows.get(0);
            assertEquals(4, first.row());
            assertEquals("Castle", first.value(ShotColumn.SEQUENCE));
            assertEquals("SC1-01", first.value(ShotColumn.SHOT));
            assertEquals("8", first.value(ShotColumn.SECONDS));
            assertEquals(SampleWorkbooks.STYLE_SPINE, first.value(ShotColumn.STYLE_TECHNICAL));
        }
    }

    @Test
    void titleRowsAndAliasesAreFound() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.titleRowsAndAliases())) {
            assertEquals(TestWorkbooks.ALIASES_HEADER_ROW, reader.headerRow());
            Map<ShotColumn, String> letters = reader.columnLetters();
            assertEquals("A", letters.get(ShotColumn.SEQUENCE));
            assertEquals("B", letters.get(ShotColumn.SHOT));
            assertEquals("C", letters.get(ShotColumn.SUBJECT_ACTION));
            assertEquals("E", letters.get(ShotColumn.CAMERA_MOVEMENT));
            assertEquals("L", letters.get(ShotColumn.SECONDS));
            assertEquals(List.of("Wardrobe notes"), reader.extraHeaders());

            RawShotRow r = reader.next();
            assertEquals(5, r.row());
            assertEquals("8", r.value(ShotColumn.SECONDS));
            assertEquals("Queen: 'Bring me the traitor.'", r.value(ShotColumn.DIALOGUE));
            assertEquals(Map.of("Wardrobe notes", "Burgundy gown, pressed"), r.extras());

            RawShotRow blankExtra = reader.next();
            assertEquals(Map.of("Wardrobe notes", ""), blankExtra.extras(), "every extra column is present, blank or not");
            assertEquals("", blankExtra.value(ShotColumn.SECONDS));
            assertFalse(reader.hasNext());
        }
    }

    @Test
    void sheetNameIsMatchedIgnoringCaseAndSpaces() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.oddlyNamedSheet())) {
            assertEquals(" shots ", reader.sheetName());
            assertEquals("SC1-01", reader.next().value(ShotColumn.SHOT));
        }
    }

    @Test
    void headerOnRow30IsFoundButNotOnRow31() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.headerAt(30))) {
            assertEquals(30, reader.headerRow());
            assertEquals(31, reader.next().row());
        }
        ShotSheetFormatException e = assertFormatProblem(TestWorkbooks.headerAt(31));
        assertTrue(e.getMessage().startsWith("Shots: No shot list found: the sheet has no header row in its first 30 rows"),
                e.getMessage());
    }

    @Test
    void columnsSplitOverSeveralHeadersAreJoinedOrKept() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.splitColumns())) {
            // "Sequence" beats the alias "Scene"; the Scene column stays as an extra
            assertEquals("B", reader.columnLetters().get(ShotColumn.SEQUENCE));
            assertEquals(List.of("Scene", "Notes", "Notes (H)"), reader.extraHeaders());
            RawShotRow r = reader.next();
            assertEquals("Castle", r.value(ShotColumn.SEQUENCE));
            assertEquals("Window light from frame left\nPalette anchors: burgundy, gold, slate", r.value(ShotColumn.LIGHTING_PALETTE));
            assertEquals("1", r.extras().get("Scene"));
            assertEquals("second", r.extras().get("Notes (H)"));
        }
    }

    @Test
    void textUnderNoHeaderIsKeptAsAnExtra() throws Exception {
        int stray = TestWorkbooks.HEADERS.length + 1; // one blank column after the last header
        Object[] row = java.util.Arrays.copyOf(TestWorkbooks.shot("Castle", "SC1-01", 4), stray + 1);
        row[stray] = "stray note";
        try (ShotSheetReader reader = open(TestWorkbooks.book().row((Object[]) TestWorkbooks.HEADERS).row(row).bytes())) {
            assertEquals(Map.of("Column " + HeaderRow.letter(stray), "stray note"), reader.next().extras());
        }
    }

    // --- reading cells as the producer sees them ---

    @Test
    void numbersAndTextReadAsTheProducerSeesThem() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.numbersAsText())) {
            RawShotRow numbers = reader.next();
            assertEquals("1", numbers.value(ShotColumn.SEQUENCE));
            assertEquals("3", numbers.value(ShotColumn.SHOT));
            assertEquals("4", numbers.value(ShotColumn.SECONDS), "a numeric 4.0 reads 4");
            assertEquals("2026-03-14", numbers.extras().get("Shoot date"), "dates read as ISO");

            RawShotRow text = reader.next();
            assertEquals("04", text.value(ShotColumn.SHOT), "the number format is honoured");
            assertEquals("8", text.value(ShotColumn.SECONDS), "a number typed as text");
            assertEquals("2026-03-14T12:00", text.extras().get("Shoot date"), "a formula's cached date and time");

            RawShotRow formatted = reader.next();
            assertEquals("8.0", formatted.value(ShotColumn.SECONDS));
            assertEquals("1280 x 720", formatted.value(ShotColumn.SIZE));
            assertEquals("18:00", formatted.extras().get("Shoot date"), "a time of day");
        }
    }

    @Test
    void formulasGiveTheirCachedValues() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.formulaError())) {
            assertEquals("#REF!", reader.next().value(ShotColumn.SECONDS));
            RawShotRow computed = reader.next();
            assertEquals("SC1-02", computed.value(ShotColumn.SHOT));
            assertEquals("8", computed.value(ShotColumn.SECONDS));
            assertEquals("#N/A", reader.next().value(ShotColumn.SIZE));
        }
    }

    @Test
    void blankRowsAreSkipped() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.blankRows())) {
            assertEquals(List.of(2, 4, 7, 9), all(reader).stream().map(RawShotRow::row).toList());
        }
    }

    // --- iterating and restarting ---

    @Test
    void iteratorEndsCleanly() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.shots(2))) {
            assertTrue(reader.hasNext());
            assertTrue(reader.hasNext(), "hasNext does not consume");
            reader.next();
            reader.next();
            assertFalse(reader.hasNext());
            assertThrows(NoSuchElementException.class, reader::next);
        }
    }

    @Test
    void skipToRestartsAtACheckpoint() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.shots(50))) {
            reader.skipTo(40);
            assertEquals(40, reader.next().row());
            assertEquals("SC1-40", reader.next().value(ShotColumn.SHOT));
            reader.skipTo(51);
            assertEquals(51, reader.next().row());
            assertFalse(reader.hasNext());
        }
    }

    @Test
    void skipToLandsOnTheNextRowWhenTheCheckpointRowIsBlank() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.blankRows())) {
            reader.skipTo(5);
            assertEquals(7, reader.next().row());
        }
    }

    @Test
    void skipToAfterHasNextStillSkips() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.shots(10))) {
            assertTrue(reader.hasNext());
            reader.skipTo(8);
            assertEquals(8, reader.next().row());
        }
    }

    @Test
    void skipToCannotGoBack() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.shots(10))) {
            reader.skipTo(6);
            reader.next();
            assertThrows(IllegalStateException.class, () -> reader.skipTo(3));
        }
    }

    @Test
    void skipToWithinTheHeaderSearchWindowUsesTheBufferedRows() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.shots(40))) {
            reader.skipTo(3);
            assertEquals(3, reader.next().row());
            reader.skipTo(35);
            assertEquals(35, reader.next().row());
        }
    }

    // --- workbook-level problems ---

    @Test
    void missingRequiredColumnNamesItAndItsAliases() {
        ShotSheetFormatException e = assertFormatProblem(TestWorkbooks.missingRequiredColumn());
        assertEquals(1, e.issues().size());
        CellIssue issue = e.issues().get(0);
        assertEquals(0, issue.row());
        assertNull(issue.column());
        assertEquals("Shot", issue.field());
        assertEquals("Missing required column 'Shot' (also accepted: Shot #, Shot ID, Shot code, Shot No., Shot number) "
                + "in the header row (row 1)", issue.message());
    }

    @Test
    void aShotListOnAnySheetIsFoundByItsHeader() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.noShotsSheet())) {
            assertEquals("Sheet1", reader.sheetName());
            assertEquals(List.of("Sheet1"), reader.sheetNames());
            assertTrue(reader.found().startsWith("sheet 'Sheet1' (header in row 1,"), reader.found());
            assertEquals("SC1-01", reader.next().value(ShotColumn.SHOT));
        }
    }

    @Test
    void aWorkbookWithNoShotListNamesTheSheetsSearched() {
        ShotSheetFormatException e = assertFormatProblem(TestWorkbooks.noShotList());
        assertTrue(e.getMessage().startsWith("No shot list found: none of the sheets ('Notes', 'Budget') has a header row"),
                e.getMessage());
    }

    @Test
    void legacyXlsIsToldToSaveAsXlsx() {
        ShotSheetFormatException e = assertFormatProblem(TestWorkbooks.legacyXls());
        assertTrue(e.getMessage().contains("legacy .xls: save as .xlsx in Excel (File > Save As > Excel Workbook)"), e.getMessage());
        assertEquals(0, e.issues().get(0).row());
    }

    @Test
    void passwordProtectedWorkbookIsToldToRemoveThePassword() {
        ShotSheetFormatException e = assertFormatProblem(TestWorkbooks.passwordProtected());
        assertTrue(e.getMessage().contains("password-protected"), e.getMessage());
    }

    @Test
    void csvIsReadLikeASheet() throws Exception {
        try (ShotSheetReader reader = open(TestWorkbooks.csv())) {
            assertEquals(CsvShotReader.SHEET_NAME, reader.sheetName());
            RawShotRow r = reader.next();
            assertEquals(2, r.row());
            assertEquals("SC1-01", r.value(ShotColumn.SHOT));
            assertEquals("4", r.value(ShotColumn.SECONDS));
            assertFalse(reader.hasNext());
        }
    }

    @Test
    void plainTextWithoutSeparatorsIsNotAnXlsx() {
        ShotSheetFormatException e = assertFormatProblem("just some notes\nand more\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("not an .xlsx workbook (it looks like CSV or plain text)"), e.getMessage());
    }

    @Test
    void binaryJunkIsStillRejected() {
        byte[] junk = "Sequence,Shot,Subject\n\u0000\u0001\u0002,x".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ShotSheetFormatException e = assertFormatProblem(junk);
        assertTrue(e.getMessage().contains("not an .xlsx workbook"), e.getMessage());
    }

    @Test
    void aZipThatIsNotAWorkbookIsReportedNotThrown() {
        ShotSheetFormatException e = assertFormatProblem(TestWorkbooks.plainZip());
        assertTrue(e.getMessage().contains("could not be read as an .xlsx workbook"), e.getMessage());
    }

    @Test
    void aMissingFileIsAnIoProblemNotTheProducers() {
        assertThrows(NoSuchFileException.class, () -> ShotSheetReader.open(dir.resolve("gone.xlsx")));
    }

    @Test
    void anEmptyFileIsReported() {
        ShotSheetFormatException e = assertFormatProblem(new byte[0]);
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aSheetWithoutHeadersIsReported() {
        ShotSheetFormatException e = assertFormatProblem(TestWorkbooks.book().row("just a note").row("another").bytes());
        assertTrue(e.getMessage().contains("No shot list found"), e.getMessage());
    }

    private ShotSheetReader open(byte[] xlsx) throws IOException, ShotSheetFormatException {
        return ShotSheetReader.open(TestWorkbooks.write(dir, "shots-" + System.nanoTime() + ".xlsx", xlsx));
    }

    private ShotSheetFormatException assertFormatProblem(byte[] file) {
        return assertThrows(ShotSheetFormatException.class, () -> open(file).close());
    }

    private static List<RawShotRow> all(ShotSheetReader reader) {
        List<RawShotRow> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }
}
