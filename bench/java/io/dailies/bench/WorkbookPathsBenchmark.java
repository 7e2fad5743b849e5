package io.dailies.bench;

import com.github.pjfanning.xlsx.StreamingReader;
import io.dailies.core.TakeResult;
import io.dailies.platform.workbook.WorkbookGuard;
import io.dailies.report.workbook.ShotResult;
import io.dailies.report.workbook.Summary;
import io.dailies.report.workbook.WriteBackBench;
import io.dailies.review.ReviewsBench;
import io.dailies.shotlist.sheet.AnnotateBench;
import io.dailies.shotlist.sheet.AnnotatedWorkbook;
import io.dailies.shotlist.sheet.CellIssue;
import io.dailies.shotlist.sheet.DailiesColumns;
import io.dailies.shotlist.sheet.RawShotRow;
import io.dailies.shotlist.sheet.ShotColumn;
import io.dailies.shotlist.sheet.ShotSheetReader;
import io.dailies.shotlist.sheet.WorkbookReviewColumns;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * Whether the three other paths that open a producer's workbook fit in the heap the server ships with (512 MB) at
 * 100,000 rows, and how fast they go: the write-back into the producer's workbook ({@code GET
 * /api/projects/{id}/workbook}), the reading of an edited report ({@code POST /api/runs/{id}/reviews}) and the
 * annotated copy of a rejected shot list ({@code GET /api/shotlists/{id}/annotated}). Each runs here, under this
 * JVM's cap, and must complete and come out right, or the benchmark stops; then each runs the way it did before the
 * paths streamed (the whole workbook in POI's user model) in a child JVM with the same cap, to show whether that fits.
 *
 * <ol>
 * <li><b>Make</b> (child JVMs): the 100,000-row shot list of {@link ShotListWorkbook} (3 GB); the run report of its
 * shots with {@link ReportExport} ({@code RunReport.write}, strings inline as Dailies writes them); that report as a
 * reviewer sends it back ({@link ReviewedReport}: a verdict typed every 50 rows, a note every 100, saved with
 * Excel's shared-strings table); 2,500 thumbnails.</li>
 * <li><b>Write-back</b>: {@code WorkbookWriteBack.writeBack} of 100,000 results (status, take, video id, cost, the
 * five scores with their reasons, verdict, the scorer's notes, a thumbnail and a console link each; made as the
 * write-back asks for them, so the heap is the write-back's own). Checked: the output reads back as the same
 * 100,000 shots with every Dailies column and each row's own video id.</li>
 * <li><b>Reviews</b>: the edited report read as the upload reads it (spooled, guarded, streamed). Checked: 100,000
 * rows, every typed verdict, no problem.</li>
 * <li><b>Annotated</b>: the shot list with 1,000 cell issues (an import lists at most 1,000) and one workbook issue.
 * Checked: the issues sheet first, 1,000 cells filled red, every row still there.</li>
 * <li><b>Before</b> (child JVMs, same cap): the write-back's in-place path, the report loaded by
 * {@code WorkbookFactory.create}, the annotated workbook loaded whole ({@link WholeWorkbookPaths}).</li>
 * </ol>
 * Peak heap is {@link HeapGauge}'s: every heap pool's peak during the phase, summed, garbage included.
 *
 * <p>Run with {@code mvn -o -Pbench -DskipTests package exec:exec -Dbench=WorkbookPathsBenchmark -Dbench.heap=512m
 * [-Dbench.args="SEQUENCES SHOTS_PER_SEQUENCE"]} (defaults 100 x 1,000). About four minutes on two cores.
 */
public final class WorkbookPathsBenchmark {

    static final int THUMBNAILS = 2_500;
    static final int ISSUES = 1_000;
    static final String CONSOLE = "http://localhost:8080/api/runs/1/takes";

    private WorkbookPathsBenchmark() {
    }

    /** One line of the summary. */
    record Line(String path, String how, String jvm, long rows, double seconds, Long peak, Long afterGc, String result) {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Stream.of(args).flatMap(s -> Stream.of(s.strip().split("\\s+"))).filter(s -> !s.isEmpty()).toList();
        int sequences = a.size() > 0 ? Integer.parseInt(a.get(0)) : ShotListWorkbook.SEQUENCES;
        int shots = a.size() > 1 ? Integer.parseInt(a.get(1)) : ShotListWorkbook.SHOTS_PER_SEQUENCE;
        int rows = ShotListWorkbook.rows(sequences, shots);
        String cap = SpreadsheetBenchmark.heapCap();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "WorkbookPathsBenchmark: %,d rows (%d sequences x %d shots); %d cores, Java %s, heap cap %s (max %d MB), %s%n",
                rows, sequences, shots, rt.availableProcessors(), System.getProperty("java.version"), cap, rt.maxMemory() >> 20,
                new HeapGauge().collectorNames());
        Path dir = Files.createTempDirectory("dailies-workbook-paths");
        List<Line> lines = new ArrayList<>();
        long benchStart = System.nanoTime();
        try {
            Path shotList = dir.resolve("shot-list.xlsx");
            Path report = dir.resolve("report.xlsx");
            Path reviewed = dir.resolve("report-reviewed.xlsx");
            make("shot list", SpreadsheetBenchmark.Child.run("generate", SpreadsheetBenchmark.GENERATOR_HEAP, ShotListWorkbook.class,
                    dir, shotList.toString(), Integer.toString(sequences), Integer.toString(shots)), shotList);
            make("run report", SpreadsheetBenchmark.Child.run("report", "1g", ReportExport.class, dir, report.toString(),
                    Integer.toString(sequences), Integer.toString(shots)), report);
            make("reviewed report (shared strings)", SpreadsheetBenchmark.Child.run("reviewed", "2g", ReviewedReport.class, dir,
                    report.toString(), reviewed.toString()), reviewed);
            Path thumbs = Files.createDirectories(dir.resolve("thumbs"));
            for (int i = 0; i < THUMBNAILS; i++) {
                BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
                image.setRGB(i % 160, i % 90, 0xFFFFFF);
                ImageIO.write(image, "jpg", thumbs.resolve("take-" + i + ".jpg").toFile());
            }
            System.out.printf(Locale.ROOT, "made %,d thumbnails%n", THUMBNAILS);

            System.out.println();
            System.out.println("now (this JVM, -Xmx" + cap + "):");
            lines.add(guard(shotList, rows, cap, "shot list"));
            lines.add(guard(reviewed, rows, cap, "reviewed report"));
            lines.add(writeBack(shotList, dir, sequences, shots, thumbs, cap));
            lines.add(reviews(reviewed, rows, cap, "report as Excel saves it (shared strings)"));
            lines.add(reviews(report, rows, cap, "report as Dailies writes it (inline strings)"));
            lines.add(annotated(shotList, dir, rows, cap));

            System.out.println();
            System.out.println("before (child JVMs, -Xmx" + cap + "): the whole workbook in POI's user model");
            List<Object[]> befores = List.of(new Object[]{WholeWorkbookPaths.WRITE_BACK, shotList, ""},
                    new Object[]{WholeWorkbookPaths.REVIEWS, reviewed, ", report as Excel saves it"},
                    new Object[]{WholeWorkbookPaths.REVIEWS, report, ", report as Dailies writes it"},
                    new Object[]{WholeWorkbookPaths.ANNOTATED, shotList, ""});
            for (Object[] before : befores) {
                String mode = (String) before[0];
                Path input = (Path) before[1];
                SpreadsheetBenchmark.Child c = SpreadsheetBenchmark.Child.run("before-" + mode, cap, WholeWorkbookPaths.class, dir, mode,
                        input.toString(), dir.toString(), Integer.toString(sequences), Integer.toString(shots));
                String how = WholeWorkbookPaths.how(mode) + before[2];
                if (c.ok()) {
                    System.out.printf(Locale.ROOT, "  %-10s %s: completed in %.1f s, peak heap %d MB%n", mode, how, c.doubleValue("seconds"),
                            HeapGauge.mb(c.longValue("peak")));
                    lines.add(new Line(mode, how, "child -Xmx" + cap, c.longValue("rows"), c.doubleValue("seconds"), c.longValue("peak"), null, "completed"));
                } else {
                    String cause = c.output().stream().filter(l -> l.contains("Exception") || l.contains("Error"))
                            .findFirst().orElse("").strip();
                    System.out.printf(Locale.ROOT, "  %-10s %s: %s%s%n", mode, how, c.describe(), cause.isEmpty() ? "" : "\n    " + cause);
                    Long peak = c.result().containsKey("peak") ? c.longValue("peak") : null;
                    double seconds = c.result().containsKey("seconds") ? c.doubleValue("seconds") : c.seconds();
                    lines.add(new Line(mode, how, "child -Xmx" + cap, 0, seconds, peak, null, "FAILED: " + c.describe() + (cause.isEmpty() ? "" : " (" + cause + ")")));
                }
            }

            System.out.println();
            long perResult = resultBytes(sequences, shots, thumbs);
            System.out.printf(Locale.ROOT, "a List of all %,d write-back results, as a caller holding them would keep: about %,d MB "
                    + "(%,d bytes a result, measured on 5,000; the scorer's notes are most of it)%n", rows, HeapGauge.mb(perResult * rows), perResult);
            System.out.println();
            System.out.println("| path | how | JVM | rows | seconds | rows/s | peak heap MB | max heap after a GC MB | result |");
            System.out.println("|---|---|---|---:|---:|---:|---:|---:|---|");
            for (Line l : lines) {
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %,d | %.1f | %s | %s | %s | %s |%n", l.path(), l.how(), l.jvm(), l.rows(),
                        l.seconds(), l.rows() > 0 ? String.format(Locale.ROOT, "%,.0f", l.rows() / l.seconds()) : "–",
                        l.peak() == null ? "–" : Long.toString(HeapGauge.mb(l.peak())),
                        l.afterGc() == null ? "–" : Long.toString(HeapGauge.mb(l.afterGc())), l.result());
            }
            System.out.printf(Locale.ROOT, "benchmark took %.0f s%n", (System.nanoTime() - benchStart) / 1e9);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void make(String what, SpreadsheetBenchmark.Child c, Path file) throws IOException {
        if (!c.ok()) {
            throw new IllegalStateException("could not make the " + what + ": " + c.describe());
        }
        System.out.printf(Locale.ROOT, "made the %s: %,d rows, %.1f MB, in %.1f s%n", what, c.longValue("rows"), Files.size(file) / 1e6,
                c.doubleValue("seconds"));
    }

    // --- the guard every path starts with ---

    private static Line guard(Path xlsx, int rows, String cap, String what) throws Exception {
        WorkbookGuard.check(xlsx); // once to warm up
        HeapGauge heap = new HeapGauge();
        heap.reset();
        long start = System.nanoTime();
        WorkbookGuard.Inspection seen = WorkbookGuard.check(xlsx);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.peak();
        System.out.printf(Locale.ROOT, "  guard        %6.2f s  %,7.0f rows/s; peak heap %d MB; %d parts, %.1f MB inflated from %.1f MB (%s)%n",
                seconds, rows / seconds, HeapGauge.mb(peak), seen.parts(), seen.inflatedBytes() / 1e6, seen.compressedBytes() / 1e6, what);
        return new Line("upload guard", "every part inflated and counted, XML prologs parsed (" + what + ", "
                + String.format(Locale.ROOT, "%.0f MB inflated", seen.inflatedBytes() / 1e6) + ")", "this -Xmx" + cap, rows, seconds, peak,
                null, "passed");
    }

    // --- the write-back ---

    private static Line writeBack(Path shotList, Path dir, int sequences, int shots, Path thumbs, String cap) throws Exception {
        ShotResults results = new ShotResults(sequences, shots, thumbs);
        Path out = dir.resolve("written-back.xlsx");
        HeapGauge heap = new HeapGauge();
        heap.reset();
        long start = System.nanoTime();
        long afterGc;
        try (AfterGc gc = new AfterGc()) {
            WriteBackBench.writeBack(shotList, out, results, new Summary("Benchmark production", new BigDecimal("100000.00"), "USD",
                    Instant.parse("2026-11-24T09:00:00Z")), false);
            afterGc = gc.max();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.peak();
        long gcs = heap.gcs();
        // Checked streaming: the same shots, each with its own Dailies values, and every Dailies column.
        int rows = 0;
        try (ShotSheetReader reader = ShotSheetReader.open(out)) {
            if (!WorkbookReviewColumns.isWriteBack(reader.extraHeaders())) {
                throw new IllegalStateException("the written-back workbook lacks Dailies' columns: " + reader.extraHeaders());
            }
            while (reader.hasNext()) {
                RawShotRow row = reader.next();
                ShotResult expected = results.get(rows);
                if (!expected.shot().equals(row.value(ShotColumn.SHOT)) || !expected.videoId().equals(row.extras().get(DailiesColumns.VIDEO_ID))) {
                    throw new IllegalStateException("row " + row.row() + " came back as " + row.value(ShotColumn.SHOT) + " / "
                            + row.extras().get(DailiesColumns.VIDEO_ID) + ", expected " + expected.shot() + " / " + expected.videoId());
                }
                rows++;
            }
        }
        if (rows != results.size()) {
            throw new IllegalStateException("the written-back workbook has " + rows + " shots, expected " + results.size());
        }
        System.out.printf(Locale.ROOT, "  write-back   %6.1f s  %,7.0f rows/s; peak heap %d MB, at most %d MB after a GC; GC %d; %.1f MB "
                + "written; %,d rows read back%n", seconds, rows / seconds, HeapGauge.mb(peak), HeapGauge.mb(afterGc), gcs,
                Files.size(out) / 1e6, rows);
        Files.delete(out);
        return new Line("write-back", "streamed (StreamedWorkbook)", "this -Xmx" + cap, rows, seconds, peak, afterGc, "completed, checked");
    }

    /**
     * The write-back's results, one per shot of the generated list, made when the write-back asks for them: a take
     * as {@link TakeOutcomes} shapes the report's rows (scores, the scorer's notes, a failed take now and then). The
     * takes' texts come from {@link #TEMPLATES} made once (the write-back asks for each result several times; making
     * them afresh each time would measure {@code String.format}), with each shot's own codes and video id.
     */
    static final class ShotResults extends AbstractList<ShotResult> {
        static final int TEMPLATES = 1_000;
        private final int size;
        private final int shotsPerSequence;
        private final String[] sequenceNames;
        private final Path thumbs;
        private final TakeResult[] templates = new TakeResult[TEMPLATES];

        ShotResults(int sequences, int shotsPerSequence, Path thumbs) {
            this.size = ShotListWorkbook.rows(sequences, shotsPerSequence);
            this.shotsPerSequence = shotsPerSequence;
            this.thumbs = thumbs;
            this.sequenceNames = new String[sequences];
            for (int s = 0; s < sequences; s++) {
                sequenceNames[s] = ShotListWorkbook.sequence(s).name();
            }
            for (int i = 0; i < TEMPLATES; i++) {
                templates[i] = TakeOutcomes.row(i, "", "", "", 4);
            }
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public ShotResult get(int i) {
            int s = i / shotsPerSequence;
            int k = i % shotsPerSequence;
            TakeResult t = templates[i % TEMPLATES];
            Integer[] scores = new Integer[5];
            Map<String, String> reasons = new LinkedHashMap<>();
            for (int c = 0; c < 5; c++) {
                TakeResult.Criterion criterion = t.criteria().get(c);
                scores[c] = criterion.score();
                if (criterion.score() == null) {
                    reasons.put(criterion.name(), criterion.note());
                }
            }
            return new ShotResult(sequenceNames[s], ShotListWorkbook.shotCode(s, k), t.status().equals("FAILED") ? "FAILED" : "SCORED",
                    1, "take " + (i + 1), String.format(Locale.ROOT, "video_%012d", i), t.costUsd(), scores[0], scores[1], scores[2],
                    scores[3], scores[4], t.overall(), t.verdict(), t.notes(), thumbs.resolve("take-" + (i % THUMBNAILS) + ".jpg"),
                    CONSOLE, reasons);
        }
    }

    /** Heap a List of results would keep, per result: each with its own notes, as a caller would hold them. */
    private static long resultBytes(int sequences, int shots, Path thumbs) {
        ShotResults results = new ShotResults(sequences, shots, thumbs);
        int sample = Math.min(5_000, results.size());
        long before = HeapGauge.liveAfterFullGc();
        List<ShotResult> held = new ArrayList<>(sample);
        for (int i = 0; i < sample; i++) {
            ShotResult r = results.get(i);
            held.add(new ShotResult(r.sequence(), r.shot(), r.status(), r.takes(), r.selectedTake(), r.videoId(), r.cost(),
                    r.promptAdherence(), r.motionQuality(), r.physicalRealism(), r.continuity(), r.audioSync(), r.overall(),
                    r.verdict(), r.notes() == null ? null : new String(r.notes().toCharArray()), r.thumbnail(), r.consoleLink(),
                    r.scoreReasons()));
        }
        long after = HeapGauge.liveAfterFullGc();
        if (held.size() != sample) {
            throw new IllegalStateException("lost results");
        }
        return (after - before) / sample;
    }

    // --- the reviews upload ---

    private static Line reviews(Path report, int rows, String cap, String what) throws Exception {
        HeapGauge heap = new HeapGauge();
        heap.reset();
        long start = System.nanoTime();
        ReviewsBench.Read read;
        long afterGc;
        try (AfterGc gc = new AfterGc()) {
            read = ReviewsBench.read(report);
            afterGc = gc.max();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.peak();
        if (read.problems() > 0 || read.rows() != rows) {
            throw new IllegalStateException("the report read as " + read + ", expected " + rows + " rows and no problem");
        }
        System.out.printf(Locale.ROOT, "  reviews      %6.1f s  %,7.0f rows/s; peak heap %d MB, at most %d MB after a GC; GC %d; %,d rows, "
                + "%,d verdicts (%s)%n", seconds, rows / seconds, HeapGauge.mb(peak), HeapGauge.mb(afterGc), heap.gcs(), read.rows(),
                read.verdicts(), what);
        return new Line("reviews upload read", "streamed, " + what, "this -Xmx" + cap, read.rows(), seconds, peak, afterGc,
                String.format(Locale.ROOT, "completed, %,d verdicts", read.verdicts()));
    }

    // --- the annotated workbook ---

    /** An import's listed issues: {@link #ISSUES} Seconds cells spread over the sheet, and one about the workbook. */
    static List<CellIssue> issues(int rows) {
        List<CellIssue> issues = new ArrayList<>();
        String seconds = CellReference.convertNumToColString(ShotColumn.SECONDS.ordinal());
        int every = Math.max(1, rows / ISSUES);
        for (int i = 0; i < ISSUES && i * every < rows; i++) {
            int excelRow = ShotListWorkbook.HEADER_ROW + 1 + i * every;
            issues.add(new CellIssue("Shots", excelRow, seconds, "Seconds", "4", "Seconds must be one of 8, 12 for this model; found '4'"));
        }
        issues.add(CellIssue.workbook("Characters", "Character 'Ana' has no description"));
        return issues;
    }

    private static Line annotated(Path shotList, Path dir, int rows, String cap) throws Exception {
        List<CellIssue> issues = issues(rows);
        HeapGauge heap = new HeapGauge();
        heap.reset();
        long start = System.nanoTime();
        byte[] annotated;
        long afterGc;
        try (AfterGc gc = new AfterGc()) {
            annotated = AnnotateBench.annotate(shotList, issues, false);
            afterGc = gc.max();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.peak();
        long gcs = heap.gcs();
        Path out = Files.write(dir.resolve("annotated.xlsx"), annotated);
        annotated = null;
        int red = 0;
        int read = 0;
        String first;
        try (Workbook wb = StreamingReader.builder().rowCacheSize(100).bufferSize(4096).open(out.toFile())) {
            first = wb.getSheetName(0);
            Sheet sheet = wb.getSheet("Shots");
            int secondsColumn = ShotColumn.SECONDS.ordinal();
            for (Row row : sheet) {
                if (row.getRowNum() >= ShotListWorkbook.HEADER_ROW) {
                    read++;
                }
                Cell c = row.getCell(secondsColumn);
                if (c != null && c.getCellStyle() != null && c.getCellStyle().getFillPattern() == FillPatternType.SOLID_FOREGROUND) {
                    red++;
                }
            }
        }
        int marked = issues.size() - 1;
        if (!AnnotatedWorkbook.ISSUES_SHEET.equals(first) || red != marked || read != rows) {
            throw new IllegalStateException("the annotated workbook has first sheet '" + first + "', " + red + " red cells (expected "
                    + marked + ") and " + read + " shot rows (expected " + rows + ")");
        }
        System.out.printf(Locale.ROOT, "  annotated    %6.1f s  %,7.0f rows/s; peak heap %d MB, at most %d MB after a GC; GC %d; %.1f MB; "
                + "%,d cells marked, %,d rows kept%n", seconds, rows / seconds, HeapGauge.mb(peak), HeapGauge.mb(afterGc), gcs,
                Files.size(out) / 1e6, red, read);
        Files.delete(out);
        return new Line("annotated workbook", "streamed, " + marked + " cells marked", "this -Xmx" + cap, rows, seconds, peak, afterGc,
                "completed, checked");
    }
}
