package io.dailies.report.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.core.Verdict;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.shotlist.sheet.CellIssue;
import io.dailies.shotlist.sheet.DailiesColumns;
import io.dailies.shotlist.sheet.RawShotRow;
import io.dailies.shotlist.sheet.SafeWorkbook;
import io.dailies.shotlist.sheet.SheetLayout;
import io.dailies.shotlist.sheet.ShotColumn;
import io.dailies.shotlist.sheet.ShotRowData;
import io.dailies.shotlist.sheet.ShotRowValidator;
import io.dailies.shotlist.sheet.ShotSheetReader;
import io.dailies.shotlist.sheet.TestWorkbooks;
import io.dailies.shotlist.sheet.WorkbookReviewColumns;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkbookReviewColumnsTest {

    private static final ModelCatalog CATALOG = ModelCatalog.load();

    @TempDir
    Path dir;

    // --- the headers, against what the write-back really writes ---

    /** In place and streamed (a limit of 0 bytes streams every workbook). */
    @ParameterizedTest
    @ValueSource(longs = {SafeWorkbook.IN_MEMORY_BYTES, 0})
    void everyHeaderTheWriteBackWritesIsKnownAndNoneIsAShotColumn(long inMemoryBytes) throws Exception {
        Path producers = TestWorkbooks.write(dir, "plain.xlsx", TestWorkbooks.shots(2));
        Path out = dir.resolve("out.xlsx");
        WorkbookWriteBack.writeBack(producers, out, List.of(result("SC1-01", "take 7", "video_7", "ACCEPT", "Fine.")), summary(),
                inMemoryBytes);
        List<String> written = new ArrayList<>();
        try (XSSFWorkbook before = open(producers); XSSFWorkbook after = open(out)) {
            int producers1 = before.getSheet("Shots").getRow(0).getLastCellNum();
            XSSFRow header = after.getSheet("Shots").getRow(0);
            for (int i = producers1; i < header.getLastCellNum(); i++) {
                written.add(header.getCell(i).getStringCellValue());
            }
        }
        assertFalse(written.isEmpty());
        for (String h : written) {
            assertTrue(WorkbookReviewColumns.HEADERS.contains(h), "the write-back writes '" + h + "', which the review columns do not know");
            assertTrue(ShotColumn.forHeader(h).isEmpty(), "'" + h + "' would be read as a shot column, not come back as an extra");
        }
        assertEquals(WorkbookReviewColumns.HEADERS, written, "every known header is written, in order");

        // Read back as a shot list: every Dailies column is recognised, nothing is left as the producer's.
        try (ShotSheetReader reader = ShotSheetReader.open(out)) {
            RawShotRow row = reader.next();
            assertEquals(WorkbookReviewColumns.HEADERS.size(), WorkbookReviewColumns.dailiesColumns(row.extras().keySet()).size());
            assertEquals(Map.of(), WorkbookReviewColumns.producerColumns(row.extras()));
        }
    }

    // --- the round trip: write back, edit in "Excel", upload again ---

    @ParameterizedTest
    @ValueSource(longs = {SafeWorkbook.IN_MEMORY_BYTES, 0})
    void aVerdictAndNotesEditedInTheWriteBackComeBackAsReviews(long inMemoryBytes) throws Exception {
        Path producers = TestWorkbooks.write(dir, "own.xlsx", TestWorkbooks.ownStatusAndNotes());
        Path out = dir.resolve("written.xlsx");
        String written2 = "Motion quality: 58, some jitter in the last second.";
        WorkbookWriteBack.writeBack(producers, out, List.of(
                result("SC1-01", "take 11", "video_11", "RETAKE", "Audio sync: 40."),
                result("SC1-02", "take 12", "video_12", "REVIEW", written2),
                result("SC1-03", "take 13", "video_13", "ACCEPT", "Fine.")), summary(), inMemoryBytes);

        // The producer's edits: an approval, a note typed under Dailies' note, an unknown word.
        String verdictLetter;
        try (XSSFWorkbook wb = open(out)) {
            XSSFSheet shots = wb.getSheet("Shots");
            Map<String, Integer> col = new LinkedHashMap<>();
            for (Cell c : shots.getRow(0)) {
                col.put(c.getStringCellValue(), c.getColumnIndex()); // the later "Notes"/"Status" are Dailies'
            }
            int verdict = col.get(DailiesColumns.VERDICT);
            verdictLetter = CellReference.convertNumToColString(verdict);
            // typed as Excel saves a typed cell: a fresh one (POI's setCellValue on an inline-string cell, as the
            // streamed write-back writes them, would keep the old text beside the new)
            retype(shots.getRow(1), verdict, "Approved");
            retype(shots.getRow(2), col.get(DailiesColumns.NOTES), written2 + "\nToo dark on the left, relight.");
            retype(shots.getRow(3), verdict, "maybe");
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }

        List<WorkbookReviewColumns.Reading> readings = new ArrayList<>();
        SheetLayout layout;
        try (ShotSheetReader reader = ShotSheetReader.open(out)) {
            layout = reader.layout();
            ShotRowValidator validator = new ShotRowValidator(CATALOG, layout);
            while (reader.hasNext()) {
                ShotRowData shot = validator.validate(reader.next()).shot();
                assertNotNull(shot, "Dailies' columns never make a row invalid");
                readings.add(WorkbookReviewColumns.read(shot, layout));
            }
        }
        assertEquals(3, readings.size());
        for (int i = 0; i < 3; i++) {
            // the producer's own Status and Notes (S, T) stay theirs; Dailies' are not kept as producer columns
            assertEquals(Map.of("Status", "locked", "Notes", "our note " + (i + 1)), readings.get(i).producerColumns());
        }

        WorkbookReviewColumns.WorkbookReview approved = readings.get(0).review();
        assertEquals(Long.valueOf(11), approved.selectedTakeId());
        assertEquals("video_11", approved.videoId());
        assertEquals(Verdict.ACCEPT, approved.verdict());
        assertEquals("Audio sync: 40.", approved.notes());
        assertEquals("Shots", approved.sheet());
        assertEquals(2, approved.row());
        assertNull(approved.notesAddedTo("Audio sync: 40."), "notes as written are no review note");

        WorkbookReviewColumns.WorkbookReview noted = readings.get(1).review();
        assertEquals(Verdict.REVIEW, noted.verdict(), "unchanged; the import compares it with the take's verdict");
        assertEquals("Too dark on the left, relight.", noted.notesAddedTo(written2));
        assertEquals(List.of(), readings.get(1).errors());

        WorkbookReviewColumns.Reading unknown = readings.get(2);
        assertNull(unknown.review(), "no review from a row whose verdict is not understood");
        assertEquals(1, unknown.errors().size());
        CellIssue issue = unknown.errors().get(0);
        assertEquals("Shots", issue.sheet());
        assertEquals(4, issue.row());
        assertEquals(verdictLetter, issue.column());
        assertEquals("Verdict", issue.field());
        assertEquals("maybe", issue.value());
        assertEquals("Verdict 'maybe' is not a verdict: write " + WorkbookReviewColumns.acceptedWords() + ", or leave it empty",
                issue.message());
        assertTrue(issue.message().contains("ACCEPT, RETAKE or REVIEW (also accepted: accepted, approve"), issue.message());
        assertEquals(verdictLetter, layout.extraLetter(layout.extraLetters().keySet().stream()
                .filter(k -> k.startsWith("Verdict")).findFirst().orElseThrow()));
    }

    private static void retype(XSSFRow row, int column, String text) {
        var old = row.getCell(column);
        var style = old == null ? null : old.getCellStyle();
        if (old != null) {
            row.removeCell(old);
        }
        var cell = row.createCell(column);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    // --- telling Dailies' columns from the producer's ---

    @Test
    void aShotListWithSomeColumnsNamedLikeDailiesIsNotAWriteBack() {
        LinkedHashMap<String, String> extras = new LinkedHashMap<>();
        extras.put("Status", "locked");
        extras.put("Notes", "pressed gown");
        extras.put("Verdict", "nonsense");
        extras.put("Cost", "12");
        assertFalse(WorkbookReviewColumns.isWriteBack(extras.keySet()));
        WorkbookReviewColumns.Reading r = WorkbookReviewColumns.read("Shots", 5, extras, Map.of());
        assertEquals(extras, r.producerColumns());
        assertNull(r.review());
        assertEquals(List.of(), r.errors(), "a producer's own Verdict column is not checked");
    }

    @Test
    void aMajorityOfDailiesHeadersIsAWriteBack() {
        List<String> headers = WorkbookReviewColumns.HEADERS;
        int min = WorkbookReviewColumns.MIN_HEADERS;
        assertTrue(min > headers.size() / 2 && min <= headers.size());
        assertTrue(WorkbookReviewColumns.isWriteBack(headers.subList(0, min)));
        assertFalse(WorkbookReviewColumns.isWriteBack(headers.subList(0, min - 1)));
        assertTrue(WorkbookReviewColumns.isWriteBack(headers.stream().map(h -> " " + h.toUpperCase() + " ").toList()),
                "case and surrounding spaces do not matter");
    }

    @Test
    void whenAHeaderIsRepeatedTheOneFurtherRightIsDailies() {
        LinkedHashMap<String, String> extras = new LinkedHashMap<>();
        extras.put("Notes", "ours");
        extras.put("Verdict", "RETAKE"); // a producer column left of Dailies' block
        for (String h : WorkbookReviewColumns.HEADERS) {
            String key = h.equals("Notes") || h.equals("Verdict") ? h + " (AB)" : h;
            extras.put(key, switch (h) {
                case "Selected take" -> "take 5";
                case "Verdict" -> "accept";
                case "Notes" -> "theirs";
                default -> "";
            });
        }
        WorkbookReviewColumns.Reading r = WorkbookReviewColumns.read("Shots", 9, extras, Map.of());
        assertEquals(Map.of("Notes", "ours", "Verdict", "RETAKE"), r.producerColumns());
        assertEquals(Verdict.ACCEPT, r.review().verdict());
        assertEquals("theirs", r.review().notes());
        assertEquals(Long.valueOf(5), r.review().selectedTakeId());
        assertNull(r.review().videoId());

        extras.put("Verdict (AB)", "so-so");
        CellIssue e = WorkbookReviewColumns.read("Shots", 9, extras, Map.of()).errors().get(0);
        assertEquals("AB", e.column(), "the letter of a repeated header comes from its key");
    }

    // --- rows without a review ---

    @Test
    void aVerdictOnAShotWithNoTakeIsAWarningAndNoReview() {
        Map<String, String> extras = writeBackRow("", "", "ACCEPT", "Not rendered yet.");
        WorkbookReviewColumns.Reading r = WorkbookReviewColumns.read("Shots", 4, extras, Map.of("Verdict", "AF"));
        assertNull(r.review());
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.warnings().size());
        assertEquals("AF", r.warnings().get(0).column());
        assertTrue(r.warnings().get(0).message().startsWith("Verdict ACCEPT is on a shot with no take"), r.warnings().get(0).message());

        WorkbookReviewColumns.Reading quiet = WorkbookReviewColumns.read("Shots", 4, writeBackRow("", "", "", "Not rendered yet."), Map.of());
        assertNull(quiet.review());
        assertEquals(List.of(), quiet.warnings(), "Dailies' own note on an unrendered shot is no review");
    }

    @Test
    void aTakeWithBlankVerdictAndNotesHasNoReviewButAVideoIdAloneNamesTheTake() {
        assertNull(WorkbookReviewColumns.read("Shots", 4, writeBackRow("take 3", "video_3", "", ""), Map.of()).review());
        WorkbookReviewColumns.WorkbookReview byVideo = WorkbookReviewColumns.read("Shots", 4,
                writeBackRow("", "video_3", "retake", ""), Map.of()).review();
        assertEquals(Verdict.RETAKE, byVideo.verdict());
        assertNull(byVideo.selectedTakeId());
        assertTrue(byVideo.hasTake());
    }

    // --- words ---

    @ParameterizedTest
    @CsvSource({"ACCEPT,ACCEPT", "accept,ACCEPT", " Accepted ,ACCEPT", "approved,ACCEPT", "OK,ACCEPT", "ok!,ACCEPT",
            "RETAKE,RETAKE", "Re-take,RETAKE", "redo,RETAKE", "reshoot,RETAKE", "rejected,RETAKE",
            "REVIEW,REVIEW", "needs review,REVIEW", "Needs-Review,REVIEW", "on hold,REVIEW", "check,REVIEW"})
    void verdictWordsAreNormalised(String word, Verdict expected) {
        assertEquals(expected, WorkbookReviewColumns.verdict(word).orElse(null), word);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "yes", "accpet", "", "  ", "-"})
    void otherWordsAreNoVerdict(String word) {
        assertTrue(WorkbookReviewColumns.verdict(word).isEmpty(), word);
    }

    @Test
    void everyVerdictHasWordsAndNoWordMeansTwoVerdicts() {
        assertEquals(java.util.EnumSet.allOf(Verdict.class), java.util.EnumSet.copyOf(WorkbookReviewColumns.VERDICT_WORDS.keySet()));
        WorkbookReviewColumns.VERDICT_WORDS.forEach((v, words) -> {
            assertEquals(v.name(), words.get(0));
            for (String w : words) {
                assertEquals(v, WorkbookReviewColumns.verdict(w).orElseThrow(), w);
            }
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"take 123|123", "Take 7|7", "take #7|7", "#42|42", "42|42", " take 9 |9"})
    void selectedTakeCells(String cell, long id) {
        assertEquals(Long.valueOf(id), WorkbookReviewColumns.takeId(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "T1", "take", "the good one", "take 1 and 2"})
    void cellsNamingNoTake(String cell) {
        assertNull(WorkbookReviewColumns.takeId(cell));
    }

    @Test
    void notesAddedToWhatDailiesWrote() {
        WorkbookReviewColumns.WorkbookReview r = review("Reviewer: keep.\nLint: palette.");
        assertEquals("Reviewer: keep.", r.notesAddedTo("Lint: palette."), "typed above");
        assertEquals("Reviewer: keep.\nLint: palette.", r.notesAddedTo("Something else entirely"), "rewritten: the whole cell");
        assertEquals("Reviewer: keep.\nLint: palette.", r.notesAddedTo(null));
        assertNull(review("Lint: palette.\r\n").notesAddedTo("Lint: palette."), "unchanged");
        assertEquals("relight", review("Lint: palette. relight").notesAddedTo("Lint: palette."), "typed after");
        assertNull(review(null).notesAddedTo("Lint: palette."), "emptied: nothing added");
    }

    // --- helpers ---

    private static WorkbookReviewColumns.WorkbookReview review(String notes) {
        return new WorkbookReviewColumns.WorkbookReview(1L, null, null, notes, "Shots", 2);
    }

    /** Every Dailies column, with the given Selected take, Video id, Verdict and Notes. */
    private static Map<String, String> writeBackRow(String take, String videoId, String verdict, String notes) {
        LinkedHashMap<String, String> extras = new LinkedHashMap<>();
        extras.put("Wardrobe", "pressed");
        for (String h : WorkbookReviewColumns.HEADERS) {
            extras.put(h, "");
        }
        extras.put(DailiesColumns.SELECTED_TAKE, take);
        extras.put(DailiesColumns.VIDEO_ID, videoId);
        extras.put(DailiesColumns.VERDICT, verdict);
        extras.put(DailiesColumns.NOTES, notes);
        return extras;
    }

    private static ShotResult result(String shot, String take, String videoId, String verdict, String notes) {
        return new ShotResult("Castle", shot, "COMPLETED", 1, take, videoId, new BigDecimal("0.40"), 80, 70, 60, 90, 75, 70,
                verdict, notes, null, "https://dailies.example/runs/1/takes", Map.of());
    }

    private static Summary summary() {
        return new Summary("The Queen's Court", null, "USD", Instant.parse("2026-03-14T10:00:00Z"));
    }

    private static XSSFWorkbook open(Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }
}
