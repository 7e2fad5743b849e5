package io.dailies.report.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.shotlist.sheet.DailiesColumns;
import io.dailies.shotlist.sheet.HostileWorkbooks;
import io.dailies.shotlist.sheet.RawShotRow;
import io.dailies.shotlist.sheet.SafeWorkbook;
import io.dailies.shotlist.sheet.ShotColumn;
import io.dailies.shotlist.sheet.ShotSheetFormatException;
import io.dailies.shotlist.sheet.ShotSheetReader;
import io.dailies.shotlist.sheet.TestWorkbooks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkbookWriteBackTest {

    @TempDir
    Path dir;

    /** Below the size that is loaded whole, and streamed: the tests run both ways. */
    static final long IN_MEMORY = SafeWorkbook.IN_MEMORY_BYTES;
    static final long STREAMED = 0;

    @Test
    void writesBackIntoTheProducersWorkbookAndUpdatesInPlace() throws Exception {
        writesBackAndUpdates(IN_MEMORY, IN_MEMORY);
    }

    /**
     * The same write-backs, streaming: every assertion of the in-place path holds (the producer's cells, styles,
     * heights and widths untouched; Dailies' columns, values, comments, thumbnail and summary), except that the
     * console link is a HYPERLINK formula; and each way updates a workbook the other way wrote.
     */
    @ParameterizedTest
    @CsvSource({"0, 0", "0, " + SafeWorkbook.IN_MEMORY_BYTES, SafeWorkbook.IN_MEMORY_BYTES + ", 0"})
    void writesBackStreamingTheSameWay(long first, long second) throws Exception {
        writesBackAndUpdates(first, second);
    }

    private void writesBackAndUpdates(long firstLimit, long secondLimit) throws Exception {
        Path producers = producersWorkbook();
        List<RawShotRow> shots = shots(producers);
        Path jpeg = dir.resolve("take.jpg");
        ImageIO.write(new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB), "jpg", jpeg.toFile());

        List<ShotResult> results = new ArrayList<>();
        for (int i = 0; i < shots.size(); i++) {
            RawShotRow s = shots.get(i);
            boolean first = i == 0;
            results.add(new ShotResult(s.value(ShotColumn.SEQUENCE), s.value(ShotColumn.SHOT),
                    i % 3 == 0 ? "selected" : "review", i + 1, "T" + (i + 1), "video_" + i,
                    new BigDecimal("0.40").multiply(BigDecimal.valueOf(i + 1)), 80, 70, 60, 90,
                    first ? null : 75, i * 7 % 101, i % 2 == 0 ? "accept" : "retake", "note " + i,
                    first ? jpeg : null, "https://dailies.example/shots/" + i,
                    first ? Map.of(DailiesColumns.AUDIO_SYNC, "The take has no audio track") : Map.of()));
        }
        results.add(new ShotResult("Nowhere", "X-99", "selected", 1, null, null, BigDecimal.ONE,
                null, null, null, null, null, null, null, null, null, null, null));
        Path out = dir.resolve("out.xlsx");
        Summary summary = new Summary("The Queen's Court", new BigDecimal("100.00"), "USD", Instant.parse("2026-03-14T10:00:00Z"));

        WorkbookWriteBack.writeBack(producers, out, results, summary, firstLimit);

        int headerRow = 2; // the sample's header is on Excel row 3
        try (XSSFWorkbook before = open(producers); XSSFWorkbook after = open(out)) {
            assertEquals(before.getNumberOfSheets() + 1, after.getNumberOfSheets());
            assertProducersContentUnchanged(before, after);

            XSSFSheet shotsSheet = after.getSheet("Shots");
            XSSFRow header = shotsSheet.getRow(headerRow);
            int producerLast = before.getSheet("Shots").getRow(headerRow).getLastCellNum() - 1;
            Map<String, Integer> col = headers(header);
            assertEquals(producerLast + 1, col.get(DailiesColumns.STATUS));
            assertEquals(producerLast + DailiesColumns.COLUMNS.size(), col.get(DailiesColumns.CONSOLE_LINK));

            for (int i = 0; i < shots.size(); i++) {
                XSSFRow row = shotsSheet.getRow(shots.get(i).row() - 1);
                assertEquals(i % 3 == 0 ? "selected" : "review", row.getCell(col.get("Status")).getStringCellValue());
                assertEquals(i + 1, (int) row.getCell(col.get("Takes")).getNumericCellValue());
                assertEquals("video_" + i, row.getCell(col.get("Video id")).getStringCellValue());
                assertEquals(0.4 * (i + 1), row.getCell(col.get("Cost")).getNumericCellValue(), 1e-9);
                assertEquals(i * 7 % 101, (int) row.getCell(col.get("Overall")).getNumericCellValue());
                assertLink("https://dailies.example/shots/" + i, row.getCell(col.get("Console link")), firstLimit);
            }
            XSSFCell noAudio = shotsSheet.getRow(shots.get(0).row() - 1).getCell(col.get("Audio sync"));
            assertEquals("", noAudio.toString());
            assertEquals("The take has no audio track", noAudio.getCellComment().getString().getString());
            assertEquals(1, pictures(shotsSheet, col.get("Thumbnail")));

            XSSFSheet dailies = after.getSheet(DailiesColumns.SUMMARY_SHEET);
            assertNotNull(dailies);
            assertEquals(1, dailies.getDrawingPatriarch().getCharts().size());
            String text = sheetText(dailies);
            assertTrue(text.contains("Budget|100.0"), text);
            assertTrue(text.contains("Not in the shot list"), text);
            assertTrue(text.contains("Nowhere|X-99"), text);
        }

        // Re-importing the written-back workbook reads the Dailies columns as extras, not as shot columns.
        try (ShotSheetReader reader = ShotSheetReader.open(out)) {
            assertEquals(ShotColumn.values().length, reader.columnLetters().size());
            assertTrue(reader.extraHeaders().containsAll(DailiesColumns.COLUMNS), reader.extraHeaders().toString());
        }

        // Second write-back over the first: same columns, new values, one thumbnail, one summary sheet.
        List<ShotResult> again = new ArrayList<>();
        for (ShotResult r : results) {
            again.add(new ShotResult(r.sequence(), r.shot(), "final", r.takes(), r.selectedTake(), r.videoId(), r.cost(),
                    r.promptAdherence(), r.motionQuality(), r.physicalRealism(), r.continuity(), 50, r.overall(),
                    r.verdict(), r.notes(), r.thumbnail(), r.consoleLink(), Map.of()));
        }
        Path out2 = dir.resolve("out2.xlsx");
        WorkbookWriteBack.writeBack(out, out2, again, summary, secondLimit);
        try (XSSFWorkbook first = open(out); XSSFWorkbook second = open(out2); XSSFWorkbook producer = open(producers)) {
            assertEquals(first.getNumberOfSheets(), second.getNumberOfSheets());
            assertProducersContentUnchanged(producer, second);
            XSSFSheet shotsSheet = second.getSheet("Shots");
            Map<String, Integer> col = headers(shotsSheet.getRow(headerRow));
            assertEquals(headers(first.getSheet("Shots").getRow(headerRow)), col);
            assertEquals(first.getSheet("Shots").getRow(headerRow).getLastCellNum(), shotsSheet.getRow(headerRow).getLastCellNum());
            XSSFRow row = shotsSheet.getRow(shots.get(0).row() - 1);
            assertEquals("final", row.getCell(col.get("Status")).getStringCellValue());
            assertEquals(50, (int) row.getCell(col.get("Audio sync")).getNumericCellValue());
            assertNull(row.getCell(col.get("Audio sync")).getCellComment());
            assertEquals(1, pictures(shotsSheet, col.get("Thumbnail")));
            assertEquals(1, second.getSheet(DailiesColumns.SUMMARY_SHEET).getDrawingPatriarch().getCharts().size());
            for (int i = 0; i < shots.size(); i++) {
                XSSFCell link = shotsSheet.getRow(shots.get(i).row() - 1).getCell(col.get("Console link"));
                assertLink("https://dailies.example/shots/" + i, link, secondLimit);
                if (secondLimit == STREAMED) {
                    assertNull(link.getHyperlink(), "a link the first write-back made is replaced, not doubled");
                }
            }
            assertEquals(secondLimit == STREAMED ? 0 : shots.size(), shotsSheet.getHyperlinkList().size());
        }
    }

    @Test
    void aBigWorkbookIsStreamedAndOnlyItsFirstShotsGetCommentsAndThumbnails() throws Exception {
        int n = WorkbookWriteBack.STREAMED_EXTRAS + 50;
        Path producers = TestWorkbooks.write(dir, "big.xlsx", TestWorkbooks.shots(n));
        Path jpeg = dir.resolve("take.jpg");
        ImageIO.write(new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB), "jpg", jpeg.toFile());
        List<ShotResult> results = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            results.add(new ShotResult("Castle", String.format("SC1-%02d", i), "SCORED", 1, "take " + i, "video_" + i,
                    BigDecimal.ONE, 80, 70, null, 90, 60, 75, "ACCEPT", "Physical realism: needs a judge model", jpeg,
                    "https://dailies.example/api/runs/1/takes", Map.of(DailiesColumns.PHYSICAL_REALISM, "needs a judge model")));
        }
        Path out = dir.resolve("big-out.xlsx");
        // the default limit: a 2,050-row shot list is loaded whole...
        assertTrue(SafeWorkbook.check(producers).inflatedBytes() < SafeWorkbook.IN_MEMORY_BYTES);
        WorkbookWriteBack.writeBack(producers, out, results, null, STREAMED);
        try (XSSFWorkbook wb = open(out)) {
            XSSFSheet sheet = wb.getSheet("Shots");
            Map<String, Integer> col = headers(sheet.getRow(0));
            assertEquals(WorkbookWriteBack.STREAMED_EXTRAS, sheet.getCellComments().size(), "a comment per shot, for the first shots");
            assertEquals(WorkbookWriteBack.STREAMED_EXTRAS, pictures(sheet, col.get(DailiesColumns.THUMBNAIL)));
            XSSFRow last = sheet.getRow(n);
            assertEquals("video_" + n, last.getCell(col.get(DailiesColumns.VIDEO_ID)).getStringCellValue());
            assertEquals("Physical realism: needs a judge model", last.getCell(col.get(DailiesColumns.NOTES)).getStringCellValue(),
                    "the reason is in the Notes column for every shot");
            assertNull(last.getCell(col.get(DailiesColumns.PHYSICAL_REALISM)).getCellComment());
            assertLink("https://dailies.example/api/runs/1/takes", last.getCell(col.get(DailiesColumns.CONSOLE_LINK)), STREAMED);
            assertNotNull(sheet.getRow(1).getCell(col.get(DailiesColumns.PHYSICAL_REALISM)).getCellComment());
        }
    }

    @Test
    void aHostileWorkbookIsNeverWrittenBack() throws Exception {
        Path hostile = TestWorkbooks.write(dir, "hostile.xlsx", HostileWorkbooks.doctypeAfterComments(TestWorkbooks.sample(), 6_000));
        for (long limit : new long[]{IN_MEMORY, STREAMED}) {
            ShotSheetFormatException e = assertThrows(ShotSheetFormatException.class,
                    () -> WorkbookWriteBack.writeBack(hostile, dir.resolve("never.xlsx"), List.of(), null, limit));
            assertTrue(e.issues().get(0).message().contains("DOCTYPE"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("never.xlsx")));
        }
    }

    private static void assertLink(String url, XSSFCell cell, long limit) {
        if (limit == STREAMED) {
            assertEquals("HYPERLINK(\"" + url + "\",\"Open in Dailies\")", cell.getCellFormula());
            assertEquals("Open in Dailies", cell.getStringCellValue());
        } else {
            assertEquals(url, cell.getHyperlink().getAddress());
            assertEquals("Open in Dailies", cell.getStringCellValue());
        }
    }

    /** The sample workbook with an extra producer column and a second sheet. */
    private Path producersWorkbook() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(TestWorkbooks.sample()))) {
            XSSFSheet shots = wb.getSheet("Shots");
            XSSFRow header = shots.getRow(2);
            int extra = header.getLastCellNum();
            header.createCell(extra).setCellValue("Wardrobe");
            header.getCell(extra).setCellStyle(header.getCell(0).getCellStyle());
            shots.setColumnWidth(extra, 5000);
            shots.getRow(3).createCell(extra).setCellValue("crown");
            XSSFSheet other = wb.createSheet("Budget notes");
            other.createRow(0).createCell(0).setCellValue("Approved by");
            other.getRow(0).createCell(1).setCellValue(1234.5);
            other.setColumnWidth(0, 7000);
            Path p = dir.resolve("producer.xlsx");
            try (OutputStream os = Files.newOutputStream(p)) {
                wb.write(os);
            }
            return p;
        }
    }

    private static List<RawShotRow> shots(Path file) throws Exception {
        List<RawShotRow> rows = new ArrayList<>();
        try (ShotSheetReader reader = ShotSheetReader.open(file)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static void assertProducersContentUnchanged(XSSFWorkbook before, XSSFWorkbook after) {
        for (int s = 0; s < before.getNumberOfSheets(); s++) {
            XSSFSheet b = before.getSheetAt(s);
            XSSFSheet a = after.getSheetAt(s);
            assertEquals(b.getSheetName(), a.getSheetName());
            int lastCol = 0;
            for (Row row : b) {
                lastCol = Math.max(lastCol, row.getLastCellNum());
                for (Cell c : row) {
                    XSSFCell ac = a.getRow(row.getRowNum()).getCell(c.getColumnIndex());
                    String where = b.getSheetName() + "!" + c.getAddress();
                    assertEquals(c.toString(), ac.toString(), where);
                    assertEquals(c.getCellStyle().getIndex(), ac.getCellStyle().getIndex(), where);
                    assertEquals(((XSSFCell) c).getCellStyle().getCoreXf().toString(), ac.getCellStyle().getCoreXf().toString(), where);
                }
                assertEquals(row.getHeight(), a.getRow(row.getRowNum()).getHeight(), "height " + row.getRowNum());
            }
            for (int i = 0; i < lastCol; i++) {
                assertEquals(b.getColumnWidth(i), a.getColumnWidth(i), b.getSheetName() + " width " + i);
            }
        }
    }

    private static Map<String, Integer> headers(XSSFRow header) {
        Map<String, Integer> col = new HashMap<>();
        for (Cell c : header) {
            col.merge(c.toString(), c.getColumnIndex(), (x, y) -> {
                throw new AssertionError("header twice: " + c);
            });
        }
        return col;
    }

    private static int pictures(XSSFSheet sheet, int column) {
        int n = 0;
        for (XSSFShape shape : sheet.getDrawingPatriarch().getShapes()) {
            if (shape instanceof XSSFPicture p && p.getClientAnchor().getCol1() == column) {
                n++;
            }
        }
        return n;
    }

    private static String sheetText(XSSFSheet sheet) {
        StringBuilder sb = new StringBuilder();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            row.forEach(c -> cells.add(c.toString()));
            sb.append(String.join("|", cells)).append('\n');
        }
        return sb.toString();
    }

    private static XSSFWorkbook open(Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }
}
