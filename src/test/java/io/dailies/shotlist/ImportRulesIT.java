package io.dailies.shotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.it.Workbooks;
import io.dailies.shotlist.sheet.ShotColumn;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The import rules on the real server, in one workbook the way producers write them: a merged title
 * above the header, the shots inside an Excel table (ListObject), aliased headers, a hidden column,
 * formulas (their cached values count), a date, numbers typed as text and a shot code typed as a
 * number.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportRulesIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @Test
    void aProducersWorkbookIsReadAsExcelShowsIt() throws Exception {
        DailiesClient api = new DailiesClient(base);
        JsonObject done = api.importShotlist("rules.xlsx", workbook(), "Rules " + UUID.randomUUID());
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(3, done.getInt("created"), done.toString());
        JsonArray shots = api.get("api/projects/" + done.getJsonNumber("projectId").longValue() + "/shots").array();

        JsonObject formula = shots.getJsonObject(0);
        assertEquals("SC1-01", formula.getString("shot"), "a formula's cached text");
        assertEquals(8, formula.getInt("seconds"), "=2*4, the cached value");
        assertTrue(formula.getJsonObject("producerColumns").getString("Shoot date").contains("2026"),
                "a date as Excel shows it: " + formula.getJsonObject("producerColumns"));
        assertEquals("hidden but read", formula.getJsonObject("producerColumns").getString("Internal ref"));

        JsonObject asText = shots.getJsonObject(1);
        assertEquals("SC1-02", asText.getString("shot"));
        assertEquals(12, asText.getInt("seconds"), "'12' typed as text");

        JsonObject asNumber = shots.getJsonObject(2);
        assertEquals("101", asNumber.getString("shot"), "a shot code typed as a number, without '.0'");
        assertEquals(4, asNumber.getInt("seconds"));
        assertEquals("sora-2", asNumber.getString("model"));
    }

    /** Title merged over row 1, header on row 3 inside an Excel table, aliases, a hidden column. */
    private static byte[] workbook() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Shots");
            sheet.createRow(0).createCell(0).setCellValue("Nightfall — shots for the table read");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            String[] headers = {"Seq", "Shot #", "Subject & Action", "Cam", "Setting & Time", "Lighting & Palette", "Style",
                    "Model", "Duration (s)", "Shoot date", "Internal ref"};
            Row h = sheet.createRow(2);
            for (int c = 0; c < headers.length; c++) {
                h.createCell(c).setCellValue(headers[c]);
            }
            Object[] text = TestWorkbooks.shot("Castle", "x", 4);
            int[] from = {ShotColumn.SEQUENCE.ordinal(), -1, ShotColumn.SUBJECT_ACTION.ordinal(), ShotColumn.CAMERA_MOVEMENT.ordinal(),
                    ShotColumn.SETTING_TIME.ordinal(), ShotColumn.LIGHTING_PALETTE.ordinal(), ShotColumn.STYLE_TECHNICAL.ordinal()};
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (int i = 0; i < 3; i++) {
                Row r = sheet.createRow(3 + i);
                for (int c = 0; c < from.length; c++) {
                    if (from[c] >= 0) {
                        r.createCell(c).setCellValue(String.valueOf(text[from[c]]));
                    }
                }
                r.createCell(7).setCellValue("sora-2");
                r.createCell(10).setCellValue("hidden but read");
                var date = r.createCell(9);
                date.setCellValue(LocalDate.of(2026, 3, 14 + i));
                date.setCellStyle(dateStyle);
            }
            sheet.getRow(3).createCell(1).setCellFormula("\"SC1-\"&\"01\"");
            sheet.getRow(3).createCell(8).setCellFormula("2*4");
            sheet.getRow(4).createCell(1).setCellValue("SC1-02");
            sheet.getRow(4).createCell(8).setCellValue("12");
            sheet.getRow(5).createCell(1).setCellValue(101);
            sheet.getRow(5).createCell(8).setCellValue(4);
            sheet.setColumnHidden(10, true);
            XSSFTable table = sheet.createTable(new AreaReference(new CellReference(2, 0), new CellReference(5, headers.length - 1),
                    wb.getSpreadsheetVersion()));
            table.setName("ShotList");
            table.setDisplayName("ShotList");
            table.getCTTable().addNewTableStyleInfo().setName("TableStyleMedium2");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // Excel saves the cached values
            return Workbooks.bytes(wb);
        }
    }
}
