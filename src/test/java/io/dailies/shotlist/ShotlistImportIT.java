package io.dailies.shotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shotlist-import job through the REST API, on the real WAR in a managed WildFly. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShotlistImportIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @Test
    void sampleWorkbookImportsEveryShotAndReimportNeverDuplicates() {
        DailiesClient api = new DailiesClient(base);
        String project = "Sample " + UUID.randomUUID();
        JsonObject done = api.importShotlist("sample-shot-list.xlsx", TestWorkbooks.sample(), project);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        int shots = done.getInt("created");
        assertTrue(shots >= 12, "the sample has at least 12 shots: " + done);
        assertEquals(shots, done.getInt("rows"));
        assertEquals(0, done.getInt("issueCount"));
        long projectId = done.getJsonNumber("projectId").longValue();

        JsonArray stored = api.get("api/projects/" + projectId + "/shots").array();
        assertEquals(shots, stored.size());
        JsonObject first = stored.getJsonObject(0);
        assertEquals("Castle", first.getString("sequence"));
        assertFalse(first.getString("subjectAction").isBlank());
        assertEquals("sora-2", first.getString("model"));

        JsonObject again = api.importShotlist("sample-shot-list.xlsx", TestWorkbooks.sample(), project);
        assertEquals("COMPLETED", again.getString("status"));
        assertEquals(projectId, again.getJsonNumber("projectId").longValue());
        assertEquals(0, again.getInt("created"));
        assertEquals(shots, again.getInt("unchanged"));
        assertEquals(shots, api.get("api/projects/" + projectId + "/shots").array().size());
    }

    @Test
    void missingRequiredColumnIsRejectedAndNothingIsImported() {
        DailiesClient api = new DailiesClient(base);
        String project = "Missing column " + UUID.randomUUID();
        JsonObject done = api.importShotlist("missing-column.xlsx", TestWorkbooks.missingRequiredColumn(), project);
        assertEquals("REJECTED", done.getString("status"), done.toString());
        JsonObject issue = done.getJsonArray("issues").getJsonObject(0);
        assertEquals("Shots", issue.getString("sheet"));
        assertTrue(issue.getString("message").contains("'Shot'"), issue.toString());
        assertTrue(done.isNull("projectId"));
        assertNoProject(api, project);
    }

    @Test
    void wrongTypedCellIsReportedByRowColumnAndValueAndNothingIsImported() {
        DailiesClient api = new DailiesClient(base);
        String project = "Wrong type " + UUID.randomUUID();
        JsonObject done = api.importShotlist("wrong-type.xlsx", TestWorkbooks.wrongTypedCell(), project);
        assertEquals("REJECTED", done.getString("status"), done.toString());
        assertEquals(1, done.getInt("issueCount"), done.toString());
        JsonObject issue = done.getJsonArray("issues").getJsonObject(0);
        assertEquals("Shots", issue.getString("sheet"));
        assertEquals(TestWorkbooks.WRONG_TYPED_ROW, issue.getInt("row"));
        assertEquals("Seconds", issue.getString("field"));
        assertFalse(issue.isNull("column"));
        assertEquals("four", issue.getString("value"));
        assertTrue(issue.getString("message").contains("four"), issue.toString());
        assertNoProject(api, project);

        // The producer's workbook back, annotated: the offending cell in red with a comment saying why.
        DailiesClient.Answer annotated = api.get("api/shotlists/" + done.getInt("id") + "/annotated");
        assertEquals(200, annotated.status(), annotated.body());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(annotated.bytes()))) {
            var cell = wb.getSheet("Shots").getRow(TestWorkbooks.WRONG_TYPED_ROW - 1)
                    .getCell(org.apache.poi.ss.util.CellReference.convertColStringToIndex(issue.getString("column")));
            assertEquals("four", cell.getStringCellValue());
            assertTrue(cell.getCellComment().getString().getString().contains("four"), "the comment explains the error");
            assertEquals(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND, cell.getCellStyle().getFillPattern());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCsvShotListWithABomAndSemicolonsImportsLikeAWorkbook() {
        DailiesClient api = new DailiesClient(base);
        String csv = "\uFEFFSequence;Shot #;Subject & Action;Camera;Setting & Time;Lighting & Palette;Duration (s)\r\n"
                + "Harbor;H-01;\"A fisherman coils wet rope in two beats; pauses; looks up in the final second\";Medium shot, locked tripod;"
                + "A stone harbor at dusk;\"Low sun from camera left; Palette anchors: teal, rust, sand\";4\r\n"
                + "Harbor;H-02;Gulls lift off the pier in the first second and circle twice;Wide shot, eye level, locked tripod;"
                + "The same harbor at dusk;\"Low sun from camera left; Palette anchors: teal, rust, sand\";8\r\n";
        JsonObject done = api.importShotlist("harbor.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "CSV " + UUID.randomUUID());
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(2, done.getInt("created"));
        JsonArray shots = api.get("api/projects/" + done.getJsonNumber("projectId").longValue() + "/shots").array();
        assertEquals("H-02", shots.getJsonObject(1).getString("shot"));
        assertEquals(8, shots.getJsonObject(1).getInt("seconds"));
    }

    @Test
    void notASpreadsheetIsRejectedWithAClearReason() {
        DailiesClient api = new DailiesClient(base);
        JsonObject done = api.importShotlist("notes.xlsx", "%PDF-1.4\n% a PDF, not a workbook\n".getBytes(), "Not a workbook " + UUID.randomUUID());
        assertEquals("REJECTED", done.getString("status"));
        String message = done.getJsonArray("issues").getJsonObject(0).getString("message");
        assertTrue(message.toLowerCase().contains("xlsx") || message.toLowerCase().contains("spreadsheet"), message);
    }

    @Test
    void uploadWithoutFilePartIsRefused() {
        DailiesClient api = new DailiesClient(base);
        DailiesClient.Answer a = api.postMultipart("api/shotlists", "file", null, null, "project", "x");
        assertEquals(400, a.status(), a.body());
        assertTrue(a.json().getString("detail").contains("'file'"));
    }

    private static void assertNoProject(DailiesClient api, String name) {
        // Found by name on the server, whatever page it would be on.
        DailiesClient.Answer found = api.get("api/projects?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, found.status(), found.body());
        assertEquals(0, found.total(), "project " + name + " must not exist: " + found.body());
        assertTrue(found.array().isEmpty(), found.body());
    }
}
