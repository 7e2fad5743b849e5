package io.dailies.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.shotlist.sheet.DailiesColumns;
import io.dailies.shotlist.sheet.ShotColumn;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The producer's own workbook, all the way round: a formatted shot list with a title, an extra column
 * of their own, a Settings sheet and an unrelated sheet is imported, rendered and written back; their
 * cells, styles and sheets come back unchanged beside Dailies' columns, and a verdict typed into the
 * written-back workbook becomes a review when it is imported again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkbookRoundTripIT {

    private static final String OWN_COLUMN = "Location notes";

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @Test
    void aFormattedWorkbookGoesRoundTripAndComesBackWithReviewsTypedIntoIt() throws Exception {
        DailiesClient api = new DailiesClient(base);
        String project = "Round trip " + UUID.randomUUID().toString().substring(0, 8);

        // A budget too small for the run first: the run is refused, naming the money.
        JsonObject tight = api.importShotlist("round-trip.xlsx", producerWorkbook(project, "1.00"));
        assertEquals("COMPLETED", tight.getString("status"), tight.toString());
        assertEquals(project, tight.getString("project"), "the Settings sheet names the project");
        long projectId = tight.getJsonNumber("projectId").longValue();
        assertEquals(1.0, api.get("api/projects/" + projectId).json().getJsonNumber("budgetUsd").doubleValue());
        DailiesClient.Answer refused = api.post("api/projects/" + projectId + "/runs?mode=sync", null, new byte[0]);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().getString("detail").contains("$1.00 budget"), refused.body());

        byte[] original = producerWorkbook(project, "10.00");
        JsonObject imported = api.importShotlist("round-trip.xlsx", original);
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        assertEquals(projectId, imported.getJsonNumber("projectId").longValue(), "re-import goes into the same project");
        JsonArray shots = api.get("api/projects/" + projectId + "/shots").array();
        assertEquals(3, shots.size());
        assertEquals(8, shots.getJsonObject(2).getInt("seconds"), "a blank Duration takes the Settings default");
        assertEquals("Car park, level 3", shots.getJsonObject(0).getJsonObject("producerColumns").getString(OWN_COLUMN),
                "the producer's own column is kept with the shot");

        long runId = api.post("api/projects/" + projectId + "/runs?mode=sync", null, new byte[0]).json().getJsonNumber("id").longValue();
        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals("sync", run.getString("mode"));
        Map<String, JsonObject> takes = new HashMap<>();
        for (JsonValue v : api.get("api/runs/" + runId + "/takes").array()) {
            takes.put(v.asJsonObject().getString("shot"), v.asJsonObject());
        }
        assertEquals(0.80, takes.get("RT-03").getJsonNumber("costUsd").doubleValue(), 1e-9, "8 s of sora-2 at $0.10");

        DailiesClient.Answer back = api.get("api/projects/" + projectId + "/workbook");
        assertEquals(200, back.status(), back.body());
        byte[] edited;
        try (XSSFWorkbook before = new XSSFWorkbook(new ByteArrayInputStream(original));
             XSSFWorkbook after = new XSSFWorkbook(new ByteArrayInputStream(back.bytes()))) {
            for (String sheet : new String[] {"Shots", "Settings", "Budget notes"}) {
                assertSameCells(before.getSheet(sheet), after.getSheet(sheet));
            }
            assertEquals(before.getSheet("Shots").getMergedRegions(), after.getSheet("Shots").getMergedRegions(), "the title stays merged");
            assertNotNull(after.getSheet(DailiesColumns.SUMMARY_SHEET));

            Sheet shotsSheet = after.getSheet("Shots");
            Map<String, Integer> col = header(shotsSheet.getRow(2));
            assertTrue(col.get(DailiesColumns.STATUS) > col.get(OWN_COLUMN), "Dailies' columns come after the producer's");
            for (int r = 3; r <= 5; r++) {
                Row row = shotsSheet.getRow(r);
                JsonObject take = takes.get(row.getCell(1).getStringCellValue());
                assertEquals("SCORED", row.getCell(col.get(DailiesColumns.STATUS)).getStringCellValue());
                assertEquals(take.getString("videoId"), row.getCell(col.get(DailiesColumns.VIDEO_ID)).getStringCellValue());
                assertEquals(take.getJsonNumber("costUsd").doubleValue(), row.getCell(col.get(DailiesColumns.COST)).getNumericCellValue(), 1e-9);
                assertEquals(take.getJsonObject("score").getInt("overall"),
                        (int) row.getCell(col.get(DailiesColumns.OVERALL)).getNumericCellValue());
                assertEquals(take.getString("verdict"), row.getCell(col.get(DailiesColumns.VERDICT)).getStringCellValue());
            }

            // The producer reviews in Excel: a verdict that differs from Dailies', and a note after Dailies' own.
            Row second = shotsSheet.getRow(4);
            String was = takes.get("RT-02").getString("verdict");
            String typed = "ACCEPT".equals(was) ? "retake" : "approved";
            second.getCell(col.get(DailiesColumns.VERDICT)).setCellValue(typed);
            Cell notes = second.getCell(col.get(DailiesColumns.NOTES));
            notes.setCellValue(notes.getStringCellValue() + "\nHair continuity is off against RT-01.");
            edited = bytes(after);
        }

        JsonObject reviewed = api.importShotlist("round-trip-reviewed.xlsx", edited);
        assertEquals("COMPLETED", reviewed.getString("status"), reviewed.toString());
        assertEquals(1, reviewed.getInt("reviewsRecorded"), reviewed.toString());
        assertEquals(0, reviewed.getInt("created"), "Dailies' own columns are not shots or producer columns");
        JsonObject take = null;
        for (JsonValue v : api.get("api/runs/" + runId + "/takes").array()) {
            if (v.asJsonObject().getString("shot").equals("RT-02")) {
                take = v.asJsonObject();
            }
        }
        String expected = "ACCEPT".equals(takes.get("RT-02").getString("verdict")) ? "RETAKE" : "ACCEPT";
        assertEquals(expected, take.getString("verdict"), "the reviewer's verdict wins: " + take);
        assertEquals("WORKBOOK", take.getJsonObject("review").getString("source"));
        assertEquals("Hair continuity is off against RT-01.", take.getJsonObject("review").getString("notes"));
        JsonObject kept = api.get("api/projects/" + projectId + "/shots").array().getJsonObject(0).getJsonObject("producerColumns");
        assertEquals(Set.of(OWN_COLUMN), kept.keySet(), "Dailies' columns are not stored as the producer's: " + kept);

        assertEquals(0, api.importShotlist("round-trip-reviewed.xlsx", edited).getInt("reviewsRecorded"),
                "the same workbook again records nothing new");

        // A verdict Dailies does not know is refused on its cell, and nothing changes.
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(edited))) {
            Row second = wb.getSheet("Shots").getRow(4);
            Map<String, Integer> col = header(wb.getSheet("Shots").getRow(2));
            second.getCell(col.get(DailiesColumns.VERDICT)).setCellValue("maybe later");
            JsonObject wrong = api.importShotlist("round-trip-wrong.xlsx", bytes(wb));
            assertEquals("REJECTED", wrong.getString("status"), wrong.toString());
            JsonObject issue = wrong.getJsonArray("issues").getJsonObject(0);
            assertEquals("Shots", issue.getString("sheet"));
            assertEquals(5, issue.getInt("row"));
            assertEquals(org.apache.poi.ss.util.CellReference.convertNumToColString(col.get(DailiesColumns.VERDICT)),
                    issue.getString("column"));
            assertEquals("maybe later", issue.getString("value"));
        }
    }

    /** Three shots under a merged title, an own column filled yellow, a Settings sheet and a sheet of notes. */
    private static byte[] producerWorkbook(String project, String budget) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet shots = wb.createSheet("Shots");
            XSSFCellStyle title = wb.createCellStyle();
            XSSFFont big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title.setFont(big);
            Cell t = shots.createRow(0).createCell(0);
            t.setCellValue("Nightfall — shot list v3");
            t.setCellStyle(title);
            shots.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            XSSFCellStyle yellow = wb.createCellStyle();
            yellow.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            yellow.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            String[] headers = {"Sequence", "Shot #", "Subject & Action", "Camera", "Setting & Time", "Lighting & Palette",
                    "Style", OWN_COLUMN, "Duration (s)"};
            Row h = shots.createRow(2);
            for (int c = 0; c < headers.length; c++) {
                h.createCell(c).setCellValue(headers[c]);
            }
            String[] locations = {"Car park, level 3", "Stairwell B", "Roof"};
            Integer[] seconds = {4, 4, null};
            for (int i = 0; i < 3; i++) {
                Object[] s = TestWorkbooks.shot("Garage", "RT-0" + (i + 1), 4);
                Row r = shots.createRow(3 + i);
                int[] from = {ShotColumn.SEQUENCE.ordinal(), ShotColumn.SHOT.ordinal(), ShotColumn.SUBJECT_ACTION.ordinal(),
                        ShotColumn.CAMERA_MOVEMENT.ordinal(), ShotColumn.SETTING_TIME.ordinal(), ShotColumn.LIGHTING_PALETTE.ordinal(),
                        ShotColumn.STYLE_TECHNICAL.ordinal()};
                for (int c = 0; c < from.length; c++) {
                    r.createCell(c).setCellValue(String.valueOf(s[from[c]]));
                }
                Cell own = r.createCell(7);
                own.setCellValue(locations[i]);
                own.setCellStyle(yellow);
                if (seconds[i] != null) {
                    r.createCell(8).setCellValue(seconds[i]);
                }
            }
            Sheet settings = wb.createSheet("Settings");
            Object[][] values = {{"Field", "Value"}, {"Project name", project}, {"Default model", "sora-2"},
                    {"Default size", "1280x720"}, {"Default seconds", 8}, {"Budget (USD)", Double.parseDouble(budget)}};
            for (int i = 0; i < values.length; i++) {
                Row r = settings.createRow(i);
                r.createCell(0).setCellValue(values[i][0].toString());
                if (values[i][1] instanceof Number n) {
                    r.createCell(1).setCellValue(n.doubleValue());
                } else {
                    r.createCell(1).setCellValue(values[i][1].toString());
                }
            }
            Sheet notes = wb.createSheet("Budget notes");
            XSSFCellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("$#,##0.00"));
            Row n = notes.createRow(0);
            n.createCell(0).setCellValue("Location fees");
            Cell fee = n.createCell(1);
            fee.setCellValue(1250.5);
            fee.setCellStyle(money);
            return bytes(wb);
        }
    }

    private static void assertSameCells(Sheet before, Sheet after) {
        assertNotNull(after, "sheet " + before.getSheetName() + " is kept");
        for (Row row : before) {
            for (Cell was : row) {
                Cell is = after.getRow(row.getRowNum()).getCell(was.getColumnIndex());
                String where = before.getSheetName() + "!" + was.getAddress();
                assertEquals(was.toString(), is.toString(), where);
                assertEquals(was.getCellStyle().getFillForegroundColor(), is.getCellStyle().getFillForegroundColor(), where);
                assertEquals(was.getCellStyle().getDataFormatString(), is.getCellStyle().getDataFormatString(), where);
                assertEquals(((XSSFCellStyle) was.getCellStyle()).getFont().getBold(), ((XSSFCellStyle) is.getCellStyle()).getFont().getBold(), where);
            }
        }
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> col = new HashMap<>();
        for (Cell c : row) {
            if (c.getCellType() == CellType.STRING) {
                col.putIfAbsent(c.getStringCellValue(), c.getColumnIndex());
            }
        }
        assertFalse(col.isEmpty());
        return col;
    }

    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    @SuppressWarnings("unused")
    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
