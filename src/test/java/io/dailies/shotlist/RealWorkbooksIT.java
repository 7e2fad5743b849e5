package io.dailies.shotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
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

/**
 * Workbooks real producers and their scripts make, imported on the real server: written by openpyxl, pandas and
 * xlsxwriter (src/test/resources/workbooks/by-other-programs/make.py), not by POI. The shot list on a sheet with
 * another name, a sheet per sequence, side sheets with other headers and one that cannot be read, formulas with no
 * saved results computed, one that cannot be computed named by its cell, and two equal candidates asked about.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RealWorkbooksIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    static byte[] workbook(String name) throws IOException {
        try (InputStream in = RealWorkbooksIT.class.getClassLoader().getResourceAsStream("workbooks/by-other-programs/" + name)) {
            return in.readAllBytes();
        }
    }

    static String project(String what) {
        return what + " " + UUID.randomUUID();
    }

    @Test
    void aScriptsWorkbookOnASheetNamedPlansWithFormulasAndNoSavedResults() throws Exception {
        DailiesClient api = new DailiesClient(base);
        JsonObject done = completed(api, "script-formulas.xlsx", "Plans", 3);
        assertTrue(done.getString("shotListFound").startsWith("sheet 'Plans' (header in row 2,"), done.toString());
        assertEquals(List.of("Plans"), strings(done.getJsonArray("shotSheets")));
        JsonArray shots = api.get("api/projects/" + done.getJsonNumber("projectId").longValue() + "/shots").array();
        assertEquals("TR-01", shots.getJsonObject(0).getString("shot"), "=\"TR-\"&TEXT(ROW()-2,\"00\"), computed");
        assertEquals(4, shots.getJsonObject(2).getInt("seconds"), "=2*2, computed");
        assertTrue(shots.getJsonObject(0).toString().contains("A rainy tram stop in Lisbon at dusk"),
                "=Locations!B2, computed from another sheet: " + shots.getJsonObject(0));
    }

    @Test
    void aFormulaThatCannotBeComputedIsRefusedNamingItsCell() throws Exception {
        DailiesClient api = new DailiesClient(base);
        JsonObject done = api.importShotlist("unsupported.xlsx", workbook("unsupported-formula.xlsx"), project("Webservice"));
        assertEquals("REJECTED", done.getString("status"), done.toString());
        JsonArray issues = done.getJsonArray("issues");
        assertEquals(1, issues.size(), issues.toString());
        JsonObject issue = issues.getJsonObject(0);
        assertEquals("D", issue.getString("column"));
        assertEquals(3, issue.getInt("row"));
        assertTrue(issue.getString("message").startsWith("Shots!D3 (Seconds): The formula =WEBSERVICE("), issue.toString());
        assertTrue(issue.getString("message").contains("it calls WEBSERVICE, which Dailies cannot compute"), issue.toString());
        assertFalse(done.toString().contains("could not be read as an .xlsx"), "never a generic refusal of a readable file");
    }

    @Test
    void aSheetPerSequenceImportsEverySheetWithItsSideSheetsFoundByContent() throws Exception {
        DailiesClient api = new DailiesClient(base);
        JsonObject done = completed(api, "sheet-per-sequence.xlsx", "Per sequence", 6);
        assertEquals(List.of("Tram stop", "Rooftop"), strings(done.getJsonArray("shotSheets")));
        long projectId = done.getJsonNumber("projectId").longValue();
        JsonArray shots = api.get("api/projects/" + projectId + "/shots").array();
        assertEquals(List.of("Tram stop", "Tram stop", "Tram stop", "Rooftop", "Rooftop", "Rooftop"),
                shots.stream().map(s -> s.asJsonObject().getString("sequence")).toList());
        // The People sheet is the character bible, the Look book the style spine: both reach the prompts.
        String prompt = shots.getJsonObject(0).getString("prompt");
        assertTrue(prompt.contains("Palette anchors: amber, teal, slate"), "the Look book's palette: " + prompt);
        assertTrue(prompt.contains("a green canvas satchel and silver hoop earrings"), "the People sheet's courier: " + prompt);
        JsonArray warnings = done.getJsonArray("warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.asJsonObject().getString("message").startsWith("'Look book'!A3: 'Film stock'")),
                warnings.toString());
        // A workbook spread over sheets is written back into each of them.
        DailiesClient.Answer written = api.get("api/projects/" + projectId + "/workbook");
        assertEquals(200, written.status(), written.body());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(written.bytes()))) {
            for (String sheet : List.of("Tram stop", "Rooftop")) {
                Row header = wb.getSheet(sheet).getRow(0);
                assertTrue(cells(header).contains("Status"), sheet + ": " + cells(header));
                assertEquals("NOT RENDERED", wb.getSheet(sheet).getRow(1).getCell(cells(header).indexOf("Status")).getStringCellValue());
            }
        }
    }

    @Test
    void anUnreadableSideSheetWarnsEverywhereAndNeverRefusesTheShots() throws Exception {
        DailiesClient api = new DailiesClient(base);
        JsonObject done = completed(api, "unreadable-side-sheet.xlsx", "Unreadable", 3);
        assertEquals(0, done.getJsonArray("issues").size());
        JsonArray warnings = done.getJsonArray("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.getJsonObject(0).getString("message");
        assertTrue(warning.startsWith("Characters: The Characters sheet was not read"), warning);

        // In the annotated workbook...
        DailiesClient.Answer annotated = api.get("api/shotlists/" + done.getInt("id") + "/annotated");
        assertEquals(200, annotated.status(), annotated.body());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(annotated.bytes()))) {
            Sheet issues = wb.getSheet("Dailies issues");
            assertTrue(issues.getRow(1).getCell(5).getStringCellValue().startsWith("Warning: The Characters sheet was not read"));
        }
        // ...and in the write-back's notes.
        DailiesClient.Answer written = api.get("api/projects/" + done.getJsonNumber("projectId").longValue() + "/workbook");
        assertEquals(200, written.status(), written.body());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(written.bytes()))) {
            Sheet summary = wb.getSheet("Dailies");
            boolean noted = false;
            for (Row row : summary) {
                noted |= row.getCell(0) != null && row.getCell(0).toString().startsWith("Characters: The Characters sheet was not read");
            }
            assertTrue(noted, "the warning is in the write-back's notes");
        }
    }

    @Test
    void twoEqualCandidatesAreAQuestionThatTheUploadAnswers() throws Exception {
        DailiesClient api = new DailiesClient(base);
        byte[] xlsx = workbook("two-equal-candidates.xlsx");
        JsonObject asked = api.importShotlist("two.xlsx", xlsx, project("Question"));
        assertEquals("REJECTED", asked.getString("status"), asked.toString());
        String question = asked.getJsonArray("issues").getJsonObject(0).getString("message");
        assertTrue(question.startsWith("Which sheet is the shot list? 'Shots'"), question);
        JsonObject answered = api.importShotlist("two.xlsx", xlsx, "project", project("Answered"), "sheet", "Shots (old)");
        assertEquals("COMPLETED", answered.getString("status"), answered.toString());
        assertEquals(List.of("Shots (old)"), strings(answered.getJsonArray("shotSheets")));
    }

    /** Imports a checked-in workbook into a new project; it must complete with {@code created} shots. */
    private static JsonObject completed(DailiesClient api, String workbook, String project, int created) throws IOException {
        JsonObject done = api.importShotlist(workbook, workbook(workbook), project(project));
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(created, done.getInt("created"), done.toString());
        return done;
    }

    private static List<String> strings(JsonArray a) {
        return a.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    private static List<String> cells(Row row) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            out.add(row.getCell(i) == null ? "" : row.getCell(i).toString());
        }
        return out;
    }
}
