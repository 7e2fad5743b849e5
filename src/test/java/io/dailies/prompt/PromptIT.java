package io.dailies.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Prompts as the server compiles, lints, versions and revises them, and weak rows stopped before a cent is spent. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PromptIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @Test
    void importedShotsCarryTheGoldenPromptsAndACharacterEditChangesExactlyTheShotsThatNameThem() throws Exception {
        DailiesClient api = new DailiesClient(base);
        String project = "Prompts " + UUID.randomUUID();
        JsonObject first = api.importShotlist("sample-shot-list.xlsx", TestWorkbooks.sample(), project);
        assertEquals("COMPLETED", first.getString("status"), first.toString());
        long projectId = first.getJsonNumber("projectId").longValue();
        Map<String, JsonObject> before = byShot(api.get("api/projects/" + projectId + "/shots").array());
        for (JsonObject shot : before.values()) {
            String label = shot.getString("sequence") + "-" + shot.getString("shot");
            assertEquals(golden(label), shot.getString("prompt"), label + " compiles to its golden prompt");
            assertEquals(1, shot.getInt("promptVersion"));
            assertEquals(0, shot.getInt("lintErrors"), label + ": " + shot.getJsonArray("lint"));
        }

        byte[] edited = editCharacter(TestWorkbooks.sample(), "queen", "a woman in her sixties with a white lace veil, an emerald gown and a gold signet ring");
        JsonObject second = api.importShotlist("sample-shot-list.xlsx", edited, project);
        assertEquals("COMPLETED", second.getString("status"), second.toString());
        Map<String, JsonObject> after = byShot(api.get("api/projects/" + projectId + "/shots").array());
        int changed = 0;
        for (Map.Entry<String, JsonObject> e : after.entrySet()) {
            String oldPrompt = before.get(e.getKey()).getString("prompt");
            String newPrompt = e.getValue().getString("prompt");
            boolean namesTheQueen = oldPrompt.toLowerCase(Locale.ROOT).contains("queen");
            if (namesTheQueen) {
                changed++;
                assertNotEquals(oldPrompt, newPrompt, e.getKey() + " names the queen");
                assertTrue(newPrompt.contains("a white lace veil, an emerald gown and a gold signet ring"), newPrompt);
                assertEquals(2, e.getValue().getInt("promptVersion"));
            } else {
                assertEquals(oldPrompt, newPrompt, e.getKey() + " does not name the queen");
                assertEquals(1, e.getValue().getInt("promptVersion"));
            }
        }
        assertTrue(changed >= 3, "the queen appears in several castle shots: " + changed);
    }

    @Test
    void aRetakeWithOneChangeMakesAVersionThatDiffersOnlyInThatElement() {
        DailiesClient api = new DailiesClient(base);
        JsonObject imported = api.importShotlist("sample-shot-list.xlsx", TestWorkbooks.sample(), "Retake " + UUID.randomUUID());
        long projectId = imported.getJsonNumber("projectId").longValue();
        JsonObject shot = api.get("api/projects/" + projectId + "/shots").array().getJsonObject(0);
        long shotId = shot.getJsonNumber("id").longValue();

        DailiesClient.Answer retake = api.postJson("api/shots/" + shotId + "/retakes", "{\"change\": \"same shot, switch to 85 mm\"}");
        assertEquals(201, retake.status(), retake.body());
        assertEquals(2, retake.json().getInt("version"));
        JsonObject diff = api.get("api/shots/" + shotId + "/prompts/diff?from=1&to=2").json();
        String[] lines = diff.getString("diff").split("\n");
        long removed = java.util.Arrays.stream(lines).filter(l -> l.startsWith("-")).count();
        long added = java.util.Arrays.stream(lines).filter(l -> l.startsWith("+")).count();
        assertEquals(1, removed, diff.getString("diff"));
        assertEquals(1, added, diff.getString("diff"));
        assertTrue(java.util.Arrays.stream(lines).filter(l -> l.startsWith("+")).findFirst().orElseThrow().contains("85"), diff.toString());

        JsonArray versions = api.get("api/shots/" + shotId + "/prompts").array();
        assertEquals(2, versions.size());
        assertTrue(versions.getJsonObject(1).getString("change").toLowerCase(Locale.ROOT).contains("lens"), versions.toString());
        assertEquals(400, api.postJson("api/shots/" + shotId + "/retakes", "{\"change\": \"make it better\"}").status());
        assertEquals(404, api.postJson("api/shots/987654321/retakes", "{\"change\": \"lens: 50mm\"}").status());
    }

    @Test
    void aShotWithLintErrorsIsStoppedBeforeSubmissionAndTheEstimateCountsSyncAndBatch() throws Exception {
        DailiesClient api = new DailiesClient(base);
        byte[] workbook = twoShots();
        JsonObject imported = api.importShotlist("two-shots.xlsx", workbook, "Lint " + UUID.randomUUID());
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        long projectId = imported.getJsonNumber("projectId").longValue();
        Map<String, JsonObject> shots = byShot(api.get("api/projects/" + projectId + "/shots").array());
        JsonObject bad = shots.get("Battlement-B-02");
        assertTrue(bad.getInt("lintErrors") > 0, bad.toString());
        assertTrue(bad.getJsonArray("lint").toString().contains("CAMERA-MULTIPLE-MOVES"), bad.getJsonArray("lint").toString());
        assertEquals(0, shots.get("Battlement-B-01").getInt("lintErrors"), shots.get("Battlement-B-01").toString());

        assertEquals(400, api.get("api/projects/" + projectId + "/estimate?takes=0").status());
        JsonObject estimate = api.get("api/projects/" + projectId + "/estimate").json();
        assertEquals(0, new BigDecimal("0.80").compareTo(estimate.getJsonNumber("totalSyncUsd").bigDecimalValue()), estimate.toString());
        assertEquals(0, new BigDecimal("0.40").compareTo(estimate.getJsonNumber("totalBatchUsd").bigDecimalValue()), estimate.toString());

        long createdBefore = api.get("emulator/v1/control/counters").json().getJsonNumber("videos_created").longValue();
        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs", null, new byte[0]);
        long runId = started.json().getJsonNumber("id").longValue();
        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(3));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        Map<String, JsonObject> takes = byShot(api.get("api/runs/" + runId + "/takes").array());
        JsonObject stopped = takes.get("Battlement-B-02");
        assertEquals("FAILED", stopped.getString("status"));
        assertTrue(stopped.isNull("videoId"), "never sent to the provider");
        assertTrue(stopped.getString("failure").contains("CAMERA-MULTIPLE-MOVES"), stopped.getString("failure"));
        assertEquals("SCORED", takes.get("Battlement-B-01").getString("status"));
        assertEquals(createdBefore + 1, api.get("emulator/v1/control/counters").json().getJsonNumber("videos_created").longValue(),
                "only the clean shot was paid for");
    }

    private static Map<String, JsonObject> byShot(JsonArray shots) {
        Map<String, JsonObject> map = new HashMap<>();
        for (JsonValue v : shots) {
            map.put(v.asJsonObject().getString("sequence") + "-" + v.asJsonObject().getString("shot"), v.asJsonObject());
        }
        return map;
    }

    private static String golden(String label) throws Exception {
        try (InputStream in = PromptIT.class.getResourceAsStream("/golden/prompts/" + label + ".txt")) {
            assertTrue(in != null, "golden file for " + label);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] editCharacter(byte[] workbook, String name, String description) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet characters = wb.getSheet("Characters");
            boolean found = false;
            for (Row row : characters) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().toLowerCase(Locale.ROOT).contains(name)) {
                    row.getCell(1).setCellValue(description);
                    found = true;
                }
            }
            assertTrue(found, "the sample's Characters sheet has " + name);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** One clean shot and one with three camera moves (4 s each, sora-2 at $0.10/s sync, $0.05/s batch). */
    private static byte[] twoShots() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet shots = wb.createSheet("Shots");
            String[][] rows = {
                    {"Sequence", "Shot", "Subject & Action", "Camera & Movement", "Setting & Time", "Lighting & Palette", "Style & Technical", "Model", "Size", "Seconds"},
                    {"Battlement", "B-01", "A raven lands on the stone battlement in two beats and folds its wings in the final second",
                            "Wide shot, eye level; locked tripod camera, no movement", "A castle battlement at dawn",
                            "Cold dawn light from camera left; Palette anchors: slate gray, pale blue, moss green",
                            "35mm lens at f/2.8, fine film grain", "sora-2", "1280x720", "4"},
                    {"Battlement", "B-02", "The raven takes off in the first second and circles the tower twice before landing in the final second",
                            "Slow dolly-in, then a fast pan left and a crane up over the wall", "A castle battlement at dawn",
                            "Cold dawn light from camera left; Palette anchors: slate gray, pale blue, moss green",
                            "35mm lens at f/2.8, fine film grain", "sora-2", "1280x720", "4"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = shots.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
