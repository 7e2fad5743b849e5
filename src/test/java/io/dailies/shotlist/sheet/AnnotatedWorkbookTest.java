package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnnotatedWorkbookTest {

    @TempDir
    Path dir;

    private static final int SECONDS_COL = ShotColumn.SECONDS.ordinal(); // K

    /** Loaded whole, and streamed (a limit of 0 bytes streams every workbook): the same marks. */
    @ParameterizedTest
    @ValueSource(longs = {SafeWorkbook.IN_MEMORY_BYTES, 0})
    void marksExactlyTheOffendingCell(long inMemoryBytes) throws Exception {
        byte[] original = TestWorkbooks.book().row((Object[]) TestWorkbooks.HEADERS)
                .row(TestWorkbooks.shot("Castle", "SC1-01", 4))
                .row(TestWorkbooks.shot("Castle", "SC1-02", "four"))
                .sheet("Notes").row("keep me", 42).bytes();
        Path file = TestWorkbooks.write(dir, "shots.xlsx", original);
        CellIssue issue = new CellIssue("Shots", TestWorkbooks.WRONG_TYPED_ROW, "K", "Seconds", "four",
                "Seconds must be a whole number such as 4 or 8");

        byte[] annotated = AnnotatedWorkbook.annotate(file, List.of(issue), inMemoryBytes);

        try (XSSFWorkbook before = new XSSFWorkbook(new ByteArrayInputStream(original));
             XSSFWorkbook after = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
            assertEquals(before.getNumberOfSheets(), after.getNumberOfSheets());
            assertEquals("Shots", after.getSheetName(0));
            XSSFCell red = after.getSheet("Shots").getRow(TestWorkbooks.WRONG_TYPED_ROW - 1).getCell(SECONDS_COL);
            assertEquals("four", red.getStringCellValue());
            XSSFCellStyle style = red.getCellStyle();
            assertEquals(FillPatternType.SOLID_FOREGROUND, style.getFillPattern());
            assertArrayEquals(AnnotatedWorkbook.FILL_RGB, style.getFillForegroundColorColor().getRGB());
            XSSFCellStyle was = before.getSheet("Shots").getRow(TestWorkbooks.WRONG_TYPED_ROW - 1).getCell(SECONDS_COL).getCellStyle();
            assertEquals(was.getFontIndex(), style.getFontIndex());
            assertEquals(was.getWrapText(), style.getWrapText());
            assertEquals(was.getDataFormat(), style.getDataFormat());
            assertNotNull(red.getCellComment());
            assertEquals("Dailies", red.getCellComment().getAuthor());
            assertTrue(red.getCellComment().getString().getString().contains("whole number"));

            // every other cell of every sheet: same value, same style, no comment
            for (int s = 0; s < before.getNumberOfSheets(); s++) {
                XSSFSheet b = before.getSheetAt(s);
                XSSFSheet a = after.getSheet(b.getSheetName());
                assertEquals(b.getLastRowNum(), a.getLastRowNum());
                for (Row row : b) {
                    for (Cell c : row) {
                        XSSFCell ac = a.getRow(row.getRowNum()).getCell(c.getColumnIndex());
                        assertEquals(c.toString(), ac.toString());
                        if (ac == red || (s == 0 && row.getRowNum() == TestWorkbooks.WRONG_TYPED_ROW - 1 && c.getColumnIndex() == SECONDS_COL)) {
                            continue;
                        }
                        assertEquals(c.getCellStyle().getIndex(), ac.getCellStyle().getIndex(), "style of " + ac.getAddress());
                        assertEquals(FillPatternType.NO_FILL, ac.getCellStyle().getFillPattern());
                        assertNull(ac.getCellComment(), "comment on " + ac.getAddress());
                    }
                }
            }
        }
    }

    @Test
    void aBigWorkbookGetsItsFirstIssuesMarkedAndAllListed() throws Exception {
        int n = AnnotatedWorkbook.STREAMED_MARKS + 20;
        Path file = TestWorkbooks.write(dir, "big.xlsx", TestWorkbooks.shots(n));
        List<CellIssue> issues = new java.util.ArrayList<>();
        for (int row = 2; row <= n + 1; row++) {
            issues.add(new CellIssue("Shots", row, "K", "Seconds", "4", "Seconds must be 8 here (row " + row + ")"));
        }
        byte[] annotated = AnnotatedWorkbook.annotate(file, issues, 0);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
            assertEquals(AnnotatedWorkbook.ISSUES_SHEET, wb.getSheetName(0), "the issues past the marked ones are listed");
            assertEquals(n, wb.getSheetAt(0).getLastRowNum());
            XSSFSheet shots = wb.getSheet("Shots");
            assertEquals(AnnotatedWorkbook.STREAMED_MARKS, shots.getCellComments().size());
            XSSFCell marked = shots.getRow(AnnotatedWorkbook.STREAMED_MARKS).getCell(SECONDS_COL);
            assertEquals(FillPatternType.SOLID_FOREGROUND, marked.getCellStyle().getFillPattern());
            assertEquals(4, marked.getNumericCellValue(), "a marked cell keeps its value");
            XSSFCell past = shots.getRow(n).getCell(SECONDS_COL);
            assertEquals(FillPatternType.NO_FILL, past.getCellStyle().getFillPattern());
            assertNull(past.getCellComment());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {SafeWorkbook.IN_MEMORY_BYTES, 0})
    void createsMissingCellsAndListsWorkbookIssuesOnAFirstSheet(long inMemoryBytes) throws Exception {
        Path file = TestWorkbooks.write(dir, "shots.xlsx", TestWorkbooks.wrongTypedCell());
        List<CellIssue> issues = List.of(
                new CellIssue("Shots", 9, "C", "Subject & Action", null, "Subject & Action is blank"),
                new CellIssue("Shots", 9, "C", "Subject & Action", null, "Second problem on the same cell"),
                CellIssue.workbook("Shots", "Missing required column 'Shot'"));

        byte[] annotated = AnnotatedWorkbook.annotate(file, issues, inMemoryBytes);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
            assertEquals(AnnotatedWorkbook.ISSUES_SHEET, wb.getSheetName(0));
            assertEquals(0, wb.getActiveSheetIndex());
            assertEquals("Shots", wb.getSheetName(1));
            XSSFSheet list = wb.getSheetAt(0);
            assertEquals("Message", list.getRow(0).getCell(5).getStringCellValue());
            assertEquals(3, list.getLastRowNum());
            assertEquals(9, (int) list.getRow(1).getCell(1).getNumericCellValue());
            assertEquals("Missing required column 'Shot'", list.getRow(3).getCell(5).getStringCellValue());

            XSSFCell created = wb.getSheet("Shots").getRow(8).getCell(2);
            assertNotNull(created);
            assertEquals(FillPatternType.SOLID_FOREGROUND, created.getCellStyle().getFillPattern());
            String comment = created.getCellComment().getString().getString();
            assertTrue(comment.contains("is blank") && comment.contains("Second problem"), comment);
        }
    }
}
