package io.dailies.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.prompt.PromptCompiler;
import io.dailies.prompt.ShotPillars;
import io.dailies.report.ReportRow;
import io.dailies.report.RunReport;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end: the sample workbook in, every shot rendered through the built-in
 * emulator over HTTP, downloaded, measured and scored, and the report read back with POI cell by cell.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RenderRunIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @Test
    void sampleRunCompletesAndItsReportCarriesAVideoAndMeasuredScoresForEveryShot() throws Exception {
        DailiesClient api = new DailiesClient(base);
        JsonObject imported = api.importShotlist("sample-shot-list.xlsx", TestWorkbooks.sample(), "Run " + UUID.randomUUID());
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        long projectId = imported.getJsonNumber("projectId").longValue();
        JsonArray shots = api.get("api/projects/" + projectId + "/shots").array();

        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs", null, new byte[0]);
        assertEquals(202, started.status(), started.body());
        long runId = started.json().getJsonNumber("id").longValue();

        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals(shots.size(), run.getInt("total"));
        assertEquals(shots.size(), run.getInt("done"));
        assertEquals(shots.size(), run.getJsonObject("takes").getInt("SCORED"), run.toString());

        DailiesClient.Answer report = api.get("api/runs/" + runId + "/report");
        assertEquals(200, report.status(), report.body());
        assertTrue(report.contentType().startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.bytes()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals(RunReport.SHEET, sheet.getSheetName());
            Row header = sheet.getRow(0);
            for (int c = 0; c < RunReport.HEADERS.size(); c++) {
                assertEquals(RunReport.HEADERS.get(c), header.getCell(c).getStringCellValue());
            }
            assertEquals(ReportRow.CRITERIA, RunReport.HEADERS.subList(6, 11), "the guide's five criteria, in its order");
            assertEquals(shots.size(), sheet.getLastRowNum(), "one row per shot");
            for (int i = 0; i < shots.size(); i++) {
                checkRow(api, shots.getJsonObject(i), sheet.getRow(i + 1));
            }
        }
    }

    private static void checkRow(DailiesClient api, JsonObject shot, Row row) throws Exception {
        String where = "report row " + (row.getRowNum() + 1) + " (" + shot.getString("sequence") + "/" + shot.getString("shot") + ")";
        assertEquals(shot.getString("sequence"), text(row, 0), where);
        assertEquals(shot.getString("shot"), text(row, 1), where);
        String expectedPrompt = PromptCompiler.compile(new ShotPillars(shot.getString("subjectAction", null),
                shot.getString("cameraMovement", null), shot.getString("settingTime", null), shot.getString("lightingPalette", null),
                shot.getString("styleTechnical", null), shot.getString("dialogue", null))).text();
        assertEquals(expectedPrompt, text(row, 2), where);

        String videoId = text(row, 3);
        assertTrue(videoId.startsWith("video_"), where + ": " + videoId);
        JsonObject video = api.get("emulator/v1/videos/" + videoId).json();
        assertEquals("completed", video.getString("status"), where);
        assertEquals(expectedPrompt, video.getString("prompt"), where);
        assertEquals(shot.getString("size"), video.getString("size"), where);
        assertEquals(Integer.toString(shot.getInt("seconds")), video.getString("seconds"), where);

        assertEquals("SCORED", text(row, 4), where);
        Path take = Path.of(text(row, 5));
        assertTrue(Files.size(take) > 10_000, where + ": the take file is stored: " + take);
        byte[] fromProvider = api.get("emulator/v1/videos/" + videoId + "/content").bytes();
        assertEquals(sha256(fromProvider), sha256(Files.readAllBytes(take)), where + ": the stored take is the provider's file");

        for (int c : new int[] {6, 7, 10}) { // prompt adherence, motion quality, audio sync: measured on the decoded MP4
            Cell cell = row.getCell(c);
            assertEquals(CellType.NUMERIC, cell.getCellType(), where + ": " + RunReport.HEADERS.get(c) + " is measured");
            double score = cell.getNumericCellValue();
            assertTrue(score >= 0 && score <= 100, where + ": " + score);
        }
        Cell physical = row.getCell(8);
        assertTrue(physical == null || physical.getCellType() == CellType.BLANK, where + ": physical realism is not faked");
        assertNotNull(physical.getCellComment(), where + ": an empty criterion says why");
        assertFalse(physical.getCellComment().getString().getString().isBlank());
        Cell continuity = row.getCell(9);
        assertEquals(CellType.NUMERIC, continuity.getCellType(), where + ": continuity across the sequence's cuts is measured");
        assertEquals(CellType.NUMERIC, row.getCell(11).getCellType(), where + ": overall");
        assertEquals("ACCEPT", text(row, 12), where + ": the emulator's clean takes pass; notes: " + text(row, 13));
        assertNull(row.getCell(14), where + ": nothing beyond the Notes column");
    }

    private static String text(Row row, int column) {
        Cell c = row.getCell(column);
        return c == null ? "" : c.getStringCellValue();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
