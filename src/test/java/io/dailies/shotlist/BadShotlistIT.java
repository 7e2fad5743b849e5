package io.dailies.shotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.it.Workbooks;
import io.dailies.shotlist.sheet.HostileWorkbooks;
import io.dailies.shotlist.sheet.ShotColumn;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The corpus of bad shot lists, each uploaded to the real server: every one is refused with a specific,
 * clear reason (sheet, row, column, value where there is one), and none leaves a project or a shot behind.
 * Partial imports of the valid rows are here too, since they are the one way past a bad row.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadShotlistIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @Test
    void notASpreadsheet() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        assertMentions(rejected("storyboard.xlsx", png), "not an .xlsx workbook");
        // Text is read as CSV, so a text file says what a shot list needs.
        assertMentions(rejected("notes.xlsx", "Meeting notes, not a shot list.\n".getBytes(StandardCharsets.UTF_8)), "no header row");
    }

    @Test
    void aLegacyXlsSaysHowToConvert() {
        JsonObject issue = rejected("shots.xls", TestWorkbooks.legacyXls());
        assertMentions(issue, ".xls");
        assertMentions(issue, "save as");
    }

    @Test
    void aPasswordProtectedWorkbook() {
        assertMentions(rejected("locked.xlsx", TestWorkbooks.passwordProtected()), "password");
    }

    @Test
    void aZipBombIsRefusedByItsInflationRatio() {
        byte[] bomb = rewriteFirstSheet(xml -> {
            int at = xml.indexOf("<sheetData");
            return xml.substring(0, at) + " ".repeat(40_000_000) + xml.substring(at);
        });
        assertTrue(bomb.length < 2_000_000, "the bomb is small on the wire: " + bomb.length);
        assertMentions(rejected("bomb.xlsx", bomb), "zip bomb");
    }

    @Test
    void anXmlExternalEntityInASheetPart() {
        byte[] xxe = rewriteFirstSheet(xml -> {
            String body = xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
            return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                    + body.replaceFirst("<sheetData>", "<sheetData><row r=\"900\"><c r=\"A900\" t=\"inlineStr\"><is><t>&secret;</t></is></c></row>");
        });
        JsonObject issue = rejected("xxe.xlsx", xxe);
        assertMentions(issue, "external entit");
        assertFalse(issue.toString().contains("root:"), "nothing of the entity's target leaks into the answer");
    }

    // --- past a check that reads only a part's start, decodes it as UTF-8 or trusts the archive's sizes ---

    @Test
    void aDoctypeAfterMoreThan4KbOfComments() {
        byte[] late = HostileWorkbooks.doctypeAfterComments(TestWorkbooks.sample(), 8_000);
        JsonObject issue = rejected("late-doctype.xlsx", late);
        assertMentions(issue, "DOCTYPE");
        assertMentions(issue, "external entit");
        assertMentions(issue, HostileWorkbooks.SHEET1);
        assertFalse(issue.toString().contains("root:"), "nothing of the entity's target leaks into the answer");
    }

    @Test
    void aUtf16PartWithADoctype() {
        for (boolean byteOrderMark : new boolean[]{false, true}) {
            JsonObject issue = rejected("utf16.xlsx", HostileWorkbooks.utf16Doctype(TestWorkbooks.sample(), byteOrderMark, false));
            assertMentions(issue, "DOCTYPE");
            assertMentions(issue, "UTF-16");
            assertFalse(issue.toString().contains("root:"));
        }
    }

    @Test
    void aZipEntryLyingAboutItsSize() {
        byte[] liar = HostileWorkbooks.lyingAboutItsSize(TestWorkbooks.sample(), 40_000_000, 5_000);
        assertTrue(liar.length < 2_000_000, "small on the wire: " + liar.length);
        JsonObject issue = rejected("liar.xlsx", liar);
        assertMentions(issue, "says it holds 5,000 bytes but inflates to more");
        assertMentions(issue, "lies about its size");
    }

    @Test
    void theAnnotatedWorkbookOfAHostileUploadIsRefusedWithItsReason() {
        DailiesClient api = new DailiesClient(base);
        JsonObject done = reject("annotate-me.xlsx", HostileWorkbooks.utf16Doctype(TestWorkbooks.sample(), false, false));
        DailiesClient.Answer annotated = api.get("api/shotlists/" + done.getInt("id") + "/annotated");
        assertEquals(409, annotated.status(), annotated.body());
        String detail = annotated.json().getString("detail");
        assertTrue(detail.contains("not opened to be annotated") && detail.contains("DOCTYPE") && detail.contains("UTF-16"), detail);
        assertFalse(annotated.body().contains("root:"));

        // an ordinary rejected upload is still annotated
        JsonObject ordinary = reject("ordinary.xlsx", TestWorkbooks.wrongTypedCell());
        assertEquals(200, api.get("api/shotlists/" + ordinary.getInt("id") + "/annotated").status());
    }

    @Test
    void theReviewsUploadRefusesAHostileReport() {
        DailiesClient api = new DailiesClient(base);
        JsonObject imported = api.importShotlist("one-shot.xlsx", xlsx("Shots", TestWorkbooks.HEADERS,
                TestWorkbooks.shot("Castle", "SC1-01", 4)), "project", "Hostile report " + UUID.randomUUID());
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        long projectId = imported.getJsonNumber("projectId").longValue();
        long runId = api.post("api/projects/" + projectId + "/runs?mode=sync", null, new byte[0]).json().getJsonNumber("id").longValue();
        JsonObject run = api.awaitStatus("api/runs/" + runId, java.util.Set.of("COMPLETED", "FAILED", "STOPPED"), java.time.Duration.ofMinutes(5));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        byte[] report = api.get("api/runs/" + runId + "/report").bytes();

        byte[][] hostile = {
                HostileWorkbooks.doctypeAfterComments(report, 8_000),
                HostileWorkbooks.utf16Doctype(report, true, true),
                HostileWorkbooks.lyingAboutItsSize(report, 40_000_000, 5_000)};
        String[] reasons = {"DOCTYPE", "UTF-16", "lies about its size"};
        for (int i = 0; i < hostile.length; i++) {
            DailiesClient.Answer refused = api.postMultipart("api/runs/" + runId + "/reviews", "file", "dailies.xlsx", hostile[i],
                    "reviewer", "Mallory");
            assertEquals(400, refused.status(), refused.body());
            JsonObject problem = refused.json().getJsonArray("problems").getJsonObject(0);
            String message = problem.getString("message");
            assertTrue(message.contains(reasons[i]) && message.contains("is not opened"), message);
            assertFalse(refused.body().contains("root:"));
        }
        JsonObject take = api.get("api/runs/" + runId + "/takes").array().getJsonObject(0);
        assertTrue(take.isNull("review"), "no review was recorded: " + take);

        // the report as it was is still read
        DailiesClient.Answer fine = api.postMultipart("api/runs/" + runId + "/reviews", "file", "dailies.xlsx", report, "reviewer", "Ana");
        assertEquals(200, fine.status(), fine.body());
    }

    @Test
    void anEmptyFileAndAnEmptyShotsSheet() {
        assertMentions(rejected("empty.xlsx", new byte[0]), "empty");
        JsonObject headerOnly = rejected("header-only.xlsx", xlsx("Shots", TestWorkbooks.HEADERS));
        assertMentions(headerOnly, "no shots");
    }

    @Test
    void noShotListOnAnySheet() {
        JsonObject issue = rejected("no-shots.xlsx", TestWorkbooks.noShotList());
        assertMentions(issue, "no shot list found");
        assertMentions(issue, "'notes', 'budget'");
    }

    @Test
    void missingRequiredColumns() {
        JsonObject issue = rejected("missing.xlsx", TestWorkbooks.missingRequiredColumn());
        assertEquals("Shots", issue.getString("sheet"));
        assertMentions(issue, "'shot'");
    }

    @Test
    void duplicateShotCodesNameBothRows() {
        JsonObject done = reject("duplicates.xlsx", TestWorkbooks.duplicateShot());
        JsonObject issue = issueAt(done, TestWorkbooks.DUPLICATE_REPEAT_ROW);
        assertMentions(issue, "row " + TestWorkbooks.DUPLICATE_FIRST_ROW);
        assertEquals("Shot", issue.getString("field"));
    }

    @Test
    void aCellAtExcelsLimitOf32767Characters() {
        JsonObject issue = rejected("long.xlsx", TestWorkbooks.longCell(32_767));
        assertEquals(2, issue.getInt("row"));
        assertFalse(issue.isNull("column"));
        assertMentions(issue, "32");
        assertTrue(issue.getString("value").length() < 1_000, "the value is abbreviated in the answer");
    }

    @Test
    void aFormulaErrorValue() {
        JsonObject done = reject("ref.xlsx", TestWorkbooks.formulaError());
        JsonObject issue = issueAt(done, TestWorkbooks.FORMULA_ERROR_ROW);
        assertEquals("Seconds", issue.getString("field"));
        assertMentions(issue, "#ref!");
    }

    @Test
    void invalidModelSizeAndSecondsEachNamed() {
        Object[] model = TestWorkbooks.shot("Castle", "SC1-01", 4);
        model[ShotColumn.MODEL.ordinal()] = "sora-9";
        Object[] size = TestWorkbooks.shot("Castle", "SC1-02", 4);
        size[ShotColumn.SIZE.ordinal()] = "1920x1080"; // only sora-2-pro renders 1080p
        Object[] seconds = TestWorkbooks.shot("Castle", "SC1-03", 7);
        JsonObject done = reject("params.xlsx", xlsx("Shots", TestWorkbooks.HEADERS, model, size, seconds));
        assertEquals("Model", issueAt(done, 2).getString("field"));
        assertMentions(issueAt(done, 2), "sora-9");
        assertEquals("Size", issueAt(done, 3).getString("field"));
        assertMentions(issueAt(done, 3), "1920x1080");
        assertEquals("Seconds", issueAt(done, 4).getString("field"));
        assertMentions(issueAt(done, 4), "7");
    }

    @Test
    void aFileOverTheUploadLimitGets413() {
        byte[] big = new byte[50 * 1024 * 1024 + 1];
        new Random(7).nextBytes(big);
        DailiesClient api = new DailiesClient(base);
        String project = "Too big " + UUID.randomUUID();
        DailiesClient.Answer a = api.postMultipart("api/shotlists", "file", "huge.xlsx", big, "project", project);
        assertEquals(413, a.status(), a.body());
        assertTrue(a.json().getString("detail").contains("upload limit"), a.body());
        assertNoProject(api, project);
    }

    @Test
    void aPartialImportTakesTheValidRowsAndListsTheOthers() {
        Object[] bad = TestWorkbooks.shot("Castle", "SC1-02", 7);
        byte[] book = xlsx("Shots", TestWorkbooks.HEADERS, TestWorkbooks.shot("Castle", "SC1-01", 4), bad,
                TestWorkbooks.shot("Castle", "SC1-03", 8), TestWorkbooks.shot("castle", "sc1-01", 8));
        DailiesClient api = new DailiesClient(base);
        String project = "Partial " + UUID.randomUUID();

        JsonObject refused = api.importShotlist("partial.xlsx", book, "project", project);
        assertEquals("REJECTED", refused.getString("status"), "without asking, one bad row refuses all: " + refused);
        assertNoProject(api, project);

        JsonObject done = api.importShotlist("partial.xlsx", book, "project", project, "partial", "true");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertTrue(done.getBoolean("partial"));
        assertEquals(4, done.getInt("rows"));
        assertEquals(2, done.getInt("rowsWithIssues"), done.toString());
        assertEquals(2, done.getInt("created"));
        assertEquals("Seconds", issueAt(done, 3).getString("field"));
        assertEquals("Shot", issueAt(done, 5).getString("field"));
        JsonArray shots = api.get("api/projects/" + done.getJsonNumber("projectId").longValue() + "/shots").array();
        assertEquals(2, shots.size(), shots.toString());
        assertEquals("SC1-01", shots.getJsonObject(0).getString("shot"));
        assertEquals(4, shots.getJsonObject(0).getInt("seconds"), "the first of two duplicate rows is the one kept");
        assertEquals("SC1-03", shots.getJsonObject(1).getString("shot"));

        JsonObject allBad = api.importShotlist("all-bad.xlsx", xlsx("Shots", TestWorkbooks.HEADERS, bad),
                "project", "All bad " + UUID.randomUUID(), "partial", "true");
        assertEquals("REJECTED", allBad.getString("status"), "a partial import with no valid row imports nothing");
    }

    // --- helpers ---

    /** Uploads and expects a rejection with no project left behind; answers the first issue. */
    private JsonObject rejected(String filename, byte[] bytes) {
        JsonObject done = reject(filename, bytes);
        return done.getJsonArray("issues").getJsonObject(0);
    }

    private JsonObject reject(String filename, byte[] bytes) {
        DailiesClient api = new DailiesClient(base);
        String project = "Bad " + filename + " " + UUID.randomUUID();
        JsonObject done = api.importShotlist(filename, bytes, project);
        assertEquals("REJECTED", done.getString("status"), done.toString());
        assertTrue(done.getInt("issueCount") > 0, done.toString());
        assertTrue(done.isNull("projectId"), "nothing imported: " + done);
        JsonObject first = done.getJsonArray("issues").getJsonObject(0);
        assertFalse(first.getString("message").isBlank());
        if (first.getInt("row") > 0) {
            assertFalse(first.isNull("sheet") || first.isNull("column"), "a cell's issue names its sheet and column: " + first);
        }
        assertNoProject(api, project);
        return done;
    }

    private static JsonObject issueAt(JsonObject done, int row) {
        for (JsonValue v : done.getJsonArray("issues")) {
            if (v.asJsonObject().getInt("row") == row) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("no issue on row " + row + ": " + done);
    }

    private static void assertMentions(JsonObject issue, String words) {
        assertTrue(issue.getString("message").toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT)),
                "expected the reason to mention '" + words + "': " + issue);
    }

    private static void assertNoProject(DailiesClient api, String name) {
        // Found by name on the server, whatever page it would be on.
        DailiesClient.Answer found = api.get("api/projects?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, found.status(), found.body());
        assertEquals(0, found.total(), "project " + name + " must not exist: " + found.body());
        assertTrue(found.array().isEmpty(), found.body());
    }

    private static byte[] xlsx(String sheet, Object[]... rows) {
        return Workbooks.xlsx(sheet, rows);
    }

    private static byte[] rewriteFirstSheet(UnaryOperator<String> change) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(TestWorkbooks.sample()));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.write(bytes);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
