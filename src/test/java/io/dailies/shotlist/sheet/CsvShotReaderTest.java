package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvShotReaderTest {

    @TempDir
    Path dir;

    @Test
    void utf8WithBomCommasAndQuotedFields() throws Exception {
        String csv = "\uFEFFSequence,Shot,Subject & Action,Dialogue,Seconds\r\n"
                + "Café,SC1-01,\"The queen lifts her chin, slowly\",\"Queen: \"\"Enough.\"\"\",4\r\n"
                + "Café,SC1-02,\"Two beats:\nshe stands,\nshe turns\",,8\r\n";
        try (ShotSheetReader reader = open(csv.getBytes(StandardCharsets.UTF_8), "shots.csv")) {
            assertEquals("CSV", reader.sheetName());
            assertEquals(1, reader.headerRow());
            SheetLayout layout = reader.layout();
            assertEquals("CSV", layout.sheetName());
            assertEquals("A", layout.letter(ShotColumn.SEQUENCE));
            assertEquals("E", layout.letter(ShotColumn.SECONDS));
            List<RawShotRow> rows = all(reader);
            assertEquals(2, rows.size());
            assertEquals("Café", rows.get(0).value(ShotColumn.SEQUENCE)); // BOM not part of the header
            assertEquals("The queen lifts her chin, slowly", rows.get(0).value(ShotColumn.SUBJECT_ACTION));
            assertEquals("Queen: \"Enough.\"", rows.get(0).value(ShotColumn.DIALOGUE));
            assertEquals(2, rows.get(0).row());
            assertEquals("Two beats:\nshe stands,\nshe turns", rows.get(1).value(ShotColumn.SUBJECT_ACTION));
            assertEquals(3, rows.get(1).row()); // one record, though it spans three lines
            assertEquals("8", rows.get(1).value(ShotColumn.SECONDS));
        }
    }

    @Test
    void semicolonsTitleLinesAliasesAndBlankLines() throws Exception {
        String csv = "The Queen's Court - shot list\n"
                + "Draft 3; for Friday\n"
                + "\n"
                + "Scene;Shot #;Action;Camera (lens, move);Duration (s);Wardrobe notes\n"
                + "Castle;SC1-01;The queen waits, then stands.;Locked tripod;8;crown\n"
                + "\n"
                + "   ;  ;\n"
                + "Castle;SC1-02;She turns.;;4;\n";
        try (ShotSheetReader reader = open(csv.getBytes(StandardCharsets.UTF_8), "shots.csv")) {
            assertEquals(4, reader.headerRow());
            Map<ShotColumn, String> letters = reader.columnLetters();
            assertEquals("A", letters.get(ShotColumn.SEQUENCE));
            assertEquals("B", letters.get(ShotColumn.SHOT));
            assertEquals("C", letters.get(ShotColumn.SUBJECT_ACTION));
            assertEquals("D", letters.get(ShotColumn.CAMERA_MOVEMENT));
            assertEquals("E", letters.get(ShotColumn.SECONDS));
            assertEquals(List.of("Wardrobe notes"), reader.extraHeaders());
            List<RawShotRow> rows = all(reader);
            assertEquals(2, rows.size());
            assertEquals(5, rows.get(0).row());
            assertEquals("The queen waits, then stands.", rows.get(0).value(ShotColumn.SUBJECT_ACTION));
            assertEquals("crown", rows.get(0).extras().get("Wardrobe notes"));
            assertEquals(8, rows.get(1).row()); // blank lines count, as in Excel
            assertEquals("", rows.get(1).extras().get("Wardrobe notes"));
        }
    }

    @Test
    void validatorPointsAtCsvCells() throws Exception {
        String csv = "Sequence,Shot,Subject & Action,Seconds\nCastle,SC1-01,The queen stands.,four\n";
        try (ShotSheetReader reader = open(csv.getBytes(StandardCharsets.UTF_8), "shots.csv")) {
            ShotRowValidator validator = new ShotRowValidator(io.dailies.provider.catalog.ModelCatalog.load(), reader.layout());
            ValidatedRow v = validator.validate(reader.next());
            assertFalse(v.issues().isEmpty());
            CellIssue issue = v.issues().get(0);
            assertEquals("CSV", issue.sheet());
            assertEquals(2, issue.row());
            assertEquals("D", issue.column());
        }
    }

    @Test
    void skipToAndWindows1252() throws Exception {
        StringBuilder csv = new StringBuilder("Sequence,Shot,Subject & Action\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("Señor,S").append(i).append(",Walks in.\n");
        }
        try (ShotSheetReader reader = open(csv.toString().getBytes(Charset.forName("windows-1252")), "shots.txt")) {
            reader.skipTo(15);
            RawShotRow r = reader.next();
            assertEquals(15, r.row());
            assertEquals("S14", r.value(ShotColumn.SHOT));
            assertEquals("Señor", r.value(ShotColumn.SEQUENCE));
            assertEquals(6, all(reader).size());
        }
    }

    @Test
    void missingColumnsAreReportedAsForASheet() {
        ShotSheetFormatException e = assertThrows(ShotSheetFormatException.class,
                () -> open("Sequence,Subject & Action\nCastle,Walks\n".getBytes(StandardCharsets.UTF_8), "a.csv").close());
        assertTrue(e.getMessage().contains("Missing required column 'Shot'"), e.getMessage());
        assertEquals("CSV", e.issues().get(0).sheet());
    }

    @Test
    void separatorIsChosenByTheHeader() {
        assertEquals(';', CsvShotReader.separator("Title, with a comma\nSequence;Shot;Action\nA;1;x, y, z\n"));
        assertEquals(',', CsvShotReader.separator("Sequence,Shot,Action\nA,1,x; y\n"));
        assertTrue(CsvShotReader.isUtf8("é".getBytes(StandardCharsets.UTF_8)));
        assertTrue(CsvShotReader.isUtf8(new byte[]{'a', (byte) 0xC3})); // cut off mid-character
        assertFalse(CsvShotReader.isUtf8(new byte[]{'a', (byte) 0xE9, 'b'}));
    }

    private ShotSheetReader open(byte[] bytes, String name) throws Exception {
        return ShotSheetReader.open(TestWorkbooks.write(dir, name, bytes));
    }

    private static List<RawShotRow> all(ShotSheetReader reader) {
        List<RawShotRow> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }
}
