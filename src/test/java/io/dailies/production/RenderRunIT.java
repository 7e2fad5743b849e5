package io.dailies.production;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.core.TakeResult;
import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.report.RunReport;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end: the sample workbook in, every shot rendered through the built-in
 * emulator over HTTP, downloaded, measured and scored, and the report read back with POI cell by cell.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RenderRunIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    /** One imported sample project and one completed run, shared by the tests of this class. */
    private record SampleRun(long projectId, long runId, JsonArray shots) {
    }

    private static SampleRun sampleRun;

    private SampleRun sampleRun(DailiesClient api) {
        if (sampleRun == null) {
            JsonObject imported = api.importShotlist("sample-shot-list.xlsx", TestWorkbooks.sample(), "Run " + UUID.randomUUID());
            assertEquals("COMPLETED", imported.getString("status"), imported.toString());
            long projectId = imported.getJsonNumber("projectId").longValue();
            JsonArray shots = api.get("api/projects/" + projectId + "/shots").array();
            long runId = completedRun(api, projectId, "");
            sampleRun = new SampleRun(projectId, runId, shots);
        }
        return sampleRun;
    }

    private static long completedRun(DailiesClient api, long projectId, String query) {
        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs" + query, null, new byte[0]);
        assertEquals(202, started.status(), started.body());
        long runId = started.json().getJsonNumber("id").longValue();
        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        return runId;
    }

    @Test
    void aRunRendersTheShotsPickedAndOmittedShotsStayOut() {
        DailiesClient api = new DailiesClient(base);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonObject imported = api.importShotlist("pick-" + tag + ".xlsx", io.dailies.it.Workbooks.shots(tag, 3), "Pick " + tag);
        long projectId = imported.getJsonNumber("projectId").longValue();
        List<Long> shots = api.get("api/projects/" + projectId + "/shots").array().stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
        assertEquals(3, shots.size());

        DailiesClient.Answer wrong = api.postJson("api/projects/" + projectId + "/runs", "{\"shots\":[" + shots.get(0) + ",987654321]}");
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(wrong.json().getString("detail").contains("[987654321] is not a shot"), wrong.body());
        assertEquals(400, api.postJson("api/projects/" + projectId + "/runs", "{\"shots\":\"all\"}").status());

        DailiesClient.Answer picked = api.postJson("api/projects/" + projectId + "/runs", "{\"shots\":[" + shots.get(0) + "," + shots.get(2) + "]}");
        assertEquals(202, picked.status(), picked.body());
        long runId = picked.json().getJsonNumber("id").longValue();
        assertEquals("COMPLETED", api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED"), Duration.ofMinutes(3)).getString("status"));
        assertEquals(Set.of(shots.get(0), shots.get(2)), api.all("api/runs/" + runId + "/takes").stream()
                .map(t -> t.asJsonObject().getJsonNumber("shotId").longValue()).collect(java.util.stream.Collectors.toSet()));

        DailiesClient.Answer omitted = api.postJson("api/projects/" + projectId + "/shots/omit", "{\"shots\":[" + shots.get(1) + "],\"omitted\":true}");
        assertEquals(200, omitted.status(), omitted.body());
        assertEquals(1, omitted.json().getInt("changed"));
        assertEquals(0, api.postJson("api/projects/" + projectId + "/shots/omit", "{\"shots\":[" + shots.get(1) + "],\"omitted\":true}")
                .json().getInt("changed"), "omitted already");
        assertEquals(400, api.postJson("api/projects/" + projectId + "/shots/omit", "{\"shots\":[987654321],\"omitted\":true}").status());
        assertEquals(400, api.postJson("api/projects/" + projectId + "/shots/omit", "{\"shots\":[" + shots.get(1) + "]}").status());
        assertEquals(400, api.postJson("api/projects/" + projectId + "/runs", "{\"shots\":[" + shots.get(1) + "]}").status(),
                "an omitted shot cannot be picked");
        long all = completedRun(api, projectId, "");
        assertEquals(Set.of(shots.get(0), shots.get(2)), api.all("api/runs/" + all + "/takes").stream()
                .map(t -> t.asJsonObject().getJsonNumber("shotId").longValue()).collect(java.util.stream.Collectors.toSet()),
                "a run of every shot leaves the omitted one out");
        assertEquals(1, api.postJson("api/projects/" + projectId + "/shots/omit", "{\"shots\":[" + shots.get(1) + "],\"omitted\":false}")
                .json().getInt("changed"));
    }

    @Test
    @Order(1) // before any reviewer changes a verdict of the shared run
    void sampleRunCompletesAndItsReportCarriesAVideoAndMeasuredScoresForEveryShot() throws Exception {
        DailiesClient api = new DailiesClient(base);
        SampleRun sample = sampleRun(api);
        JsonArray shots = sample.shots();
        JsonObject run = api.get("api/runs/" + sample.runId()).json();
        assertEquals(shots.size(), run.getInt("total"));
        assertEquals(shots.size(), run.getInt("done"));
        assertEquals(shots.size(), run.getJsonObject("takes").getInt("SCORED"), run.toString());
        assertFalse(run.getBoolean("judge"), "the judge is off by default");

        DailiesClient.Answer report = api.get("api/runs/" + sample.runId() + "/report");
        assertEquals(200, report.status(), report.body());
        assertTrue(report.contentType().startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.bytes()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals(RunReport.SHEET, sheet.getSheetName());
            Row header = sheet.getRow(0);
            for (int c = 0; c < RunReport.HEADERS.size(); c++) {
                assertEquals(RunReport.HEADERS.get(c), header.getCell(c).getStringCellValue());
            }
            assertEquals(TakeResult.CRITERIA, RunReport.HEADERS.subList(6, 11), "the guide's five criteria, in its order");
            assertEquals(shots.size(), sheet.getLastRowNum(), "one row per shot");
            for (int i = 0; i < shots.size(); i++) {
                checkRow(api, shots.getJsonObject(i), sheet.getRow(i + 1));
            }
        }
    }

    @Test
    void aTakePlaysFromTheServerAndSeeksWithRangeRequests() throws Exception {
        DailiesClient api = new DailiesClient(base);
        SampleRun sample = sampleRun(api);
        long takeId = api.get("api/runs/" + sample.runId() + "/takes").array().getJsonObject(0).getJsonNumber("id").longValue();
        DailiesClient.Answer whole = api.get("api/takes/" + takeId + "/video");
        assertEquals(200, whole.status(), whole.body());
        assertEquals("video/mp4", whole.contentType());
        assertEquals("bytes", whole.header("Accept-Ranges"));
        assertEquals("ftyp", new String(whole.bytes(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII), "an MP4");
        int length = whole.bytes().length;

        DailiesClient.Answer head = api.get("api/takes/" + takeId + "/video", "Range", "bytes=0-99");
        assertEquals(206, head.status());
        assertEquals("bytes 0-99/" + length, head.header("Content-Range"));
        assertArrayEquals(java.util.Arrays.copyOfRange(whole.bytes(), 0, 100), head.bytes());
        DailiesClient.Answer tail = api.get("api/takes/" + takeId + "/video", "Range", "bytes=-50");
        assertEquals(206, tail.status());
        assertArrayEquals(java.util.Arrays.copyOfRange(whole.bytes(), length - 50, length), tail.bytes());
        DailiesClient.Answer past = api.get("api/takes/" + takeId + "/video", "Range", "bytes=" + length + "-");
        assertEquals(416, past.status());
        assertEquals("bytes */" + length, past.header("Content-Range"));

        DailiesClient.Answer thumbnail = api.get("api/takes/" + takeId + "/thumbnail");
        assertEquals(200, thumbnail.status());
        assertEquals("image/jpeg", thumbnail.contentType());
        assertEquals(404, api.get("api/takes/999999999/video").status());
    }

    @Test
    void aRunsProgressIsPushedAsServerSentEventsUntilItEnds() throws Exception {
        DailiesClient api = new DailiesClient(base);
        SampleRun sample = sampleRun(api);
        DailiesClient.Answer started = api.post("api/projects/" + sample.projectId() + "/runs", null, new byte[0]);
        assertEquals(202, started.status(), started.body());
        long runId = started.json().getJsonNumber("id").longValue();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(api.uri("api/runs/" + runId + "/events"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", DailiesClient.basic(DailiesClient.ADMIN_USER, DailiesClient.ADMIN_PASSWORD))
                        .timeout(Duration.ofMinutes(5)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<JsonObject> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        // The stream ends by itself when the run does: reading it to the end is the test's only wait (bounded).
        java.util.concurrent.CompletableFuture.runAsync(() -> stream.body().filter(line -> line.startsWith("data:"))
                .forEach(line -> events.add(jakarta.json.Json.createReader(new java.io.StringReader(line.substring(5).strip())).readObject())))
                .get(3, java.util.concurrent.TimeUnit.MINUTES);
        assertTrue(events.size() >= 2, "progress was pushed as it moved: " + events);
        JsonObject last = events.get(events.size() - 1);
        assertEquals("COMPLETED", last.getString("status"), last.toString());
        assertEquals(last.getInt("total"), last.getInt("done"));
        assertTrue(events.get(0).getInt("done") < last.getInt("done"), "the first event came before the run was done: " + events.get(0));
        assertEquals(404, api.get("api/runs/999999999/events").status());
    }

    @Test
    void aReviewersVerdictOverridesTheAutomatedOneAndIsKeptWithWhoAndWhen() throws Exception {
        DailiesClient api = new DailiesClient(base);
        SampleRun sample = sampleRun(api);
        JsonObject take = api.get("api/runs/" + sample.runId() + "/takes").array().getJsonObject(1);
        long takeId = take.getJsonNumber("id").longValue();
        assertEquals("ACCEPT", take.getString("verdict"));
        // Who gives a verdict is the signed-in reviewer, never a name in the body.
        String ana = "ana-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        DailiesClient reviewer = api.withNewUser(ana, "reviewer");

        DailiesClient.Answer given = reviewer.postJson("api/takes/" + takeId + "/reviews",
                "{\"verdict\":\"retake\",\"reviewer\":\"Somebody Else\",\"notes\":\"The goblet floats above the table.\"}");
        assertEquals(201, given.status(), given.body());
        JsonObject review = api.get("api/takes/" + takeId + "/reviews").array().getJsonObject(0);
        assertEquals("RETAKE", review.getString("verdict"));
        assertEquals(ana, review.getString("reviewer"));
        assertFalse(review.isNull("reviewedAt"));

        JsonObject after = api.get("api/runs/" + sample.runId() + "/takes").array().getJsonObject(1);
        assertEquals("RETAKE", after.getString("verdict"), "the reviewer wins");
        assertEquals("ACCEPT", after.getJsonObject("score").getString("verdict"), "the automated verdict is kept beside it");

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.get("api/runs/" + sample.runId() + "/report").bytes()))) {
            Row row = wb.getSheetAt(0).getRow(2);
            assertEquals("RETAKE", text(row, 12));
            assertTrue(text(row, 13).contains("Reviewed by " + ana), text(row, 13));
            assertTrue(text(row, 13).contains("automated verdict ACCEPT"), text(row, 13));
        }

        assertEquals(400, reviewer.postJson("api/takes/" + takeId + "/reviews", "{\"verdict\":\"maybe\"}").status());
        DailiesClient.Answer noVerdict = reviewer.postJson("api/takes/" + takeId + "/reviews", "{\"notes\":\"no verdict\"}");
        assertEquals(400, noVerdict.status());
        // Bean Validation names the field, in the API's problem shape.
        assertEquals("verdict", noVerdict.json().getJsonArray("fields").getJsonObject(0).getString("field"), noVerdict.body());
        assertTrue(noVerdict.json().getString("detail").startsWith("verdict: "), noVerdict.body());
        assertEquals(404, reviewer.postJson("api/takes/987654321/reviews", "{\"verdict\":\"ACCEPT\"}").status());
        DailiesClient.Answer notJson = api.postJson("api/takes/" + takeId + "/reviews", "{\"verdict\": RETAKE");
        assertEquals(400, notJson.status(), notJson.body());
        assertTrue(notJson.json().getString("detail").contains("not valid JSON"), notJson.body());
        assertEquals(400, api.postJson("api/takes/" + takeId + "/reviews",
                "{\"verdict\":\"ACCEPT\",\"notes\":\"" + "A".repeat(4001) + "\"}").status(), "notes too long");
        DailiesClient.Answer restart = api.post("api/runs/" + sample.runId() + "/restart", null, new byte[0]);
        assertEquals(409, restart.status(), "a completed run is not restarted: " + restart.body());
    }

    @Test
    void projectThresholdsDecideTheVerdictAndTheOptionalJudgeScoresBesideTheMeasuredCriteria() throws Exception {
        DailiesClient api = new DailiesClient(base);
        SampleRun sample = sampleRun(api);
        String thresholds = "api/projects/" + sample.projectId() + "/thresholds";
        assertEquals(-16.0, api.get(thresholds).json().getJsonObject("effective").getJsonNumber("loudnessMinLufs").doubleValue());
        DailiesClient.Answer unknown = put(api, thresholds, "{\"loudnessMinimum\": -12}");
        assertEquals(400, unknown.status(), "unknown threshold");
        assertEquals("loudnessMinimum", unknown.json().getJsonArray("fields").getJsonObject(0).getString("field"), unknown.body());
        assertEquals(400, put(api, thresholds, "{\"loudnessMinLufs\": -10, \"loudnessMaxLufs\": -12}").status(), "reversed window");
        // A louder delivery spec than the emulator's -15.5 LUFS mix: audio sync drops below the pass mark.
        DailiesClient.Answer set = put(api, thresholds, "{\"loudnessMinLufs\": -12, \"loudnessMaxLufs\": -10}");
        assertEquals(200, set.status(), set.body());
        assertEquals(-12.0, set.json().getJsonObject("overrides").getJsonNumber("loudnessMinLufs").doubleValue());

        long runId = completedRun(api, sample.projectId(), "?judge=true");
        for (JsonValue v : api.get("api/runs/" + runId + "/takes").array()) {
            JsonObject score = v.asJsonObject().getJsonObject("score");
            assertTrue(score.getInt("audioSync") < 70, "louder window, lower audio sync: " + score);
            assertTrue(Set.of("REVIEW", "RETAKE").contains(score.getString("verdict")), score.toString());
            int judged = score.getInt("judgePromptAdherence");
            assertTrue(judged >= 0 && judged <= 100);
            assertTrue(score.isNull("physicalRealism"), "the judge never fills the measured physical realism");
            assertTrue(score.getInt("judgePhysicalRealism") >= 0);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.get("api/runs/" + runId + "/report").bytes()))) {
            Row row = wb.getSheetAt(0).getRow(1);
            assertEquals(CellType.NUMERIC, row.getCell(14).getCellType(), "Judge: prompt adherence");
            assertEquals(CellType.NUMERIC, row.getCell(15).getCellType(), "Judge: physical realism");
            assertTrue(text(row, 13).contains("Judge (gpt-4.1-mini): Emulated judge: 4 frames"), text(row, 13));
        }
        assertEquals(200, put(api, thresholds, "{}").status(), "back to the defaults");
        assertTrue(api.get(thresholds).json().getJsonObject("overrides").isEmpty());
    }

    @Test
    void reviewsTypedIntoTheReportInExcelAreRecordedWhenItIsUploadedBack() throws Exception {
        DailiesClient api = new DailiesClient(base);
        SampleRun sample = sampleRun(api);
        String benName = "ben-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        DailiesClient ben = api.withNewUser(benName, "reviewer");
        byte[] edited;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.get("api/runs/" + sample.runId() + "/report").bytes()))) {
            Row row = wb.getSheetAt(0).getRow(4);
            // The report's strings are inline; a fresh cell is what Excel writes when a producer types.
            row.removeCell(row.getCell(12));
            row.createCell(12).setCellValue("retake");
            row.createCell(16).setCellValue("Lighting jumps against the previous shot.");
            edited = bytes(wb);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(edited))) {
            Row row = wb.getSheetAt(0).getRow(4);
            row.removeCell(row.getCell(12));
            row.createCell(12).setCellValue("MAYBE");
            byte[] wrong = bytes(wb);
            DailiesClient.Answer refused = ben.postMultipart("api/runs/" + sample.runId() + "/reviews", "file", "dailies.xlsx", wrong, "reviewer", "Not Ben");
            assertEquals(400, refused.status(), refused.body());
            JsonObject problem = refused.json().getJsonArray("problems").getJsonObject(0);
            assertEquals(5, problem.getInt("row"));
            assertEquals("M", problem.getString("column"));
            assertEquals("MAYBE", problem.getString("value"));
        }
        DailiesClient.Answer uploaded = ben.postMultipart("api/runs/" + sample.runId() + "/reviews", "file", "dailies.xlsx", edited, "reviewer", "Not Ben");
        assertEquals(200, uploaded.status(), uploaded.body());
        assertEquals(1, uploaded.json().getInt("reviewsRecorded"), uploaded.body());

        JsonObject take = api.get("api/runs/" + sample.runId() + "/takes").array().getJsonObject(3);
        assertEquals("RETAKE", take.getString("verdict"));
        assertEquals(benName, take.getJsonObject("review").getString("reviewer"), "the uploader, not a name sent");
        assertEquals("WORKBOOK", take.getJsonObject("review").getString("source"));
        assertEquals("Lighting jumps against the previous shot.", take.getJsonObject("review").getString("notes"));

        DailiesClient.Answer again = ben.postMultipart("api/runs/" + sample.runId() + "/reviews", "file", "dailies.xlsx", edited, "reviewer", "Not Ben");
        assertEquals(0, again.json().getInt("reviewsRecorded"), "uploading the same workbook twice records nothing new");
    }

    @Test
    void theProducersOwnWorkbookComesBackWithDailiesColumnsAddedAndTheirCellsIntact() throws Exception {
        DailiesClient api = new DailiesClient(base);
        SampleRun sample = sampleRun(api);
        DailiesClient.Answer answer = api.get("api/projects/" + sample.projectId() + "/workbook");
        assertEquals(200, answer.status(), answer.body());
        Map<String, String> videos = new java.util.HashMap<>();
        for (JsonValue v : api.get("api/runs/" + sample.runId() + "/takes").array()) {
            videos.put(v.asJsonObject().getString("shot"), v.asJsonObject().getString("videoId"));
        }
        try (XSSFWorkbook original = new XSSFWorkbook(new ByteArrayInputStream(TestWorkbooks.sample()));
             XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(answer.bytes()))) {
            for (int i = 0; i < original.getNumberOfSheets(); i++) {
                assertTrue(back.getSheet(original.getSheetName(i)) != null, "sheet " + original.getSheetName(i) + " is kept");
            }
            assertTrue(back.getSheet("Dailies") != null, "a Dailies summary sheet");
            Sheet before = original.getSheet("Shots");
            Sheet after = back.getSheet("Shots");
            int headerRow = -1;
            Map<String, Integer> columns = new java.util.HashMap<>();
            for (Row r : after) {
                for (var c : r) {
                    if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals("Video id")) {
                        headerRow = r.getRowNum();
                    }
                }
                if (headerRow >= 0) {
                    r.forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
                    break;
                }
            }
            assertTrue(headerRow >= 0, "a Video id column was added to the header row");
            int shotColumn = columns.get("Shot");
            int checked = 0;
            for (int r = headerRow + 1; r <= after.getLastRowNum(); r++) {
                Row row = after.getRow(r);
                if (row == null || row.getCell(shotColumn) == null || row.getCell(shotColumn).getStringCellValue().isBlank()) {
                    continue;
                }
                String shot = row.getCell(shotColumn).getStringCellValue();
                assertEquals(videos.get(shot), row.getCell(columns.get("Video id")).getStringCellValue(), shot);
                assertEquals(CellType.NUMERIC, row.getCell(columns.get("Prompt adherence")).getCellType(), shot);
                for (int c = 0; c < before.getRow(r).getLastCellNum(); c++) {
                    var was = before.getRow(r).getCell(c);
                    var is = row.getCell(c);
                    if (was != null) {
                        assertEquals(was.toString(), is.toString(), "the producer's cell " + shot + "/" + c + " is unchanged");
                        assertEquals(was.getCellStyle().getFillForegroundColor(), is.getCellStyle().getFillForegroundColor());
                    }
                }
                checked++;
            }
            assertEquals(sample.shots().size(), checked, "every shot row carries its results");
        }
    }

    private static byte[] bytes(XSSFWorkbook wb) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    private static DailiesClient.Answer put(DailiesClient api, String path, String json) {
        return api.put(path, json);
    }

    private static void checkRow(DailiesClient api, JsonObject shot, Row row) throws Exception {
        String where = "report row " + (row.getRowNum() + 1) + " (" + shot.getString("sequence") + "/" + shot.getString("shot") + ")";
        assertEquals(shot.getString("sequence"), text(row, 0), where);
        assertEquals(shot.getString("shot"), text(row, 1), where);
        String expectedPrompt = shot.getString("prompt"); // as compiled at import with the project's spine and bible
        assertEquals(expectedPrompt, text(row, 2), where);

        String videoId = text(row, 3);
        assertTrue(videoId.startsWith("video_"), where + ": " + videoId);
        JsonObject video = api.get("emulator/v1/videos/" + videoId).json();
        assertEquals("completed", video.getString("status"), where);
        assertEquals(expectedPrompt, video.getString("prompt"), where);
        assertEquals(shot.getString("size"), video.getString("size"), where);
        assertEquals(Integer.toString(shot.getInt("seconds")), video.getString("seconds"), where);

        assertEquals("SCORED", text(row, 4), where);
        // The take file is named inside the storage folder, never by the server's own path.
        String takeFile = text(row, 5);
        assertTrue(takeFile.startsWith("takes/run-"), where + ": " + takeFile);
        io.dailies.it.ServerFiles.assertNoServerPath(where, takeFile);
        Path take = io.dailies.it.ServerFiles.stored(takeFile);
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
        assertNull(row.getCell(14), where + ": no judge without ?judge=true");
    }

    private static String text(Row row, int column) {
        Cell c = row.getCell(column);
        return c == null ? "" : c.getStringCellValue();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
