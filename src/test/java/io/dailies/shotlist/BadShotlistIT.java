package io.dailies.shotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.it.Workbooks;
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

    @Test
    void anEmptyFileAndAnEmptyShotsSheet() {
        assertMentions(rejected("empty.xlsx", new byte[0]), "empty");
        JsonObject headerOnly = rejected("header-only.xlsx", xlsx("Shots", TestWorkbooks.HEADERS));
        assertMentions(headerOnly, "no shots");
    }

    @Test
    void noShotsSheet() {
        JsonObject issue = rejected("no-shots.xlsx", TestWorkbooks.noShotsSheet());
        assertMentions(issue, "shots");
        assertMentions(issue, "sheet");
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
        for (JsonValue p : api.get("api/projects").array()) {
            assertFalse(name.equals(p.asJsonObject().getString("name")), "project " + name + " must not exist");
        }
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
