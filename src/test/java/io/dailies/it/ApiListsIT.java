package io.dailies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.shotlist.sheet.ShotColumn;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every list of the API pages and filters on the server: ?limit= and ?offset=, the whole list's size in
 * X-Total-Count, the next and previous pages in a Link header that keeps the filters, a 400 naming the
 * parameter for a page or filter out of range. Also: no answer, report or workbook names the server's own
 * paths, and a failure nobody planned for answers in the problem shape with a reference in the server log.
 *
 * <p>One small project serves every test: five shots in two sequences, imported, then imported again without
 * one (omitted), rendered once (four takes), two reference images.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiListsIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    private record Fixture(String project, long projectId, long runId, long jobExecutionId, List<JsonObject> takes) {
    }

    private static Fixture fixture;

    private synchronized Fixture fixture() throws Exception {
        if (fixture != null) {
            return fixture;
        }
        DailiesClient api = new DailiesClient(base);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String project = "Lists " + tag;
        String[][] shots = {{"Seq-A", "A-01"}, {"Seq-A", "A-02"}, {"Seq-A", "A-03"}, {"Seq-B", "B-01"}, {"Seq-B", "B-02"}};
        JsonObject first = api.importShotlist("lists-" + tag + ".xlsx", workbook(tag, shots), project);
        assertEquals("COMPLETED", first.getString("status"), first.toString());
        long projectId = first.getJsonNumber("projectId").longValue();
        // Again without A-02: it is kept, omitted.
        String[][] kept = {shots[0], shots[2], shots[3], shots[4]};
        JsonObject second = api.importShotlist("lists-" + tag + ".xlsx", workbook(tag, kept), project);
        assertEquals("COMPLETED", second.getString("status"), second.toString());
        assertEquals(1, second.getInt("omitted"), second.toString());

        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs?mode=sync", null, new byte[0]);
        assertEquals(202, started.status(), started.body());
        long runId = started.json().getJsonNumber("id").longValue();
        long execution = started.json().getJsonNumber("jobExecutionId").longValue();
        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(4));
        assertEquals("COMPLETED", run.getString("status"), run.toString());

        for (String name : new String[] {"throne-room.png", "balcony.png"}) {
            DailiesClient.Answer stored = api.postMultipart("api/projects/" + projectId + "/references", "file", name, png());
            assertEquals(200, stored.status(), stored.body());
        }
        List<JsonObject> takes = api.all("api/runs/" + runId + "/takes").getValuesAs(JsonObject.class);
        assertEquals(4, takes.size(), takes.toString());
        fixture = new Fixture(project, projectId, runId, execution, takes);
        return fixture;
    }

    @Test
    void shotsPageInWorkbookOrderWithTheTotalAndLinksThatKeepTheFilters() throws Exception {
        Fixture f = fixture();
        DailiesClient api = new DailiesClient(base);
        String shots = "api/projects/" + f.projectId() + "/shots";

        DailiesClient.Answer whole = api.get(shots);
        assertEquals(200, whole.status(), whole.body());
        assertEquals(5, whole.total(), "omitted shots are listed too");
        assertNull(whole.next(), "one page: no next link");
        List<String> order = codes(whole.array());
        assertEquals(List.of("A-01", "A-02", "A-03", "B-01", "B-02"), order, "workbook order");

        DailiesClient.Answer page1 = api.get(shots + "?limit=2");
        assertEquals(List.of("A-01", "A-02"), codes(page1.array()));
        assertEquals(5, page1.total());
        assertNull(page1.link("prev"));
        String next = page1.next();
        assertEquals("/api/projects/" + f.projectId() + "/shots?offset=2&limit=2", next);
        DailiesClient.Answer page2 = api.get(next);
        assertEquals(List.of("A-03", "B-01"), codes(page2.array()));
        assertEquals("/api/projects/" + f.projectId() + "/shots?offset=0&limit=2", page2.link("prev"));
        DailiesClient.Answer page3 = api.get(page2.next());
        assertEquals(List.of("B-02"), codes(page3.array()));
        assertNull(page3.next(), "the last page has no next");
        assertEquals(order, codes(api.all(shots + "?limit=2")), "the pages add up to the whole list, in order");

        DailiesClient.Answer past = api.get(shots + "?offset=100");
        assertEquals(200, past.status());
        assertEquals(0, past.array().size());
        assertEquals(5, past.total());

        DailiesClient.Answer seqB = api.get(shots + "?sequence=Seq-B&limit=1");
        assertEquals(2, seqB.total());
        assertEquals(List.of("B-01"), codes(seqB.array()));
        assertEquals("/api/projects/" + f.projectId() + "/shots?sequence=Seq-B&offset=1&limit=1", seqB.next(), "the filter stays");
        assertEquals(List.of("B-01", "B-02"), codes(api.all(seqB.next().replace("offset=1", "offset=0"))));

        DailiesClient.Answer omitted = api.get(shots + "?omitted=true");
        assertEquals(1, omitted.total());
        assertEquals(List.of("A-02"), codes(omitted.array()));
        assertTrue(omitted.array().getJsonObject(0).getBoolean("omitted"));
        assertEquals(List.of("A-01", "A-03", "B-01", "B-02"), codes(api.get(shots + "?omitted=false").array()));
        assertEquals(0, api.get(shots + "?sequence=Seq-B&omitted=true").total());
        assertEquals(0, api.get(shots + "?sequence=Nowhere").total());
    }

    @Test
    void everyListTakesLimitAndOffsetAndRefusesThemOutOfRangeNamingTheParameter() throws Exception {
        Fixture f = fixture();
        DailiesClient api = new DailiesClient(base);
        long shotId = api.get("api/projects/" + f.projectId() + "/shots?limit=1").array().getJsonObject(0).getJsonNumber("id").longValue();
        long takeId = f.takes().get(0).getJsonNumber("id").longValue();
        api.postJson("api/takes/" + takeId + "/reviews", "{\"verdict\":\"REVIEW\",\"notes\":\"paging\"}");
        String[] lists = {"api/projects", "api/projects/" + f.projectId() + "/shots", "api/runs", "api/runs/" + f.runId() + "/takes",
                "api/shotlists", "api/jobs", "api/shots/" + shotId + "/prompts", "api/takes/" + takeId + "/reviews",
                "api/projects/" + f.projectId() + "/references"};
        for (String list : lists) {
            DailiesClient.Answer all = api.get(list);
            assertEquals(200, all.status(), list + ": " + all.body());
            assertTrue(all.contentType().startsWith("application/json"), list);
            long total = all.total();
            assertTrue(total >= 1, list + " has items: " + all.body());
            assertEquals(Math.min(total, 100), all.array().size(), list + ": 100 items unless asked otherwise");

            DailiesClient.Answer one = api.get(list + "?limit=1");
            assertEquals(1, one.array().size(), list);
            assertEquals(total, one.total(), list);
            assertEquals(total > 1, one.next() != null, list + ": a next link while items follow");
            if (total > 1) {
                DailiesClient.Answer second = api.get(one.next());
                assertEquals(200, second.status(), one.next());
                assertEquals(all.array().get(1), second.array().get(0), list + ": the next page starts where the first ended");
            }
            DailiesClient.Answer max = api.get(list + "?limit=1000&offset=0");
            assertEquals(200, max.status(), list + ": " + max.body());

            for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=1001", "limit"}, {"limit=ten", "limit"},
                    {"offset=-1", "offset"}, {"offset=x", "offset"}}) {
                assertBadRequestNaming(api.get(list + "?" + bad[0]), bad[1], list + "?" + bad[0]);
            }
        }
        String runs = "api/runs";
        assertBadRequestNaming(api.get(runs + "?status=DONE"), "status", "runs status");
        assertBadRequestNaming(api.get(runs + "?project=first"), "project", "runs project");
        assertBadRequestNaming(api.get("api/runs/" + f.runId() + "/takes?status=LOST"), "status", "takes status");
        assertBadRequestNaming(api.get("api/runs/" + f.runId() + "/takes?verdict=MAYBE"), "verdict", "takes verdict");
        assertBadRequestNaming(api.get("api/projects/" + f.projectId() + "/shots?omitted=perhaps"), "omitted", "shots omitted");
        assertBadRequestNaming(api.get("api/jobs?job=nightly"), "job", "jobs job");
        assertBadRequestNaming(api.get("api/jobs?status=SLEEPING"), "status", "jobs status");
        assertBadRequestNaming(api.get("api/shotlists?status=LOST"), "status", "shotlists status");
    }

    @Test
    void runsTakesJobsImportsAndProjectsAreFilteredOnTheServer() throws Exception {
        Fixture f = fixture();
        DailiesClient api = new DailiesClient(base);

        DailiesClient.Answer runs = api.get("api/runs?project=" + f.projectId());
        assertEquals(1, runs.total(), runs.body());
        assertEquals(f.runId(), runs.array().getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(1, api.get("api/runs?project=" + f.projectId() + "&status=completed").total());
        assertEquals(0, api.get("api/runs?project=" + f.projectId() + "&status=FAILED,STOPPED").total());
        for (JsonValue r : api.get("api/runs?status=COMPLETED&limit=1000").array()) {
            assertEquals("COMPLETED", r.asJsonObject().getString("status"));
        }

        String takes = "api/runs/" + f.runId() + "/takes";
        assertEquals(4, api.get(takes + "?status=SCORED").total());
        assertEquals(0, api.get(takes + "?status=FAILED,PLANNED").total());
        long accepted = api.get(takes + "?verdict=ACCEPT").total();
        long review = api.get(takes + "?verdict=REVIEW").total();
        long retake = api.get(takes + "?verdict=RETAKE").total();
        assertEquals(4, accepted + review + retake, "every scored take has a verdict, and one");
        assertEquals(4, api.get(takes + "?verdict=ACCEPT,REVIEW,RETAKE").total());

        // The verdict that counts is the latest reviewer's: it moves the take from one filter to the other.
        JsonObject take = f.takes().get(1);
        long takeId = take.getJsonNumber("id").longValue();
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        DailiesClient ana = api.withNewUser("ana-" + suffix, "reviewer");
        DailiesClient ben = api.withNewUser("ben-" + suffix, "reviewer");
        assertEquals(201, ana.postJson("api/takes/" + takeId + "/reviews", "{\"verdict\":\"RETAKE\"}").status());
        List<Long> retakes = ids(api.all(takes + "?verdict=RETAKE&limit=1"));
        assertTrue(retakes.contains(takeId), "reviewed RETAKE: " + retakes);
        for (JsonValue t : api.get(takes + "?verdict=RETAKE").array()) {
            assertEquals("RETAKE", t.asJsonObject().getString("verdict"), t.toString());
        }
        assertEquals(201, ben.postJson("api/takes/" + takeId + "/reviews", "{\"verdict\":\"ACCEPT\"}").status());
        assertFalse(ids(api.get(takes + "?verdict=RETAKE").array()).contains(takeId), "the later review wins");
        assertTrue(ids(api.get(takes + "?verdict=ACCEPT&status=SCORED").array()).contains(takeId));
        DailiesClient.Answer reviews = api.get("api/takes/" + takeId + "/reviews?limit=1");
        assertEquals(2, reviews.total());
        assertEquals("ben-" + suffix, reviews.array().getJsonObject(0).getString("reviewer"), "newest first");
        assertEquals("ana-" + suffix, api.get(reviews.next()).array().getJsonObject(0).getString("reviewer"));

        DailiesClient.Answer renders = api.get("api/jobs?job=render-run&limit=1000");
        assertTrue(renders.total() >= 1);
        assertTrue(renders.array().stream().allMatch(j -> j.asJsonObject().getString("job").equals("render-run")), renders.body());
        JsonObject execution = renders.array().stream().map(JsonValue::asJsonObject)
                .filter(j -> j.getJsonNumber("executionId").longValue() == f.jobExecutionId()).findFirst()
                .orElseThrow(() -> new AssertionError("the run's execution " + f.jobExecutionId() + " is listed: " + renders.body()));
        assertEquals("COMPLETED", execution.getString("batchStatus"));
        assertEquals("{runId=" + f.runId() + "}", execution.getString("parameters"));
        assertTrue(ids(api.get("api/jobs?job=render-run&status=COMPLETED&limit=1000").array(), "executionId").contains(f.jobExecutionId()));
        assertFalse(ids(api.get("api/jobs?status=FAILED,STOPPED&limit=1000").array(), "executionId").contains(f.jobExecutionId()));
        DailiesClient.Answer imports = api.get("api/jobs?job=shotlist-import&limit=1");
        assertEquals("shotlist-import", imports.array().getJsonObject(0).getString("job"));
        assertEquals(api.get("api/jobs?limit=1").total(), imports.total() + renders.total(), "the two jobs make up the history");
        List<Long> newestFirst = ids(api.get("api/jobs?limit=20").array(), "executionId");
        assertEquals(newestFirst.stream().sorted(java.util.Comparator.reverseOrder()).toList(), newestFirst, "newest first");

        DailiesClient.Answer shotlists = api.get("api/shotlists?project=" + f.projectId());
        assertEquals(2, shotlists.total(), "both imports of the project: " + shotlists.body());
        assertEquals(2, api.get("api/shotlists?project=" + f.projectId() + "&status=COMPLETED").total());
        assertEquals(0, api.get("api/shotlists?project=" + f.projectId() + "&status=REJECTED").total());

        DailiesClient.Answer byName = api.get("api/projects?name=" + URLEncoder.encode(f.project(), StandardCharsets.UTF_8));
        assertEquals(1, byName.total());
        assertEquals(f.projectId(), byName.array().getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(4, byName.array().getJsonObject(0).getInt("shots"), "active shots counted");

        DailiesClient.Answer references = api.get("api/projects/" + f.projectId() + "/references?limit=1");
        assertEquals(2, references.total());
        assertEquals("balcony.png", references.array().getJsonObject(0).getString("name"), "by name");
    }

    @Test
    void noAnswerReportOrWorkbookNamesTheServersOwnPaths() throws Exception {
        Fixture f = fixture();
        DailiesClient api = new DailiesClient(base);
        long shotId = api.get("api/projects/" + f.projectId() + "/shots?limit=1").array().getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject run = api.get("api/runs/" + f.runId()).json();
        assertEquals("/api/runs/" + f.runId() + "/report", run.getString("report"), "the report by its API address");
        String[] answers = {"api/projects", "api/projects/" + f.projectId(), "api/projects/" + f.projectId() + "/shots",
                "api/runs?limit=1000", "api/runs/" + f.runId(), "api/runs/" + f.runId() + "/takes", "api/shotlists?limit=1000",
                "api/jobs?limit=1000", "api/shots/" + shotId + "/prompts", "api/projects/" + f.projectId() + "/references",
                "api/projects/" + f.projectId() + "/estimate", "api/runs/999999999/report", "api/projects/999999999/shots"};
        for (String path : answers) {
            ServerFiles.assertNoServerPath(path, api.get(path).body());
        }
        for (JsonValue i : api.get("api/shotlists?project=" + f.projectId()).array()) {
            ServerFiles.assertNoServerPath("import", api.get("api/shotlists/" + i.asJsonObject().getJsonNumber("id")).body());
        }

        DailiesClient.Answer report = api.get("api/runs/" + f.runId() + "/report");
        assertEquals(200, report.status(), report.body());
        List<String> cells = ServerFiles.assertNoServerPathInWorkbook("the run report", report.bytes());
        long takeFiles = cells.stream().filter(c -> c.startsWith("takes/run-" + f.runId() + "/") && c.endsWith(".mp4")).count();
        assertEquals(4, takeFiles, "each take's file, named inside the storage folder: " + cells);
        String takeFile = cells.stream().filter(c -> c.startsWith("takes/run-")).findFirst().orElseThrow();
        assertTrue(java.nio.file.Files.size(ServerFiles.stored(takeFile)) > 10_000, "the named file is the take: " + takeFile);

        DailiesClient.Answer workbook = api.get("api/projects/" + f.projectId() + "/workbook");
        assertEquals(200, workbook.status(), workbook.body());
        ServerFiles.assertNoServerPathInWorkbook("the written-back workbook", workbook.bytes());
    }

    @Test
    void aFailureNobodyPlannedForIsAProblemAnswerWithAReferenceInTheServerLog() throws Exception {
        Fixture f = fixture();
        DailiesClient api = new DailiesClient(base);
        // A real unplanned failure: a reference image whose name, with the hash it is stored under, is longer than
        // the file system allows. The server cannot store it and did not foresee that.
        String name = "r".repeat(240) + ".png";
        DailiesClient.Answer failed = api.postMultipart("api/projects/" + f.projectId() + "/references", "file", name, png());
        assertEquals(500, failed.status(), failed.body());
        assertTrue(failed.contentType().startsWith("application/json"), failed.contentType() + ": " + failed.body());
        JsonObject problem = failed.json();
        assertEquals(500, problem.getInt("status"));
        assertEquals("Internal Server Error", problem.getString("title"));
        assertEquals(Set.of("status", "title", "detail"), problem.keySet(), "the problem shape and nothing of the failure");
        Matcher reference = Pattern.compile("error ([0-9a-f]{8}) in the server log").matcher(problem.getString("detail"));
        assertTrue(reference.find(), problem.toString());
        ServerFiles.assertNoServerPath("the problem answer", failed.body());
        assertFalse(failed.body().contains("File name too long"), "no internals: " + failed.body());
        ServerFiles.assertLogged("Unexpected API error " + reference.group(1), "the failure is logged with the answer's reference");
    }

    // --- helpers ---

    private static void assertBadRequestNaming(DailiesClient.Answer a, String parameter, String where) {
        assertEquals(400, a.status(), where + ": " + a.body());
        assertTrue(a.contentType().startsWith("application/json"), where + ": " + a.contentType());
        JsonObject problem = a.json();
        assertEquals(400, problem.getInt("status"), where);
        assertTrue(problem.getString("detail").startsWith(parameter + " must be"), where + ": " + problem);
    }

    private static List<String> codes(JsonArray shots) {
        return shots.getValuesAs(JsonObject.class).stream().map(s -> s.getString("shot")).toList();
    }

    private static List<Long> ids(JsonArray items) {
        return ids(items, "id");
    }

    private static List<Long> ids(JsonArray items, String key) {
        List<Long> ids = new ArrayList<>();
        items.getValuesAs(JsonObject.class).forEach(o -> ids.add(o.getJsonNumber(key).longValue()));
        return ids;
    }

    private static byte[] workbook(String tag, String[][] shots) {
        Object[][] rows = new Object[shots.length + 1][];
        rows[0] = TestWorkbooks.HEADERS;
        for (int i = 0; i < shots.length; i++) {
            Object[] shot = TestWorkbooks.shot(shots[i][0], shots[i][1], 4);
            shot[ShotColumn.SUBJECT_ACTION.ordinal()] = "In take " + tag + "-" + shots[i][1]
                    + " the queen takes four steps to the window, pauses, and pulls the curtain in the final second.";
            rows[i + 1] = shot;
        }
        return Workbooks.xlsx("Shots", rows);
    }

    private static byte[] png() throws java.io.IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 36, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
