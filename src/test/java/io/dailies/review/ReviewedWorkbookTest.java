package io.dailies.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.core.Verdict;
import io.dailies.shotlist.sheet.HostileWorkbooks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The edited report read back: by header, streaming, and never before the guard has looked inside it. */
class ReviewedWorkbookTest {

    private static final List<String> HEADERS = List.of("Sequence", "Shot", "Prompt", "Video id", "Status", "Verdict", "Notes",
            "Reviewer notes");

    @Test
    void readsEachRowsVerdictAndNotesByHeader() {
        byte[] report = report(false, new Object[]{"Castle", "SC1-01", "A prompt", "video_1", "SCORED", "ACCEPT", "fine", ""},
                new Object[]{},
                new Object[]{"Castle", "SC1-02", "A prompt", "video_2", "SCORED", "retake", "", "Goblet floats."},
                new Object[]{"Castle", "SC1-03", "A prompt", "video_3", "SCORED", "maybe", "", ""},
                new Object[]{"Castle", 4, "A prompt", "video_4", "SCORED", "", "", ""});
        for (byte[] workbook : List.of(report, report(true, new Object[]{"Castle", "SC1-01", "p", "v", "SCORED", "ACCEPT", "", ""}))) {
            ReviewedWorkbook.Result read = ReviewedWorkbook.read(new ByteArrayInputStream(workbook));
            assertTrue(read.rows().size() >= 1, read.toString());
            assertEquals(new ReviewedWorkbook.RowReview(2, "Castle", "SC1-01", Verdict.ACCEPT, null), read.rows().get(0));
        }
        ReviewedWorkbook.Result read = ReviewedWorkbook.read(new ByteArrayInputStream(report));
        assertEquals(3, read.rows().size(), read.toString());
        assertEquals(new ReviewedWorkbook.RowReview(4, "Castle", "SC1-02", Verdict.RETAKE, "Goblet floats."), read.rows().get(1));
        assertEquals(new ReviewedWorkbook.RowReview(6, "Castle", "4", null, null), read.rows().get(2));
        assertEquals(1, read.problems().size(), read.toString());
        ReviewedWorkbook.Problem maybe = read.problems().get(0);
        assertEquals(5, maybe.row());
        assertEquals("F", maybe.column());
        assertEquals("maybe", maybe.value());
    }

    @Test
    void aWorkbookWithoutTheSheetOrAColumnIsOneProblem() {
        ReviewedWorkbook.Result noColumn;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Takes").createRow(0).createCell(0).setCellValue("Sequence");
            noColumn = ReviewedWorkbook.read(new ByteArrayInputStream(bytes(wb)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(2, noColumn.problems().size(), noColumn.toString());
        assertTrue(noColumn.problems().get(0).message().contains("Missing column 'Shot'"));

        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Dailies");
            ReviewedWorkbook.Result noSheet = ReviewedWorkbook.read(new ByteArrayInputStream(bytes(wb)));
            assertTrue(noSheet.problems().get(0).message().contains("no 'Takes' sheet"), noSheet.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReviewedWorkbook.Result notAWorkbook = ReviewedWorkbook.read(new ByteArrayInputStream("Sequence,Shot\n".getBytes()));
        assertTrue(notAWorkbook.problems().get(0).message().contains("not an .xlsx workbook"), notAWorkbook.toString());
    }

    @Test
    void aHostileReportIsRefusedByTheGuardBeforeAnythingReadsIt() {
        byte[] report = report(false, new Object[]{"Castle", "SC1-01", "A prompt", "video_1", "SCORED", "ACCEPT", "", ""});
        byte[][] hostile = {
                HostileWorkbooks.doctypeAfterComments(report, 6_000),
                HostileWorkbooks.utf16Doctype(report, false, false),
                HostileWorkbooks.lyingAboutItsSize(report, 30_000_000, 3_000),
        };
        String[] reasons = {"DOCTYPE", "UTF-16", "lies about its size"};
        for (int i = 0; i < hostile.length; i++) {
            ReviewedWorkbook.Result read = ReviewedWorkbook.read(new ByteArrayInputStream(hostile[i]));
            assertEquals(List.of(), read.rows(), "nothing is read from a refused workbook");
            assertEquals(1, read.problems().size(), read.toString());
            ReviewedWorkbook.Problem p = read.problems().get(0);
            assertNull(p.sheet());
            assertEquals(0, p.row());
            assertTrue(p.message().contains(reasons[i]) && p.message().contains("is not opened"), p.message());
        }
    }

    @Test
    void theReaderGetsOnlyTheTextsOfTheColumnsItReads() throws Exception {
        byte[] report = report(true, new Object[]{"Castle", "SC1-01", "A long prompt nobody reads here", "video_1", "SCORED", "ACCEPT",
                "The scorer's notes", "Lovely."}, new Object[]{"Castle", "SC1-02", "Another prompt", "video_2", "SCORED", "", "", ""});
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report-", ".xlsx");
        java.nio.file.Path thin = null;
        try {
            java.nio.file.Files.write(file, report);
            assertEquals(null, ReviewedWorkbook.SharedStrings.thinned(file, ReviewedWorkbook.SharedStrings.THIN_ABOVE_BYTES),
                    "a small table is read as it is");
            thin = ReviewedWorkbook.SharedStrings.thinned(file, 0);
            String before = new String(HostileWorkbooks.parts(report).get("xl/sharedStrings.xml"), java.nio.charset.StandardCharsets.UTF_8);
            String after = new String(HostileWorkbooks.parts(java.nio.file.Files.readAllBytes(thin)).get("xl/sharedStrings.xml"),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(before.contains("A long prompt nobody reads here") && before.contains("The scorer's notes"), before);
            assertTrue(!after.contains("A long prompt nobody reads here") && !after.contains("The scorer's notes")
                    && !after.contains("video_1"), after);
            for (String kept : List.of("Sequence", "Prompt", "Reviewer notes", "Castle", "SC1-02", "ACCEPT", "Lovely.")) {
                assertTrue(after.contains(kept), kept + " in " + after);
            }
            assertEquals(before.split("<si>").length, after.split("<si>").length, "every index stays where it was");
            ReviewedWorkbook.Result read = ReviewedWorkbook.read(new ByteArrayInputStream(report));
            assertEquals(new ReviewedWorkbook.RowReview(2, "Castle", "SC1-01", Verdict.ACCEPT, "Lovely."), read.rows().get(0));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            if (thin != null) {
                java.nio.file.Files.deleteIfExists(thin);
            }
        }
    }

    /** A report with the Takes sheet's header and rows; as Excel saves it (shared strings) or as Dailies writes it (inline). */
    static byte[] report(boolean sharedStrings, Object[]... rows) {
        try (Workbook wb = sharedStrings ? new XSSFWorkbook() : new SXSSFWorkbook(null, 100, false, false)) {
            Sheet sheet = wb.createSheet("Takes");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            int r = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (values[c] != null && !values[c].toString().isEmpty()) {
                        row.createCell(c).setCellValue(values[c].toString());
                    }
                }
            }
            wb.createSheet("Run").createRow(0).createCell(0).setCellValue("Run");
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Workbook wb) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
