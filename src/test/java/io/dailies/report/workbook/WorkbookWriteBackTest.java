package io.dailies.report.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.shotlist.sheet.DailiesColumns;
import io.dailies.shotlist.sheet.RawShotRow;
import io.dailies.shotlist.sheet.ShotColumn;
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

class WorkbookWriteBackTest {

    @TempDir
    Path dir;

    @Test
    void writesBackIntoTheProducersWorkbookAndUpdatesInPlace() throws Exception {
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

        WorkbookWriteBack.writeBack(producers, out, results, summary);

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
                assertEquals("https://dailies.example/shots/" + i, row.getCell(col.get("Console link")).getHyperlink().getAddress());
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
        WorkbookWriteBack.writeBack(out, out2, again, summary);
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
