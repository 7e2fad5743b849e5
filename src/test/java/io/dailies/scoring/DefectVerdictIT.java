package io.dailies.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.report.RunReport;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run through the server whose takes the emulator renders with defects, asked for through its control
 * API and by a marker in the prompt: each defective take ends with the verdict its defect deserves, in
 * the API and in the report, and the clean take is accepted. The scorer and the emulator share no code,
 * so the defect is measured, not agreed upon.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DefectVerdictIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @AfterEach
    void clearDefects() {
        new DailiesClient(base).delete("emulator/v1/control/defects");
    }

    @Test
    void aRunWithInjectedDefectsEndsWithTheMatchingVerdictsInItsReport() throws Exception {
        DailiesClient api = new DailiesClient(base);
        String token = UUID.randomUUID().toString().substring(0, 8);
        byte[] workbook = TestWorkbooks.shotsWithActions(
                "The queen takes four steps to the window and pulls the curtain in the final second.",
                "The guard " + token + " flickers candles along the hall, then stops at the door in the final second.",
                "The herald " + token + " reads the proclamation aloud and rolls the scroll in the final second.",
                "The jester " + token + " juggles three oranges and bows in the final second. [[defect: frozen frames]]");
        // Two defects through the control API, matched by a piece of their prompt; the third by the marker above.
        DailiesClient.Answer set = api.put("emulator/v1/control/defects", "{\"rules\":["
                + "{\"prompt_contains\":\"guard " + token + "\",\"defects\":[\"shake\"]},"
                + "{\"prompt_contains\":\"herald " + token + "\",\"defects\":[\"silent\"]}]}");
        assertEquals(200, set.status(), set.body());

        JsonObject imported = api.importShotlist("defects.xlsx", workbook, "Defects " + token);
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        long projectId = imported.getJsonNumber("projectId").longValue();
        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs?mode=sync", null, new byte[0]);
        assertEquals(202, started.status(), started.body());
        long runId = started.json().getJsonNumber("id").longValue();
        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5));
        assertEquals("COMPLETED", run.getString("status"), run.toString());

        // The faults fired: each control rule was applied to exactly one generation.
        JsonArray rules = api.get("emulator/v1/control/defects").json().getJsonArray("rules");
        assertEquals(1, rules.getJsonObject(0).getInt("applied"), rules.toString());
        assertEquals(1, rules.getJsonObject(1).getInt("applied"), rules.toString());

        Map<String, JsonObject> takes = new HashMap<>();
        for (JsonObject t : api.get("api/runs/" + runId + "/takes").array().getValuesAs(JsonObject.class)) {
            takes.put(t.getString("shot"), t);
        }
        assertEquals("ACCEPT", takes.get("SC1-01").getString("verdict"), takes.get("SC1-01").toString());
        assertEquals("RETAKE", takes.get("SC1-02").getString("verdict"), "a shaking camera: " + takes.get("SC1-02"));
        assertEquals("RETAKE", takes.get("SC1-03").getString("verdict"), "a silent take: " + takes.get("SC1-03"));
        assertEquals("RETAKE", takes.get("SC1-04").getString("verdict"), "a frozen picture: " + takes.get("SC1-04"));
        assertTrue(takes.get("SC1-02").getJsonObject("score").getInt("motionQuality") < 70, takes.get("SC1-02").toString());
        assertTrue(takes.get("SC1-03").getJsonObject("score").getInt("audioSync") < 70, takes.get("SC1-03").toString());
        assertTrue(takes.get("SC1-04").getJsonObject("score").getInt("motionQuality") < 70, takes.get("SC1-04").toString());

        // The report says the same, with the failed check in the notes.
        DailiesClient.Answer report = api.get("api/runs/" + runId + "/report");
        assertEquals(200, report.status(), report.body());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.bytes()))) {
            Sheet sheet = wb.getSheet(RunReport.SHEET);
            int shotColumn = RunReport.HEADERS.indexOf("Shot");
            int verdictColumn = RunReport.HEADERS.indexOf("Verdict");
            int notesColumn = RunReport.HEADERS.indexOf("Notes");
            Map<String, Row> rows = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                rows.put(sheet.getRow(r).getCell(shotColumn).getStringCellValue(), sheet.getRow(r));
            }
            assertEquals("ACCEPT", rows.get("SC1-01").getCell(verdictColumn).getStringCellValue());
            assertEquals("RETAKE", rows.get("SC1-02").getCell(verdictColumn).getStringCellValue());
            assertTrue(rows.get("SC1-02").getCell(notesColumn).getStringCellValue().contains("camera shake"),
                    rows.get("SC1-02").getCell(notesColumn).getStringCellValue());
            assertEquals("RETAKE", rows.get("SC1-03").getCell(verdictColumn).getStringCellValue());
            assertTrue(rows.get("SC1-03").getCell(notesColumn).getStringCellValue().contains("silence"),
                    rows.get("SC1-03").getCell(notesColumn).getStringCellValue());
            assertEquals("RETAKE", rows.get("SC1-04").getCell(verdictColumn).getStringCellValue());
            assertTrue(rows.get("SC1-04").getCell(notesColumn).getStringCellValue().contains("frozen frames"),
                    rows.get("SC1-04").getCell(notesColumn).getStringCellValue());
        }
    }
}
