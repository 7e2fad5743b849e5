package io.dailies.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.report.RunReport;
import io.dailies.shotlist.sheet.DuplicateShotDetector;
import io.dailies.shotlist.sheet.ProjectSheets;
import io.dailies.shotlist.sheet.RawShotRow;
import io.dailies.shotlist.sheet.ShotColumn;
import io.dailies.shotlist.sheet.ShotRowValidator;
import io.dailies.shotlist.sheet.ShotSheetReader;
import io.dailies.shotlist.sheet.ValidatedRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's own parts: the generated shot list is one the import takes without a single issue,
 * the export writes the real report, and the child JVMs' figures come back. Bench sources are test
 * sources only in the {@code bench} profile: {@code mvn -Pbench test -Dtest=SpreadsheetBenchmarkTest}.
 */
class SpreadsheetBenchmarkTest {

    static final ModelCatalog CATALOG = ModelCatalog.load();

    @TempDir
    Path dir;

    @Test
    void theGeneratedShotListImportsWithoutASingleIssue() throws Exception {
        Path xlsx = dir.resolve("list.xlsx");
        assertEquals(120, ShotListWorkbook.write(xlsx, 3, 40));

        Set<String> actions = new HashSet<>();
        int rows = 0;
        int blankSeconds = 0;
        int withOverrides = 0;
        try (ShotSheetReader sheet = ShotSheetReader.open(xlsx)) {
            assertEquals(ShotListWorkbook.HEADER_ROW, sheet.headerRow());
            assertEquals(Set.of(ShotColumn.values()), sheet.columnLetters().keySet(), "every column the import knows");
            assertEquals(List.of(ShotListWorkbook.NOTES), sheet.extraHeaders());
            ShotRowValidator validator = new ShotRowValidator(CATALOG, sheet.layout());
            DuplicateShotDetector duplicates = new DuplicateShotDetector(sheet.layout());
            while (sheet.hasNext()) {
                RawShotRow raw = sheet.next();
                ValidatedRow v = validator.validate(raw);
                assertTrue(v.isValid(), () -> "row " + raw.row() + ": " + v.issues());
                assertTrue(duplicates.check(v.shot()).isEmpty(), "no shot twice");
                actions.add(v.shot().subjectAction());
                blankSeconds += raw.value(ShotColumn.SECONDS).isEmpty() ? 1 : 0;
                withOverrides += raw.value(ShotColumn.OVERRIDES).isEmpty() ? 0 : 1;
                rows++;
            }
        }
        assertEquals(120, rows);
        assertTrue(actions.size() >= 118, "the actions vary: " + actions.size() + " distinct of 120");
        assertTrue(blankSeconds > 0 && blankSeconds < 40, "some Seconds left blank, as producers do: " + blankSeconds);
        assertTrue(withOverrides > 0, "sequences off the spine's palette override it");

        ProjectSheets sheets = ProjectSheets.read(xlsx);
        assertEquals(List.of(), sheets.errors());
        assertEquals(List.of(), sheets.warnings());
        assertEquals(ShotListWorkbook.CHARACTERS.size(), sheets.bible().characters().size());
        assertEquals("35mm", sheets.spine().lens());
        assertEquals("Benchmark production", sheets.projectSettings().projectName());
        assertEquals("sora-2", sheets.shotDefaults().model());
        assertEquals(4, sheets.shotDefaults().seconds());
    }

    @Test
    void aShotIsTheSameEveryTimeItIsMade() {
        ShotListWorkbook.Sequence castle = ShotListWorkbook.sequence(7);
        assertEquals(ShotListWorkbook.sequence(7), castle);
        assertEquals(ShotListWorkbook.row(castle, 7, 12), ShotListWorkbook.row(castle, 7, 12));
        assertNotEquals(ShotListWorkbook.row(castle, 7, 12), ShotListWorkbook.row(castle, 7, 13));
        assertEquals("SC8-013", ShotListWorkbook.row(castle, 7, 12).shotCode());
        Set<String> names = new HashSet<>();
        for (int s = 0; s < ShotListWorkbook.SEQUENCES; s++) {
            names.add(ShotListWorkbook.sequence(s).name());
        }
        assertEquals(ShotListWorkbook.SEQUENCES, names.size(), "every sequence has its own name");
    }

    @Test
    void theExportWritesEveryRowWithFiveCommentsThroughRunReport() throws Exception {
        Path target = dir.resolve("report.xlsx");
        ReportExport.Result r = ReportExport.run(target, 2, 30);
        assertNull(r.failure());
        assertEquals(60, r.rows());
        assertEquals(Files.size(target), r.bytes());
        assertEquals(ReportExport.PROBES - 1, r.live().encode().split(",").length, "probed at 6, 12, ... 54 rows");
        try (XSSFWorkbook wb = new XSSFWorkbook(OPCPackage.open(target.toFile(), PackageAccess.READ))) {
            Sheet takes = wb.getSheet(RunReport.SHEET);
            assertEquals(60, takes.getLastRowNum(), "a header and 60 rows");
            Row first = takes.getRow(1);
            assertEquals("SC1-001", first.getCell(1).getStringCellValue());
            assertTrue(first.getCell(2).getStringCellValue().contains("\nCamera: "), "the prompt");
            int comments = 0;
            for (int c = 6; c < 11; c++) {
                comments += takes.getCellComment(new CellAddress(1, c)) == null ? 0 : 1;
            }
            assertEquals(5, comments, "each criterion's note is a comment");
        }
    }

    @Test
    void aReportRowListCostsKilobytesARow() {
        long perRow = ReportExport.listBytesPerRow(2, 50, 100);
        assertTrue(perRow > 2_000 && perRow < 50_000, "bytes a row: " + perRow);
    }

    @Test
    void aChildJvmLoadsTheWorkbookAndReportsItsFigures() throws Exception {
        Path xlsx = dir.resolve("small.xlsx");
        ShotListWorkbook.write(xlsx, 1, 25);
        SpreadsheetBenchmark.Child c = SpreadsheetBenchmark.Child.run("plain", "256m", PlainWorkbookLoad.class, dir, xlsx.toString());
        assertTrue(c.ok(), c::describe);
        // Shots: title, note, header and 25 shots; Characters: header and 12; Style Spine: 7 rows; Settings: 6.
        assertEquals(3 + 25 + 1 + ShotListWorkbook.CHARACTERS.size() + ShotListWorkbook.SPINE.size()
                + ShotListWorkbook.SETTINGS.size(), c.longValue("rows"));
        assertTrue(c.longValue("peak") > 0);
        assertTrue(c.doubleValue("seconds") > 0);
    }

    @Test
    void aChildThatFailsSaysWhy() throws Exception {
        SpreadsheetBenchmark.Child c = SpreadsheetBenchmark.Child.run("missing", "64m", PlainWorkbookLoad.class, dir,
                dir.resolve("no-such.xlsx").toString());
        assertFalse(c.ok());
        assertTrue(c.describe().startsWith("exit code 1"), c.describe());
    }

    @Test
    void resultLinesAndProbesRoundTrip() {
        Map<String, String> m = SpreadsheetBenchmark.Child.parse("RESULT oom rows=3 seconds=1.50 live=1:2,3:4");
        assertEquals(Map.of("status", "oom", "rows", "3", "seconds", "1.50", "live", "1:2,3:4"), m);

        HeapGauge.Probes p = new HeapGauge.Probes(2);
        for (int row = 1; row <= 6; row++) {
            p.at(row);
        }
        assertEquals(6, p.lastRow());
        HeapGauge.Probes back = HeapGauge.Probes.decode(p.encode());
        assertEquals(p.encode(), back.encode());
        assertEquals(p.max(), back.max());
        assertNotNull(p.describe());
        assertTrue(p.describe().startsWith("2: "), p.describe());
        assertEquals("no probe reached", HeapGauge.Probes.decode("").describe());
    }
}
