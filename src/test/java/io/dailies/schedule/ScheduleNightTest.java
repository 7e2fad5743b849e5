package io.dailies.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.core.Run;
import io.dailies.core.Take;
import io.dailies.core.TakeResult;
import io.dailies.core.Verdict;
import io.dailies.production.ShotSelection;
import io.dailies.report.RunReport;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A night's figures, its morning workbook (rows, summary, native chart), its budget cap and its deadline. */
class ScheduleNightTest {

    @TempDir
    Path dir;

    private static NightSummary.Fact fact(Take.Status status, Verdict verdict, int seconds, String charged, String failure, String fixes) {
        return new NightSummary.Fact(status, verdict, seconds, charged == null ? null : new BigDecimal(charged), failure, fixes);
    }

    static final List<NightSummary.Fact> NIGHT = List.of(
            fact(Take.Status.SCORED, Verdict.ACCEPT, 8, "0.80", null, null),
            fact(Take.Status.SCORED, Verdict.ACCEPT, 4, "0.40", null, null),
            fact(Take.Status.SCORED, Verdict.REVIEW, 4, "0.40", null, null),
            fact(Take.Status.SCORED, Verdict.RETAKE, 4, "0.40", null, "Add a stability cue: locked-off tripod.\nName one light source."),
            fact(Take.Status.SCORED, Verdict.RETAKE, 4, "0.40", null, "Add a stability cue: locked-off tripod."),
            fact(Take.Status.FAILED, null, 4, null, "moderation_blocked: the prompt was refused\nmore detail", null),
            fact(Take.Status.FAILED, null, 4, null, Run.DEFERRED + ": the run's window closed ...", null),
            fact(Take.Status.FAILED, null, 4, null, Run.DEFERRED + ": the run's window closed ...", null));

    @Test
    void theNightsFiguresCountMadeAcceptedReviewRetakeFailedDeferredSecondsSpendAndReasons() {
        NightSummary s = NightSummary.of(NIGHT, new BigDecimal("5"));
        assertEquals(8, s.takes());
        assertEquals(5, s.made());
        assertEquals(2, s.accepted());
        assertEquals(1, s.toReview());
        assertEquals(2, s.toRetake());
        assertEquals(1, s.failed());
        assertEquals(2, s.deferred());
        assertEquals(12, s.acceptedSeconds());
        assertEquals(new BigDecimal("2.40"), s.spentUsd());
        assertEquals(new NightSummary.Reason("Add a stability cue: locked-off tripod.", 2), s.reasons().get(0));
        assertTrue(s.reasons().contains(new NightSummary.Reason("moderation_blocked: the prompt was refused", 1)), s.reasons().toString());
        assertTrue(s.text().contains("Spend: $2.40 of the night's $5.00"), s.text());
    }

    @Test
    void theMorningWorkbookHasTheReportsRowsThenASummaryWithANativeChart() throws Exception {
        Path file = dir.resolve("night.xlsx");
        List<TakeResult> rows = List.of(
                new TakeResult("SC1", "01", "A prompt", "video_1", "SCORED", "takes/run-1/a.mp4", List.of(), 90, "ACCEPT", "",
                        null, null, null, "sync", new BigDecimal("0.80")),
                new TakeResult("SC1", "02", "Another", null, "FAILED", null, List.of(), null, null, Run.DEFERRED + ": ...",
                        null, null, null, "sync", null));
        Map<String, String> head = new LinkedHashMap<>();
        head.put("Project", "The Queen's Court");
        head.put("Night of", "2026-05-15");
        NightSummary summary = NightSummary.of(NIGHT, new BigDecimal("5"));
        RunReport.write(file, rows, true, () -> Map.of("Run", "1"), wb -> MorningWorkbook.addSummary(wb, head, summary));
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet takes = wb.getSheetAt(0);
            assertEquals(RunReport.SHEET, takes.getSheetName(), "the first sheet is the takes, one row each");
            for (int c = 0; c < RunReport.HEADERS.size(); c++) {
                assertEquals(RunReport.HEADERS.get(c), takes.getRow(0).getCell(c).getStringCellValue());
            }
            assertEquals(2, takes.getLastRowNum());
            assertEquals("video_1", takes.getRow(1).getCell(3).getStringCellValue());
            XSSFSheet sheet = wb.getSheet(MorningWorkbook.SHEET);
            assertNotNull(sheet);
            Map<String, Double> figures = new LinkedHashMap<>();
            sheet.forEach(r -> {
                if (r.getCell(1) != null && r.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    figures.putIfAbsent(r.getCell(0).getStringCellValue(), r.getCell(1).getNumericCellValue());
                }
            });
            assertEquals(5.0, figures.get("Takes made"));
            assertEquals(2.0, figures.get("Accepted"));
            assertEquals(1.0, figures.get("To review"));
            assertEquals(2.0, figures.get("To retake"));
            assertEquals(12.0, figures.get("Accepted seconds"));
            assertEquals(2.4, figures.get("Spend (USD)"), 1e-9);
            assertEquals(5.0, figures.get("Night's budget (USD)"));
            assertEquals(2.0, figures.get("Deferred"), "the chart's data: deferred takes");
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertEquals(1, charts.size(), "a native Excel chart");
            assertEquals(MorningWorkbook.CHART_TITLE, charts.get(0).getTitleText().getString());
            assertEquals(MorningWorkbook.OUTCOMES.length, charts.get(0).getChartSeries().get(0).getSeries(0).getCategoryData().getPointCount());
        }
    }

    @Test
    void theNightsBudgetCapsTheShotsInWorkbookOrder() {
        List<String> costs = List.of("1.00", "2.00", "0.50", "3.00");
        assertEquals(2, ShotSelection.fitting(costs, BigDecimal::new, new BigDecimal("3.49")), "1 + 2 fit, 0.50 more would not");
        assertEquals(3, ShotSelection.fitting(costs, BigDecimal::new, new BigDecimal("3.50")));
        assertEquals(0, ShotSelection.fitting(costs, BigDecimal::new, new BigDecimal("0.99")));
        assertEquals(4, ShotSelection.fitting(costs, BigDecimal::new, null), "no cap: all");
    }

    @Test
    void aRunTakesNoNewSubmissionFromItsDeadlineOnAndSaysWhyToTheTakesItDefers() throws Exception {
        var ctor = Run.class.getDeclaredConstructor();
        ctor.setAccessible(true);
        Run run = ctor.newInstance();
        Instant end = Instant.parse("2026-05-16T04:00:00Z");
        assertTrue(run.acceptsSubmissionsAt(end.plusSeconds(3600)), "a run started by hand has no deadline");
        run.limitTo(Run.Shots.PENDING, new BigDecimal("5"), end);
        assertTrue(run.acceptsSubmissionsAt(end.minusMillis(1)));
        assertFalse(run.acceptsSubmissionsAt(end));
        assertTrue(run.deferralReason().startsWith(Run.DEFERRED), run.deferralReason());
        assertTrue(run.deferralReason().contains("nothing was charged"));
    }
}
