package io.dailies.bench;

import io.dailies.core.ShotContent;
import io.dailies.prompt.LintReport;
import io.dailies.prompt.PromptCompiler;
import io.dailies.prompt.PromptLinter;
import io.dailies.prompt.ShotSpec;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.report.RunReport;
import io.dailies.shotlist.sheet.CellIssue;
import io.dailies.shotlist.sheet.DuplicateShotDetector;
import io.dailies.shotlist.sheet.ProjectSheets;
import io.dailies.shotlist.sheet.RawShotRow;
import io.dailies.shotlist.sheet.SheetLayout;
import io.dailies.shotlist.sheet.ShotDefaults;
import io.dailies.shotlist.sheet.ShotRowData;
import io.dailies.shotlist.sheet.ShotRowValidator;
import io.dailies.shotlist.sheet.ShotSheetReader;
import io.dailies.shotlist.sheet.ValidatedRow;
import io.dailies.shotlist.sheet.WorkbookReviewColumns;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whether a 100,000-row shot list imports, and a 100,000-row run report exports, under a heap cap (the
 * issue asks for 512 MB), how many rows a second each does, and how that compares with loading the same
 * workbook whole into POI's {@code XSSFWorkbook}.
 *
 * <ol>
 * <li><b>Generate</b> (child JVM, {@code -Xmx3g}): {@link ShotListWorkbook} writes 100 sequences x 1,000
 * shots with SXSSF: every column, Characters and Style Spine sheets, shared strings as Excel saves them.</li>
 * <li><b>Import</b> (this JVM, under its cap): the steps of the {@code shotlist-import} job short of the
 * database, with the same classes in the same order. Inspect ({@code InspectWorkbook}: the project sheets
 * read while the Shots sheet is open); validate ({@code ShotRowReader} with its layout and Settings
 * defaults → {@code ValidateShotRow}: {@link ShotRowValidator}, {@link DuplicateShotDetector} and the
 * write-back columns on valid rows); load ({@code ShotRowReader} again → {@code ShotRowToContent} →
 * {@code UpsertShots}: the {@link ShotContent} it stores, the prompt {@code PromptBook.refresh} makes
 * from it ({@link ShotContent#toSpec} → {@link PromptLinter#lint}, which compiles the prompt) and the
 * producer's own columns); finish ({@code FinishImport} reads the project sheets once more). Every
 * 1,000th shot is also compiled from {@link ShotRowData#toShotSpec} with {@link PromptCompiler#compile}
 * (the preview's way) and must hash the same. The generated list must validate without a single issue,
 * or the benchmark stops.</li>
 * <li><b>Plain load</b> (child JVM, same cap; again at {@code BIG_HEAP} when that fails):
 * {@link PlainWorkbookLoad}.</li>
 * <li><b>Export</b> (this JVM; again in a child JVM at {@code BIG_HEAP} when that fails):
 * {@link ReportExport}, the real {@link RunReport#write}.</li>
 * </ol>
 * The live heap (after a full collection) is probed every fifth of an import pass and every tenth of the
 * export: flat while a pass streams, rising when it keeps something per row.
 *
 * <p>Run with {@code mvn -Pbench -DskipTests test-compile exec:exec -Dbench=SpreadsheetBenchmark
 * -Dbench.heap=512m [-Dbench.args="SEQUENCES SHOTS_PER_SEQUENCE BIG_HEAP"]}, or {@code java -Xmx512m -cp
 * ... io.dailies.bench.SpreadsheetBenchmark [SEQUENCES] [SHOTS_PER_SEQUENCE] [BIG_HEAP]} (defaults 100,
 * 1000, 4g; BIG_HEAP {@code none} skips the second attempts). About five and a half minutes on two cores,
 * half of it compiling and linting the 100,000 prompts. Child JVMs run {@code java} from {@code java.home}
 * with this JVM's class path and no other options. The files go to a temporary directory, deleted at
 * the end.
 */
public final class SpreadsheetBenchmark {

    /** Prefix of the one line a child JVM reports its figures on. */
    static final String RESULT = "RESULT";
    static final String GENERATOR_HEAP = "3g";
    static final String DEFAULT_BIG_HEAP = "4g";
    /** BIG_HEAP argument that skips the second attempts (about a minute less). */
    static final String NO_BIG_HEAP = "none";
    /** A child that takes longer is stopped. */
    static final long CHILD_TIMEOUT_SECONDS = 300;
    /** One shot in this many is also compiled the preview's way and compared. */
    static final int CROSS_CHECK_EVERY = 1000;
    /** Live-heap probes per pass. */
    static final int PROBES = 5;
    /** Report rows held in a list to measure what RunReports' list of every row costs. */
    static final int LIST_SAMPLE = 10_000;

    private SpreadsheetBenchmark() {
    }

    /** One line of the summary table; peak and live are null when not known. */
    record Line(String phase, String jvm, long rows, double seconds, Long peak, Long live, Long fileBytes, String note) {
    }

    public static void main(String[] args) throws Exception {
        // Maven passes -Dbench.args as one argument (possibly empty): split it here.
        List<String> a = Stream.of(args).flatMap(s -> Stream.of(s.strip().split("\\s+"))).filter(s -> !s.isEmpty()).toList();
        int sequences = a.size() > 0 ? Integer.parseInt(a.get(0)) : ShotListWorkbook.SEQUENCES;
        int shotsPerSequence = a.size() > 1 ? Integer.parseInt(a.get(1)) : ShotListWorkbook.SHOTS_PER_SEQUENCE;
        String bigHeap = a.size() > 2 ? a.get(2) : DEFAULT_BIG_HEAP;
        int rows = ShotListWorkbook.rows(sequences, shotsPerSequence);

        Runtime rt = Runtime.getRuntime();
        String cap = heapCap();
        System.out.printf(Locale.ROOT, "SpreadsheetBenchmark: shot list of %,d rows (%d sequences x %d shots), report of %,d rows%n",
                rows, sequences, shotsPerSequence, rows);
        System.out.printf(Locale.ROOT, "machine: %d cores (%s), %s %s, Java %s, heap cap %s (max %d MB), %s%n",
                rt.availableProcessors(), cpuModel(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), cap, rt.maxMemory() >> 20, new HeapGauge().collectorNames());

        Path dir = Files.createTempDirectory("dailies-spreadsheet-bench");
        List<Line> lines = new ArrayList<>();
        long benchStart = System.nanoTime();
        try {
            Path xlsx = dir.resolve("shot-list-" + rows + ".xlsx");

            // 1. the shot list
            Child gen = Child.run("generate", GENERATOR_HEAP, ShotListWorkbook.class, dir,
                    xlsx.toString(), Integer.toString(sequences), Integer.toString(shotsPerSequence));
            if (!gen.ok()) {
                throw new IllegalStateException("could not generate the shot list: " + gen.describe());
            }
            System.out.printf(Locale.ROOT, "generated %s: %,d shot rows, %.1f MB, in %.1f s (child JVM -Xmx%s)%n",
                    xlsx.getFileName(), gen.longValue("rows"), Files.size(xlsx) / 1e6, gen.doubleValue("seconds"), GENERATOR_HEAP);
            lines.add(new Line("generate shot list (SXSSF, shared strings)", "child -Xmx" + GENERATOR_HEAP, gen.longValue("rows"),
                    gen.doubleValue("seconds"), null, null, Files.size(xlsx), "not measured, just made"));

            // 2. the streaming import, here
            System.out.println();
            System.out.println("import (streaming, this JVM, -Xmx" + cap + "):");
            lines.add(importShotList(xlsx, rows, cap));

            // 3. plain XSSFWorkbook load, same cap, then a larger one if that failed
            System.out.println();
            Line plain = plainLoad(xlsx, cap, dir);
            lines.add(plain);
            if (plain.peak() == null && !bigHeap.equals(NO_BIG_HEAP)) {
                lines.add(plainLoad(xlsx, bigHeap, dir));
            }

            // 4. the report, here, then in a larger heap if that failed
            System.out.println();
            lines.addAll(exportReport(dir, sequences, shotsPerSequence, cap, bigHeap));

            // 5. the table
            System.out.println();
            printTable(lines);
            System.out.printf(Locale.ROOT, "benchmark took %.0f s%n", (System.nanoTime() - benchStart) / 1e9);
        } finally {
            deleteAll(dir);
        }
    }

    // --- import ---

    /** What the validation pass found. */
    record Validated(int rows, int sequences, int shots, double seconds, HeapGauge.Probes live) {
    }

    /** What the load pass made. */
    record Loaded(int rows, long lintErrors, long lintWarnings, long promptChars, int crossChecked, double seconds,
                  HeapGauge.Probes live) {
    }

    private static Line importShotList(Path xlsx, int expectedRows, String cap) throws Exception {
        ModelCatalog catalog = ModelCatalog.load();
        HeapGauge heap = new HeapGauge();
        heap.reset();

        long start = System.nanoTime();
        ProjectSheets inspected = inspect(xlsx, catalog);
        double inspectSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  inspect                 %6.1f s                 (header row %d; Characters: %d; Style Spine: %s)%n",
                inspectSeconds, ShotListWorkbook.HEADER_ROW, inspected.bible().characters().size(),
                inspected.styleSpine().present() ? "read" : "absent");

        Validated v = validate(xlsx, catalog, expectedRows);
        System.out.printf(Locale.ROOT, "  validate                %6.1f s  %,7.0f rows/s  (%,d rows, %d sequences, %,d distinct shots, 0 issues)%n",
                v.seconds(), v.rows() / v.seconds(), v.rows(), v.sequences(), v.shots());
        System.out.println("    live heap by row: " + v.live().describe());

        Loaded l = load(xlsx, catalog, v.rows());
        System.out.printf(Locale.ROOT, "  load + prompts + finish %6.1f s  %,7.0f rows/s  (%,d prompts compiled and linted, %,.0f chars "
                        + "on average; lint: %,d errors, %,d warnings; %d also compiled the preview's way, same hash)%n",
                l.seconds(), l.rows() / l.seconds(), l.rows(), (double) l.promptChars() / l.rows(), l.lintErrors(),
                l.lintWarnings(), l.crossChecked());
        System.out.println("    live heap by row: " + l.live().describe());

        double seconds = inspectSeconds + v.seconds() + l.seconds();
        long peak = heap.peak();
        long gcs = heap.gcs();
        long gcMs = heap.gcTime();
        long after = HeapGauge.liveAfterFullGc();
        long live = Math.max(v.live().max(), l.live().max());
        System.out.printf(Locale.ROOT, "  import                  %6.1f s  %,7.0f rows/s; peak heap %d MB; live heap at most %d MB "
                        + "while streaming, %d MB after; GC %d (%d ms, probes included)%n", seconds, v.rows() / seconds,
                HeapGauge.mb(peak), HeapGauge.mb(live), HeapGauge.mb(after), gcs, gcMs);
        return new Line("import: inspect + validate + load + prompts (streaming)", "this -Xmx" + cap, v.rows(), seconds, peak,
                live, null, String.format(Locale.ROOT, "validate %,.0f rows/s; load + prompts %,.0f rows/s",
                v.rows() / v.seconds(), l.rows() / l.seconds()));
    }

    /** InspectWorkbook: the Shots sheet opens and, while it is open, the project sheets are read and have no errors. */
    private static ProjectSheets inspect(Path xlsx, ModelCatalog catalog) throws Exception {
        ProjectSheets sheets;
        try (ShotSheetReader shots = ShotSheetReader.open(xlsx)) {
            sheets = ProjectSheets.read(xlsx, catalog);
            if (shots.headerRow() != ShotListWorkbook.HEADER_ROW) {
                throw new IllegalStateException("header found in row " + shots.headerRow() + ", written in row "
                        + ShotListWorkbook.HEADER_ROW);
            }
        }
        if (!sheets.errors().isEmpty()) {
            throw new IllegalStateException("the generated project sheets have errors: " + sheets.errors());
        }
        return sheets;
    }

    /**
     * The validation pass: ShotRowReader (resume=false; its RowContext: the layout and the Settings
     * sheet's defaults) → ValidateShotRow; RecordImportIssues counts the rows and the issues. The
     * generated list must come through without a single issue: the job's decision would reject it.
     */
    private static Validated validate(Path xlsx, ModelCatalog catalog, int expectedRows) throws Exception {
        long start = System.nanoTime();
        HeapGauge.Probes live = new HeapGauge.Probes(Math.max(1, expectedRows / PROBES));
        int rows = 0;
        int issues = 0;
        CellIssue firstIssue = null;
        Set<String> sequences = new HashSet<>();
        int shots;
        try (ShotSheetReader sheet = ShotSheetReader.open(xlsx)) {
            SheetLayout layout = sheet.layout();
            ShotDefaults defaults = ProjectSheets.read(xlsx, catalog).shotDefaults();
            ShotRowValidator validator = new ShotRowValidator(catalog, layout, defaults);
            DuplicateShotDetector duplicates = new DuplicateShotDetector(layout);
            while (sheet.hasNext()) {
                RawShotRow raw = sheet.next();
                ValidatedRow checked = validator.validate(raw);
                List<CellIssue> found = new ArrayList<>(checked.issues());
                if (checked.isValid()) {
                    duplicates.check(checked.shot()).ifPresent(found::add);
                    found.addAll(WorkbookReviewColumns.read(checked.shot(), layout).errors());
                    sequences.add(checked.shot().sequence());
                }
                rows++;
                issues += found.size();
                if (firstIssue == null && !found.isEmpty()) {
                    firstIssue = found.get(0);
                }
                live.at(rows);
            }
            shots = duplicates.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9 - live.pausedSeconds();
        if (issues > 0) {
            throw new IllegalStateException(issues + " validation issues in the generated shot list, first: " + firstIssue);
        }
        if (rows != expectedRows || shots != expectedRows) {
            throw new IllegalStateException("read " + rows + " rows (" + shots + " distinct shots), expected " + expectedRows);
        }
        return new Validated(rows, sequences.size(), shots, seconds, live);
    }

    /**
     * The load pass and the finish: ShotRowReader (resume=true) → ShotRowToContent → UpsertShots (the
     * ShotContent it stores, the prompt PromptBook.refresh compiles and lints against the look read in
     * UpsertShots.open, the producer's own columns), then FinishImport reads the project sheets once more.
     * Every {@link #CROSS_CHECK_EVERY}th shot is also compiled the preview's way and must hash the same.
     */
    private static Loaded load(Path xlsx, ModelCatalog catalog, int expectedRows) throws Exception {
        long start = System.nanoTime();
        HeapGauge.Probes live = new HeapGauge.Probes(Math.max(1, expectedRows / PROBES));
        PromptLinter linter = new PromptLinter(catalog);
        long producerColumns = 0;
        long lintErrors = 0;
        long lintWarnings = 0;
        long promptChars = 0;
        int rows = 0;
        int crossChecked = 0;
        List<String> mismatches = new ArrayList<>();
        try (ShotSheetReader sheet = ShotSheetReader.open(xlsx)) {
            SheetLayout layout = sheet.layout();
            ShotDefaults defaults = ProjectSheets.read(xlsx, catalog).shotDefaults(); // ShotRowReader.open
            ProjectSheets look = ProjectSheets.read(xlsx, catalog); // UpsertShots.open
            ShotRowValidator validator = new ShotRowValidator(catalog, layout, defaults);
            while (sheet.hasNext()) {
                RawShotRow raw = sheet.next();
                ValidatedRow checked = validator.validate(raw);
                if (!checked.isValid()) {
                    throw new IllegalStateException("Row " + raw.row() + " no longer passes validation: " + checked.issues().get(0));
                }
                ShotRowData row = checked.shot();
                ShotSpec spec = ShotSpec.of(content(row), row.sequence(), row.shotCode());
                LintReport report = linter.lint(spec, look.spine(), look.bible());
                producerColumns += WorkbookReviewColumns.read(row, layout).producerColumns().size();
                lintErrors += report.errors().size();
                lintWarnings += report.warnings().size();
                promptChars += report.prompt().text().length();
                rows++;
                if (rows % CROSS_CHECK_EVERY == 0) {
                    crossChecked++;
                    String preview = PromptCompiler.compile(row.toShotSpec(), look.spine(), look.bible()).hash();
                    if (!preview.equals(report.prompt().hash()) && mismatches.size() < 3) {
                        mismatches.add(row.sequence() + " " + row.shotCode());
                    }
                }
                live.at(rows);
            }
        }
        if (!ProjectSheets.read(xlsx, catalog).errors().isEmpty()) { // FinishImport
            throw new IllegalStateException("the project sheets changed");
        }
        double seconds = (System.nanoTime() - start) / 1e9 - live.pausedSeconds();
        if (rows != expectedRows) {
            throw new IllegalStateException("the load pass read " + rows + " rows, the validation pass " + expectedRows);
        }
        if (producerColumns < rows) {
            throw new IllegalStateException("the producer's Notes column was not read on every row");
        }
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("the stored shot and the preview compile to different prompts, e.g. " + mismatches);
        }
        return new Loaded(rows, lintErrors, lintWarnings, promptChars, crossChecked, seconds, live);
    }

    /** The shot content as UpsertShots stores it: blank text as null. */
    static ShotContent content(ShotRowData row) {
        return new ShotContent(blank(row.subjectAction()), blank(row.cameraMovement()), blank(row.settingTime()),
                blank(row.lightingPalette()), blank(row.styleTechnical()), blank(row.dialogue()), row.model(), row.size(),
                row.seconds(), blank(row.shotType()), blank(row.sound()), blank(row.audioCues()), blank(row.physics()),
                blank(row.characters()), blank(row.overrides()), blank(row.inputReference()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // --- plain load ---

    private static Line plainLoad(Path xlsx, String cap, Path dir) throws Exception {
        System.out.println("plain XSSFWorkbook load, every cell read (child JVM, -Xmx" + cap + "):");
        Child c = Child.run("plain-" + cap, cap, PlainWorkbookLoad.class, dir, xlsx.toString());
        String phase = "plain XSSFWorkbook load, every cell read";
        if (c.ok()) {
            System.out.printf(Locale.ROOT, "  %.1f s (opening %.1f s) = %,.0f rows/s; %,d cells; peak heap %d MB; "
                            + "live heap with the workbook loaded %d MB; GC %d (%d ms)%n",
                    c.doubleValue("seconds"), c.doubleValue("open"), c.longValue("rows") / c.doubleValue("seconds"),
                    c.longValue("cells"), HeapGauge.mb(c.longValue("peak")), HeapGauge.mb(c.longValue("live")),
                    c.longValue("gcs"), c.longValue("gcms"));
            return new Line(phase, "child -Xmx" + cap, c.longValue("rows"), c.doubleValue("seconds"), c.longValue("peak"),
                    c.longValue("live"), null, "all sheets' rows");
        }
        String why = c.describe();
        System.out.println("  FAILED: " + why);
        return new Line(phase, "child -Xmx" + cap, 0, c.seconds(), null, null, null, "FAILED: " + why);
    }

    // --- export ---

    private static List<Line> exportReport(Path dir, int sequences, int shotsPerSequence, String cap, String bigHeap)
            throws Exception {
        List<Line> lines = new ArrayList<>();
        String phase = "export: RunReport.write (SXSSF)";
        System.out.println("export: RunReport.write (SXSSF, this JVM, -Xmx" + cap + "):");
        ReportExport.Result here = ReportExport.run(dir.resolve("run-report.xlsx"), sequences, shotsPerSequence);
        System.out.println(describe(here));
        lines.add(line(phase, "this -Xmx" + cap, here));
        if (here.failure() != null && !bigHeap.equals(NO_BIG_HEAP)) {
            System.out.println("export: RunReport.write (SXSSF, child JVM, -Xmx" + bigHeap + "):");
            Child c = Child.run("export-" + bigHeap, bigHeap, ReportExport.class, dir, dir.resolve("run-report-big.xlsx").toString(),
                    Integer.toString(sequences), Integer.toString(shotsPerSequence));
            if (c.result().isEmpty()) {
                System.out.println("  FAILED: " + c.describe());
                lines.add(new Line(phase, "child -Xmx" + bigHeap, 0, c.seconds(), null, null, null, "FAILED: " + c.describe()));
            } else {
                ReportExport.Result big = new ReportExport.Result((int) c.longValue("rows"), c.doubleValue("seconds"),
                        c.longValue("peak"), c.longValue("gcs"), c.longValue("gcms"), c.longValue("bytes"),
                        HeapGauge.Probes.decode(c.result().get("live")), c.ok() ? null : "OutOfMemoryError");
                System.out.println(describe(big));
                lines.add(line(phase, "child -Xmx" + bigHeap, big));
            }
        }
        long perRow = ReportExport.listBytesPerRow(sequences, shotsPerSequence, LIST_SAMPLE);
        int rows = ShotListWorkbook.rows(sequences, shotsPerSequence);
        System.out.printf(Locale.ROOT, "  a list of all %,d report rows (what RunReports.write avoids by paging 500 takes at a time): about %,d MB "
                + "(%,d bytes a row, measured on %,d rows)%n", rows, HeapGauge.mb(perRow * rows), perRow, Math.min(LIST_SAMPLE, rows));
        lines.add(new Line("report rows if held in one List (not done: paged)", "this -Xmx" + cap, rows, 0, null, perRow * rows,
                null, String.format(Locale.ROOT, "%,d bytes a row x %,d rows, not written", perRow, rows)));
        return lines;
    }

    private static String describe(ReportExport.Result r) {
        if (r.failure() != null) {
            return String.format(Locale.ROOT, "  FAILED after %.1f s at about row %,d: %s; peak heap %d MB; GC %d (%d ms)%n"
                            + "    live heap by row: %s", r.seconds(), r.rows(), r.failure(), HeapGauge.mb(r.peak()), r.gcs(),
                    r.gcMillis(), r.live().describe());
        }
        return String.format(Locale.ROOT, "  %.1f s = %,.0f rows/s; peak heap %d MB; GC %d (%d ms); file %.1f MB%n"
                        + "    live heap by row: %s", r.seconds(), r.rows() / r.seconds(), HeapGauge.mb(r.peak()), r.gcs(),
                r.gcMillis(), r.bytes() / 1e6, r.live().describe());
    }

    private static Line line(String phase, String jvm, ReportExport.Result r) {
        if (r.failure() != null) {
            return new Line(phase, jvm, 0, r.seconds(), null, r.live().max() == 0 ? null : r.live().max(), null,
                    String.format(Locale.ROOT, "FAILED: %s at about row %,d", r.failure(), r.rows()));
        }
        return new Line(phase, jvm, r.rows(), r.seconds(), r.peak(), r.live().max(), r.bytes(), r.rows() <= io.dailies.report.RunReport.MAX_ROWS_WITH_COMMENTS
                ? "5 cell comments a row" : "notes in the Notes column (comments only up to " + io.dailies.report.RunReport.MAX_ROWS_WITH_COMMENTS + " rows)");
    }

    // --- output ---

    private static void printTable(List<Line> lines) {
        System.out.println("| phase | JVM | rows | seconds | rows/s | peak heap MB | live heap MB | file MB | note |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
        for (Line l : lines) {
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s | %s | %s | %s |%n", l.phase(), l.jvm(), l.rows(),
                    l.seconds() > 0 ? String.format(Locale.ROOT, "%.1f", l.seconds()) : "–",
                    l.rows() > 0 && l.seconds() > 0 ? String.format(Locale.ROOT, "%,.0f", l.rows() / l.seconds()) : "–",
                    l.peak() == null ? "–" : Long.toString(HeapGauge.mb(l.peak())),
                    l.live() == null ? "–" : Long.toString(HeapGauge.mb(l.live())),
                    l.fileBytes() == null ? "–" : String.format(Locale.ROOT, "%.1f", l.fileBytes() / 1e6), l.note());
        }
    }

    /** This JVM's -Xmx as given, else its max heap in MB. */
    static String heapCap() {
        String cap = null;
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx")) {
                cap = arg.substring(4);
            }
        }
        return cap != null ? cap : (Runtime.getRuntime().maxMemory() >> 20) + "m";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the core count is what matters
        }
        return "cpu model unknown";
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // --- child JVMs ---

    /**
     * A step in a JVM of its own, with its own heap cap: the {@code java} of this JVM, the same class
     * path. The last lines of its output are echoed indented; its {@link #RESULT} line ({@code RESULT
     * status key=value ...}) is parsed.
     */
    record Child(int exitCode, boolean timedOut, double seconds, Map<String, String> result, List<String> output) {

        static Child run(String label, String heap, Class<?> main, Path dir, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), main.getName()));
            command.addAll(List.of(args));
            Path log = Files.createTempFile(dir, label + "-", ".log");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, String> result = new LinkedHashMap<>();
            List<String> output = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith(RESULT + " ")) {
                    result.putAll(parse(line));
                } else if (!isLoggerNoise(line)) {
                    output.add(line);
                }
            }
            output.stream().skip(Math.max(0, output.size() - 5)).forEach(l -> System.out.println("  | " + l));
            return new Child(finished ? p.exitValue() : -1, !finished, seconds, result, output);
        }

        /** "RESULT ok rows=3 seconds=1.5" → {status=ok, rows=3, seconds=1.5}. */
        static Map<String, String> parse(String line) {
            Map<String, String> m = new LinkedHashMap<>();
            String[] words = line.strip().split("\\s+");
            m.put("status", words.length > 1 ? words[1] : "");
            for (int i = 2; i < words.length; i++) {
                int eq = words[i].indexOf('=');
                if (eq > 0) {
                    m.put(words[i].substring(0, eq), words[i].substring(eq + 1));
                }
            }
            return m;
        }

        /** The libraries' complaints that no logging backend is on the class path. */
        private static boolean isLoggerNoise(String line) {
            return line.contains("could not find a logging provider") || line.startsWith("SLF4J");
        }

        boolean ok() {
            return !timedOut && exitCode == 0 && "ok".equals(result.get("status"));
        }

        long longValue(String key) {
            return Long.parseLong(result.get(key));
        }

        double doubleValue(String key) {
            return Double.parseDouble(result.get(key));
        }

        String describe() {
            if (timedOut) {
                return String.format(Locale.ROOT, "did not finish in %d s (stopped)", CHILD_TIMEOUT_SECONDS);
            }
            if ("oom".equals(result.get("status"))) {
                return String.format(Locale.ROOT, "OutOfMemoryError after %.1f s (peak heap %d MB)",
                        doubleValue("seconds"), HeapGauge.mb(longValue("peak")));
            }
            String last = output.stream().filter(l -> !l.isBlank()).reduce((x, y) -> y).orElse("no output");
            return "exit code " + exitCode + ": " + last;
        }
    }
}
