package io.dailies.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dailies.core.TakeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @TempDir
    Path dir;

    @Test
    void oneRowPerShotWithTheFiveCriteriaAsColumnsAndReasonsForEmptyOnes() throws Exception {
        List<TakeResult.Criterion> criteria = List.of(
                new TakeResult.Criterion("Prompt adherence", 92, null),
                new TakeResult.Criterion("Motion quality", 81, "slight flicker"),
                new TakeResult.Criterion("Physical realism", null, "needs a judge model (off by default)"),
                new TakeResult.Criterion("Continuity", 77, null),
                new TakeResult.Criterion("Audio sync", 100, null));
        TakeResult row = new TakeResult("Castle", "C-01", "A wide shot of a castle at dawn.", "video_1", "SCORED",
                "/data/takes/c01.mp4", criteria, 87, "ACCEPT", "Motion quality: slight flicker");
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("Project", "The Queen's Court");
        Path file = dir.resolve("report.xlsx");

        RunReport.write(file, List.of(row), summary);

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet takes = wb.getSheet(RunReport.SHEET);
            assertEquals(0, wb.getSheetIndex(takes), "the takes come first");
            Row header = takes.getRow(0);
            assertEquals(RunReport.HEADERS.size(), header.getLastCellNum());
            assertEquals("Prompt adherence", header.getCell(6).getStringCellValue());
            assertEquals("Audio sync", header.getCell(10).getStringCellValue());
            Row r = takes.getRow(1);
            assertEquals("Castle", r.getCell(0).getStringCellValue());
            assertEquals("video_1", r.getCell(3).getStringCellValue());
            assertEquals(92, r.getCell(6).getNumericCellValue());
            assertEquals(CellType.BLANK, r.getCell(8).getCellType());
            assertEquals("needs a judge model (off by default)", r.getCell(8).getCellComment().getString().getString());
            assertNotNull(r.getCell(7).getCellComment());
            assertNull(r.getCell(6).getCellComment());
            assertEquals(87, r.getCell(11).getNumericCellValue());
            assertEquals("ACCEPT", r.getCell(12).getStringCellValue());
            assertEquals("The Queen's Court", wb.getSheet("Run").getRow(0).getCell(1).getStringCellValue());
        }
        assertEquals(List.of(file), Files.list(dir).toList(), "no partial file left behind");
    }

    @Test
    void eachTakeWithAThumbnailShowsItInTheLastColumn() throws Exception {
        List<TakeResult.Criterion> none = List.of();
        TakeResult withFrame = new TakeResult("Castle", "C-01", "p", "video_1", "SCORED", "takes/c01.mp4", none, 90, "ACCEPT", "");
        TakeResult failed = new TakeResult("Castle", "C-02", "p", null, "FAILED", null, none, null, null, "moderation");
        Path jpeg = dir.resolve("c01.jpg");
        java.awt.image.BufferedImage frame = new java.awt.image.BufferedImage(64, 36, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(frame, "jpg", jpeg.toFile());
        Path file = dir.resolve("report.xlsx");

        RunReport.write(file, List.of(withFrame, failed), true, () -> Map.of("Run", "1"), null,
                row -> row.takeFile() == null ? null : jpeg);

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            org.apache.poi.xssf.usermodel.XSSFSheet takes = wb.getSheet(RunReport.SHEET);
            int column = RunReport.HEADERS.indexOf(RunReport.THUMBNAIL);
            assertEquals(RunReport.THUMBNAIL, takes.getRow(0).getCell(column).getStringCellValue());
            List<org.apache.poi.xssf.usermodel.XSSFPicture> pictures = takes.getDrawingPatriarch().getShapes().stream()
                    .filter(org.apache.poi.xssf.usermodel.XSSFPicture.class::isInstance)
                    .map(org.apache.poi.xssf.usermodel.XSSFPicture.class::cast).toList();
            assertEquals(1, pictures.size(), "the failed take has no frame");
            assertEquals(column, pictures.get(0).getClientAnchor().getCol1());
            assertEquals(1, pictures.get(0).getClientAnchor().getRow1());
            assertEquals(Files.size(jpeg), pictures.get(0).getPictureData().getData().length);
        }
    }
}
