package io.dailies.schedule;

import static io.dailies.schedule.ScheduleCalls.awaitFiring;
import static io.dailies.schedule.ScheduleCalls.create;
import static io.dailies.schedule.ScheduleCalls.sampleProject;
import static io.dailies.schedule.ScheduleCalls.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.core.Run;
import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.it.ServerFiles;
import io.dailies.it.ServerProcess;
import io.dailies.report.RunReport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scheduled nights on the real server with the emulator: windows open seconds from now (the API takes HH:MM:SS
 * as well as HH:MM), so nothing sleeps; every wait polls with a timeout. The schedule's timer is a real
 * persistent EJB timer. Restarts and mail are in ScheduleRestartIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduleIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    /** The project of the first night, rendered whole: later tests find nothing pending in it. */
    private static long renderedProject;

    @AfterEach
    void noFaults() {
        new DailiesClient(base).delete("emulator/v1/control/faults");
    }

    @Test
    @Order(1)
    void aScheduleSetAheadFiresItsRunCompletesAndTheMorningWorkbookHasTheRowsSummaryAndChart() throws Exception {
        DailiesClient api = new DailiesClient(base);
        long project = sampleProject(api, "Night");
        renderedProject = project;
        ScheduleCalls.Window w = window(Duration.ofSeconds(4), Duration.ofMinutes(10),
                "\"mode\":\"sync\",\"shots\":\"all\",\"recipients\":[\"ana@example.com\"]");
        long schedule = create(api, project, w);
        DailiesClient.Answer list = api.get("api/projects/" + project + "/schedules?limit=1");
        assertEquals(200, list.status(), list.body());
        assertEquals(1, list.total());
        assertEquals(schedule, list.array().getJsonObject(0).getJsonNumber("id").longValue());

        JsonObject fired = awaitFiring(api, project, schedule, f -> true, Duration.ofSeconds(60));
        assertEquals("STARTED", fired.getString("outcome"), fired.toString());
        assertFalse(fired.getBoolean("catchUp"), fired.toString());
        assertFalse(Instant.parse(fired.getString("firedAt")).isBefore(w.opens().minusSeconds(5)), "not before its window: " + fired);
        long runId = fired.getJsonNumber("runId").longValue();
        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertTrue(run.getBoolean("scheduled"));
        assertEquals("sync", run.getString("mode"));
        JsonObject night = awaitFiring(api, project, schedule, f -> !f.isNull("dailies") && !f.isNull("mail"), Duration.ofSeconds(60));
        assertEquals("COMPLETED", night.getString("runStatus"));
        assertEquals(0, night.getInt("deferred"));
        // No mail is configured on this server: the night says so, nothing failed, and the log has the note.
        assertTrue(night.getString("mail").startsWith("No e-mail: mail is not configured"), night.toString());
        ServerFiles.assertLogged("not e-mailed to 1 recipients: no mail is configured", "a night without mail leaves a note");

        JsonArray shots = api.get("api/projects/" + project + "/shots").array();
        JsonArray takes = api.get("api/runs/" + runId + "/takes").array();
        assertEquals(shots.size(), takes.size());
        DailiesClient.Answer latest = api.get("api/projects/" + project + "/dailies/latest");
        assertEquals(200, latest.status(), latest.body());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(latest.bytes()))) {
            Sheet rows = wb.getSheetAt(0);
            assertEquals(RunReport.SHEET, rows.getSheetName());
            for (int c = 0; c < RunReport.HEADERS.size(); c++) {
                assertEquals(RunReport.HEADERS.get(c), rows.getRow(0).getCell(c).getStringCellValue(), "the run report's columns");
            }
            assertEquals(takes.size(), rows.getLastRowNum(), "one row per take made that night");
            Set<String> videos = new HashSet<>();
            for (int r = 1; r <= rows.getLastRowNum(); r++) {
                videos.add(rows.getRow(r).getCell(3).getStringCellValue());
                assertEquals("SCORED", rows.getRow(r).getCell(4).getStringCellValue());
                assertEquals(CellType.NUMERIC, rows.getRow(r).getCell(18).getCellType(), "its cost");
            }
            assertEquals(videoIds(takes), videos);
            long thumbnails = ((XSSFSheet) rows).getDrawingPatriarch().getShapes().stream()
                    .filter(org.apache.poi.xssf.usermodel.XSSFPicture.class::isInstance).count();
            assertEquals(takes.size(), thumbnails, "a thumbnail per take made that night");
            XSSFSheet summary = wb.getSheet(MorningWorkbook.SHEET);
            assertNotNull(summary, "a summary sheet");
            Map<String, Double> figures = figures(summary);
            long accepted = takes.stream().filter(t -> "ACCEPT".equals(t.asJsonObject().getString("verdict"))).count();
            assertEquals(takes.size(), figures.get("Takes made").intValue());
            assertEquals(accepted, figures.get("Accepted").longValue());
            assertEquals(takes.size() - accepted, figures.get("To review").longValue() + figures.get("To retake").longValue());
            assertTrue(figures.get("Accepted seconds") >= 4 * accepted, figures.toString());
            double spent = takes.stream().mapToDouble(t -> t.asJsonObject().getJsonNumber("costUsd").doubleValue()).sum();
            assertEquals(spent, figures.get("Spend (USD)"), 0.001);
            assertEquals(100.0, figures.get("Night's budget (USD)"));
            assertEquals(1, summary.getDrawingPatriarch().getCharts().size(), "a native Excel chart");
            assertEquals(MorningWorkbook.CHART_TITLE, summary.getDrawingPatriarch().getCharts().get(0).getTitleText().getString());
        }
        ServerFiles.assertNoServerPathInWorkbook("the morning workbook", latest.bytes());
        DailiesClient.Answer nights = api.get("api/projects/" + project + "/dailies");
        assertEquals(1, nights.total(), nights.body());
        assertEquals(runId, nights.array().getJsonObject(0).getJsonNumber("runId").longValue());

        // The producer's own workbook carries the night's takes.
        DailiesClient.Answer own = api.get("api/projects/" + project + "/workbook");
        assertEquals(200, own.status(), own.body());
        Set<String> inOwn = new HashSet<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(own.bytes()))) {
            for (Row r : wb.getSheetAt(0)) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.STRING) {
                        inOwn.add(c.getStringCellValue());
                    }
                }
            }
        }
        assertTrue(inOwn.containsAll(videoIds(takes)), "every video of the night is in the producer's workbook");
    }

    @Test
    @Order(2)
    void nothingToDoIsASkippedNight() {
        DailiesClient api = new DailiesClient(base);
        long schedule = create(api, renderedProject, window(Duration.ofSeconds(3), Duration.ofMinutes(10), "\"shots\":\"pending\""));
        JsonObject fired = awaitFiring(api, renderedProject, schedule, f -> true, Duration.ofSeconds(60));
        assertEquals("SKIPPED", fired.getString("outcome"), fired.toString());
        assertTrue(fired.getString("reason").startsWith("Skipped, nothing to do: every active shot already has a delivered take"), fired.toString());
        assertTrue(fired.isNull("runId"));
        assertEquals(204, api.delete("api/projects/" + renderedProject + "/schedules/" + schedule).status());
    }

    @Test
    @Order(3)
    void aSecondFiringWhileTheProjectsRunIsGoingIsSkippedWithTheReason() {
        DailiesClient api = new DailiesClient(base);
        long project = sampleProject(api, "Overlap");
        long first = create(api, project, window(Duration.ofSeconds(3), Duration.ofMinutes(10), "\"mode\":\"sync\",\"shots\":\"all\""));
        long second = create(api, project, window(Duration.ofSeconds(5), Duration.ofMinutes(10), "\"mode\":\"sync\",\"shots\":\"all\""));
        JsonObject started = awaitFiring(api, project, first, f -> true, Duration.ofSeconds(60));
        assertEquals("STARTED", started.getString("outcome"), started.toString());
        long runId = started.getJsonNumber("runId").longValue();
        JsonObject skipped = awaitFiring(api, project, second, f -> true, Duration.ofSeconds(60));
        assertEquals("SKIPPED", skipped.getString("outcome"), skipped.toString());
        assertTrue(skipped.getString("reason").startsWith("Skipped: run " + runId + " of this project is still "), skipped.toString());
        assertTrue(skipped.getString("reason").contains("one run at a time"), skipped.toString());
        assertEquals("COMPLETED", api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5))
                .getString("status"));
        assertEquals(1, api.get("api/runs?project=" + project).total(), "the skipped night started nothing");
    }

    @Test
    @Order(4)
    void theWindowsEndStopsSubmissionWhileTheTakesInFlightAreCollected() {
        DailiesClient api = new DailiesClient(base);
        long project = sampleProject(api, "Window end");
        Set<String> prompts = ServerProcess.promptHashes(api, project);
        int createdBefore = ServerProcess.createdOf(api, prompts);
        // The first takes' downloads answer later than the client waits (6 s against the test server's 5 s read
        // timeout), twelve times over: they are retried, and still in flight when the window closes 8 s after it opened.
        DailiesClient.Answer faults = api.put("emulator/v1/control/faults", "{\"seed\":1,\"rules\":[{\"fault\":\"slow\",\"method\":\"GET\","
                + "\"path\":\"^/videos/[^/]+/content$\",\"delay_ms\":6000,\"count\":12}]}");
        assertEquals(200, faults.status(), faults.body());
        ScheduleCalls.Window w = window(Duration.ofSeconds(3), Duration.ofSeconds(8), "\"mode\":\"sync\",\"shots\":\"all\"");
        long schedule = create(api, project, w);
        JsonObject fired = awaitFiring(api, project, schedule, f -> true, Duration.ofSeconds(60));
        assertEquals("STARTED", fired.getString("outcome"), fired.toString());
        long runId = fired.getJsonNumber("runId").longValue();
        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertTrue(api.get("emulator/v1/control/faults").json().getJsonArray("rules").getJsonObject(0).getInt("fired") >= 1,
                "the slow downloads happened");

        JsonArray takes = api.get("api/runs/" + runId + "/takes").array();
        int made = 0;
        int deferred = 0;
        for (JsonValue v : takes) {
            JsonObject t = v.asJsonObject();
            if ("SCORED".equals(t.getString("status"))) {
                made++;
                assertTrue(Instant.parse(t.getString("submittedAt")).isBefore(w.closes()), "sent before the window closed: " + t);
                assertTrue(Instant.parse(t.getString("storedAt")).isAfter(w.closes()), "collected after it closed: " + t);
            } else {
                assertEquals("FAILED", t.getString("status"), t.toString());
                assertTrue(t.getString("failure").startsWith(Run.DEFERRED), t.toString());
                assertTrue(t.isNull("intentAt") && t.isNull("videoId") && t.isNull("costUsd"), "never sent, not charged: " + t);
                deferred++;
            }
        }
        assertTrue(made >= 1 && deferred >= 1, "some takes were in flight at the window's end and some not yet sent: " + takes);
        assertEquals(made, ServerProcess.createdOf(api, prompts) - createdBefore, "nothing was created after the window closed");
        JsonObject night = awaitFiring(api, project, schedule, f -> !f.isNull("runStatus"), Duration.ofSeconds(60));
        assertEquals(deferred, night.getInt("deferred"), night.toString());
        assertTrue(night.getString("reason").contains(deferred + " takes were not submitted and are deferred to the next night"), night.toString());

        // The next night (failed shots) renders what was deferred, and only that.
        long next = create(api, project, window(Duration.ofSeconds(3), Duration.ofMinutes(10), "\"mode\":\"sync\",\"shots\":\"failed\""));
        JsonObject second = awaitFiring(api, project, next, f -> true, Duration.ofSeconds(60));
        assertEquals("STARTED", second.getString("outcome"), second.toString());
        long retakes = takes.stream().filter(t -> "RETAKE".equals(t.asJsonObject().getString("verdict", ""))).count();
        assertEquals(deferred + retakes, second.getInt("planned"), "the deferred takes (and any to retake): " + second);
        long secondRun = second.getJsonNumber("runId").longValue();
        assertEquals("COMPLETED", api.awaitStatus("api/runs/" + secondRun, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5))
                .getString("status"));
    }

    @Test
    @Order(5)
    void schedulesAreReadChangedPausedAndDeletedAndAMistakeNamesItsField() {
        DailiesClient api = new DailiesClient(base);
        long project = renderedProject;
        DailiesClient.Answer bad = api.postJson("api/projects/" + project + "/schedules",
                "{\"days\":[\"MON\"],\"start\":\"22:00\",\"end\":\"6 am\",\"zone\":\"Europe/Nowhere\",\"budgetUsd\":-1}");
        assertEquals(400, bad.status(), bad.body());
        List<String> fields = bad.json().getJsonArray("fields").stream().map(v -> v.asJsonObject().getString("field")).toList();
        assertEquals(List.of("end", "zone", "budgetUsd"), fields, bad.body());
        assertEquals(404, api.postJson("api/projects/999999/schedules", window(Duration.ofHours(1), Duration.ofHours(1), "").json()).status());

        DailiesClient.Answer made = api.postJson("api/projects/" + project + "/schedules",
                "{\"days\":[\"MON\",\"TUE\"],\"start\":\"22:00\",\"end\":\"06:00\",\"zone\":\"America/Los_Angeles\",\"budgetUsd\":25.5}");
        assertEquals(201, made.status(), made.body());
        JsonObject s = made.json();
        assertTrue(s.getBoolean("crossesMidnight"));
        assertEquals("auto", s.getString("mode"));
        assertEquals("pending", s.getString("shots"));
        String path = "api/projects/" + project + "/schedules/" + s.getJsonNumber("id").longValue();
        assertEquals(200, api.get(path).status());
        DailiesClient.Answer paused = api.put(path, "{\"days\":[\"WED\"],\"start\":\"23:30\",\"end\":\"05:00\",\"zone\":\"UTC\","
                + "\"budgetUsd\":10,\"paused\":true}", "If-Match", made.header("ETag"));
        assertEquals(200, paused.status(), paused.body());
        assertTrue(paused.json().getBoolean("paused"));
        assertTrue(paused.json().isNull("nextWindowOpens"), "a paused schedule has no next window");
        DailiesClient.Answer stale = api.put(path, "{\"days\":[\"WED\"],\"start\":\"23:30\",\"end\":\"05:00\",\"zone\":\"UTC\",\"budgetUsd\":10}",
                "If-Match", made.header("ETag"));
        assertEquals(409, stale.status(), "a lost update is refused: " + stale.body());
        assertEquals(204, api.delete(path).status());
        assertEquals(404, api.get(path).status());
    }

    private static Set<String> videoIds(JsonArray takes) {
        Set<String> ids = new HashSet<>();
        takes.forEach(t -> ids.add(t.asJsonObject().getString("videoId")));
        return ids;
    }

    private static Map<String, Double> figures(Sheet sheet) {
        Map<String, Double> figures = new HashMap<>();
        for (Row r : sheet) {
            if (r.getCell(0) != null && r.getCell(1) != null && r.getCell(1).getCellType() == CellType.NUMERIC) {
                figures.putIfAbsent(r.getCell(0).getStringCellValue(), r.getCell(1).getNumericCellValue());
            }
        }
        return figures;
    }
}
