package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workbook taken apart for POI and put back together: what is not patched comes back exactly as it was. */
class StreamedWorkbookTest {

    @TempDir
    Path dir;

    @Test
    void aWorkbookPutBackWithoutChangesIsTheSameWorkbook() throws Exception {
        Path sample = TestWorkbooks.write(dir, "sample.xlsx", TestWorkbooks.sample());
        Path out = dir.resolve("out.xlsx");
        try (StreamedWorkbook w = StreamedWorkbook.open(sample, new StreamedWorkbook.Plan().keepRows("Shots", 3))) {
            assertEquals(3, w.workbook().getSheet("Shots").getPhysicalNumberOfRows(), "POI holds the title and header rows only");
            assertEquals(0, w.workbook().getSheet("Characters").getPhysicalNumberOfRows(), "and no row of the other sheets");
            w.write(out, Map.of());
        }
        try (XSSFWorkbook before = open(sample); XSSFWorkbook after = open(out)) {
            assertSameWorkbook(before, after);
        }
        // and it still reads as the same shot list
        try (ShotSheetReader a = ShotSheetReader.open(sample); ShotSheetReader b = ShotSheetReader.open(out)) {
            while (a.hasNext()) {
                assertEquals(a.next(), b.next());
            }
            assertTrue(!b.hasNext());
        }
    }

    @Test
    void rowsArePatchedCellByCellAndEverythingElseIsCopied() throws Exception {
        Path file = TestWorkbooks.write(dir, "book.xlsx", TestWorkbooks.book().row("Sequence", "Shot", "Subject & Action", null, "Far")
                .row("Castle", "SC1-01", "The queen rises", null, "right")
                .row("Castle", "SC1-02", "The court gasps", null, "right").sheet("Notes").row("keep me", 42).bytes());
        Path out = dir.resolve("out.xlsx");
        int bold;
        try (StreamedWorkbook w = StreamedWorkbook.open(file, new StreamedWorkbook.Plan().keepRows("Shots", 1)
                .watch("Shots", 1, 2).watch("Shots", 2, 3).watchRow("Shots", 1))) {
            XSSFWorkbook wb = w.workbook();
            XSSFCellStyle style = wb.createCellStyle();
            var font = wb.createFont();
            font.setBold(true);
            style.setFont(font);
            bold = style.getIndex();
            wb.getSheet("Shots").getRow(0).createCell(5).setCellValue("Status");
            assertTrue(w.cell("Shots", 1, 2).exists());
            assertTrue(!w.cell("shots", 2, 3).exists(), "a missing cell, found by a loose sheet name");
            // a row POI holds only to anchor a comment: not written, the original row stands
            wb.getSheet("Shots").createRow(2).createCell(0).setCellValue("transient");
            w.cover("Shots", -1, 6);
            w.write(out, Map.of("Shots", row -> {
                TreeMap<Integer, StreamedWorkbook.Patch> p = new TreeMap<>();
                if (row == 1) {
                    p.put(3, StreamedWorkbook.Patch.text(" gap\nline ", null));
                    p.put(5, StreamedWorkbook.Patch.number(42.5, bold));
                    p.put(6, StreamedWorkbook.Patch.formula("HYPERLINK(\"https://x.example/a?b=1&c=2\",\"Open\")", "Open", null));
                    p.put(1, StreamedWorkbook.Patch.style(bold));
                    p.put(0, StreamedWorkbook.Patch.blank(null));
                }
                return p;
            }));
        }
        try (XSSFWorkbook before = open(file); XSSFWorkbook after = open(out)) {
            XSSFSheet shots = after.getSheet("Shots");
            assertEquals("Status", shots.getRow(0).getCell(5).getStringCellValue());
            XSSFRow first = shots.getRow(1);
            assertEquals(CellType.BLANK, first.getCell(0).getCellType());
            assertEquals("SC1-01", first.getCell(1).getStringCellValue(), "a style patch keeps the value");
            assertEquals(bold, first.getCell(1).getCellStyle().getIndex());
            assertEquals("The queen rises", first.getCell(2).getStringCellValue(), "cells between patches are kept");
            assertEquals(" gap\nline ", first.getCell(3).getStringCellValue());
            assertEquals("right", first.getCell(4).getStringCellValue(), "a cell after an inserted one keeps its column");
            assertEquals(42.5, first.getCell(5).getNumericCellValue());
            assertTrue(first.getCell(5).getCellStyle().getFont().getBold());
            assertEquals(CellType.FORMULA, first.getCell(6).getCellType());
            assertEquals("HYPERLINK(\"https://x.example/a?b=1&c=2\",\"Open\")", first.getCell(6).getCellFormula());
            assertEquals("Open", first.getCell(6).getStringCellValue());
            XSSFRow second = shots.getRow(2);
            assertEquals("SC1-02", second.getCell(1).getStringCellValue(), "the original row, not POI's transient one");
            assertEquals("Castle", second.getCell(0).getStringCellValue());
            assertEquals("keep me", after.getSheet("Notes").getRow(0).getCell(0).getStringCellValue());
            assertEquals(42, after.getSheet("Notes").getRow(0).getCell(1).getNumericCellValue());
            assertEquals(before.getSheet("Notes").getRow(0).getCell(0).getCellStyle().getIndex(),
                    after.getSheet("Notes").getRow(0).getCell(0).getCellStyle().getIndex());
            assertEquals("A1:G3", shots.getCTWorksheet().getDimension().getRef());
        }
    }

    @Test
    void anExcelStyleSheetKeepsItsNamespacesRichTextAndRowsWithoutReferences() throws Exception {
        // What Excel writes: mc:Ignorable x14ac attributes on rows, rich text in the shared strings; and what other
        // tools write: rows and cells without r attributes.
        byte[] book = TestWorkbooks.book().row("Sequence", "Shot", "Subject & Action").row("Castle", "SC1-01", "x").bytes();
        String sheetXml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
                + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
                + " xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\" mc:Ignorable=\"x14ac\">"
                + "<dimension ref=\"A1:C4\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
                + "<sheetFormatPr defaultRowHeight=\"15\" x14ac:dyDescent=\"0.25\"/>"
                + "<sheetData>"
                + "<row r=\"1\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                + "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
                + "<row r=\"2\" spans=\"1:3\" ht=\"30\" customHeight=\"1\" x14ac:dyDescent=\"0.25\"><c r=\"A2\" t=\"s\"><v>3</v></c>"
                + "<c r=\"B2\" t=\"s\"><v>4</v></c><c r=\"C2\" t=\"s\"><v>5</v></c></row>"
                + "<row><c t=\"s\"><v>3</v></c><c t=\"s\"><v>6</v></c><c><v>7</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>3</v></c><c r=\"B4\" t=\"s\"><v>7</v></c><c r=\"C4\"><f>1+1</f><v>2</v></c></row>"
                + "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>";
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"10\" uniqueCount=\"8\">"
                + "<si><t>Sequence</t></si><si><t>Shot</t></si><si><t>Subject &amp; Action</t></si><si><t>Castle</t></si>"
                + "<si><t>SC1-01</t></si><si><r><rPr><b/><sz val=\"11\"/></rPr><t>The queen</t></r><r><t xml:space=\"preserve\"> rises</t></r></si>"
                + "<si><t>SC1-02</t></si><si><t>SC1-03</t></si></sst>";
        Map<String, byte[]> parts = new LinkedHashMap<>(HostileWorkbooks.parts(book));
        parts.put("xl/worksheets/sheet1.xml", sheetXml.getBytes(StandardCharsets.UTF_8));
        parts.put("xl/sharedStrings.xml", sst.getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("excel.xlsx"), HostileWorkbooks.zip(parts));
        Path out = dir.resolve("out.xlsx");
        try (StreamedWorkbook w = StreamedWorkbook.open(file, new StreamedWorkbook.Plan().keepRows("Shots", 1).watchRow("Shots", 1))) {
            assertEquals(30f, w.cell("Shots", 1, 0).rowHeight());
            w.workbook().getSheet("Shots").getRow(0).createCell(3).setCellValue("Status");
            w.write(out, Map.of("Shots", row -> row == 2 ? new TreeMap<>(Map.of(3, StreamedWorkbook.Patch.text("done", null))) : null));
        }
        String written = part(out, "xl/worksheets/sheet1.xml");
        assertTrue(written.contains("xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\""), written);
        assertEquals(sst, part(out, "xl/sharedStrings.xml"), "the shared strings go back unchanged");
        try (XSSFWorkbook wb = open(out)) {
            XSSFSheet s = wb.getSheet("Shots");
            assertEquals("Status", s.getRow(0).getCell(3).getStringCellValue());
            XSSFRichTextString rich = s.getRow(1).getCell(2).getRichStringCellValue();
            assertEquals("The queen rises", rich.getString());
            assertEquals(2, rich.numFormattingRuns(), "rich text kept");
            assertEquals(30f, s.getRow(1).getHeightInPoints());
            assertEquals("SC1-02", s.getRow(2).getCell(1).getStringCellValue(), "a row without references");
            assertEquals(7, s.getRow(2).getCell(2).getNumericCellValue());
            assertEquals("done", s.getRow(2).getCell(3).getStringCellValue());
            assertEquals("1+1", s.getRow(3).getCell(2).getCellFormula());
        }
    }

    private static String part(Path xlsx, String name) throws Exception {
        return new String(HostileWorkbooks.parts(Files.readAllBytes(xlsx)).get(name), StandardCharsets.UTF_8);
    }

    static void assertSameWorkbook(XSSFWorkbook before, XSSFWorkbook after) {
        assertEquals(before.getNumberOfSheets(), after.getNumberOfSheets());
        assertEquals(before.getNumberOfNames(), after.getNumberOfNames());
        for (int s = 0; s < before.getNumberOfSheets(); s++) {
            XSSFSheet b = before.getSheetAt(s);
            XSSFSheet a = after.getSheetAt(s);
            assertEquals(b.getSheetName(), a.getSheetName());
            assertEquals(b.getMergedRegions(), a.getMergedRegions(), b.getSheetName());
            assertEquals(b.getDataValidations().size(), a.getDataValidations().size(), b.getSheetName());
            assertEquals(String.valueOf(b.getPaneInformation() == null ? null : b.getPaneInformation().getHorizontalSplitPosition()),
                    String.valueOf(a.getPaneInformation() == null ? null : a.getPaneInformation().getHorizontalSplitPosition()));
            assertEquals(b.getLastRowNum(), a.getLastRowNum(), b.getSheetName());
            int lastCol = 0;
            for (Row row : b) {
                XSSFRow ar = a.getRow(row.getRowNum());
                assertNotNull(ar, b.getSheetName() + " row " + row.getRowNum());
                assertEquals(row.getHeight(), ar.getHeight());
                assertEquals(row.getPhysicalNumberOfCells(), ar.getPhysicalNumberOfCells());
                lastCol = Math.max(lastCol, row.getLastCellNum());
                for (Cell c : row) {
                    XSSFCell ac = ar.getCell(c.getColumnIndex());
                    String where = b.getSheetName() + "!" + c.getAddress();
                    assertEquals(c.getCellType(), ac.getCellType(), where);
                    assertEquals(c.toString(), ac.toString(), where);
                    assertEquals(((XSSFCell) c).getCellStyle().getCoreXf().toString(), ac.getCellStyle().getCoreXf().toString(), where);
                    assertEquals(c.getCellStyle().getIndex(), ac.getCellStyle().getIndex(), where);
                    if (c.getCellComment() == null) {
                        assertNull(ac.getCellComment(), where);
                    } else {
                        assertEquals(c.getCellComment().getString().getString(), ac.getCellComment().getString().getString(), where);
                    }
                }
            }
            for (int i = 0; i < lastCol; i++) {
                assertEquals(b.getColumnWidth(i), a.getColumnWidth(i), b.getSheetName() + " width " + i);
            }
            assertEquals(b.getCellComments().keySet(), a.getCellComments().keySet());
            for (CellAddress at : b.getCellComments().keySet()) {
                assertEquals(b.getCellComment(at).getString().getString(), a.getCellComment(at).getString().getString());
            }
        }
    }

    static XSSFWorkbook open(Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }

    static XSSFWorkbook open(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }
}
