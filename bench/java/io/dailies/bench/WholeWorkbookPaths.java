package io.dailies.bench;

import io.dailies.report.workbook.Summary;
import io.dailies.report.workbook.WriteBackBench;
import io.dailies.review.ReviewsBench;
import io.dailies.shotlist.sheet.AnnotateBench;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * The "before" of {@link WorkbookPathsBenchmark}: one path run the way it ran before it streamed, with the whole
 * workbook in POI's user model, in a JVM of its own with the cap under test. Child-JVM entry:
 * {@code MODE FILE DIR SEQUENCES SHOTS_PER_SEQUENCE}; prints one {@link SpreadsheetBenchmark#RESULT} line and exits
 * with {@link PlainWorkbookLoad#OUT_OF_MEMORY} when the heap ran out.
 */
final class WholeWorkbookPaths {

    static final String WRITE_BACK = "write-back";
    static final String REVIEWS = "reviews";
    static final String ANNOTATED = "annotated";

    private WholeWorkbookPaths() {
    }

    static String how(String mode) {
        return switch (mode) {
            case WRITE_BACK -> "in place (XSSFWorkbook)";
            case REVIEWS -> "WorkbookFactory.create(InputStream)";
            default -> "loaded whole (XSSFWorkbook)";
        };
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        Path dir = Path.of(args[2]);
        int sequences = Integer.parseInt(args[3]);
        int shots = Integer.parseInt(args[4]);
        int rows = ShotListWorkbook.rows(sequences, shots);
        HeapGauge heap = new HeapGauge();
        heap.reset();
        long start = System.nanoTime();
        try {
            switch (mode) {
                case WRITE_BACK -> WriteBackBench.writeBack(file, dir.resolve("before-written-back.xlsx"),
                        new WorkbookPathsBenchmark.ShotResults(sequences, shots, dir.resolve("thumbs")),
                        new Summary("Benchmark production", new BigDecimal("100000.00"), "USD", Instant.now()), true);
                case REVIEWS -> rows = ReviewsBench.readWhole(file).rows();
                case ANNOTATED -> AnnotateBench.annotate(file, WorkbookPathsBenchmark.issues(rows), true);
                default -> throw new IllegalArgumentException(mode);
            }
            System.out.printf(Locale.ROOT, "%s ok rows=%d seconds=%.2f peak=%d gcs=%d%n", SpreadsheetBenchmark.RESULT, rows,
                    (System.nanoTime() - start) / 1e9, heap.peak(), heap.gcs());
        } catch (OutOfMemoryError e) {
            System.out.printf(Locale.ROOT, "%s oom rows=0 seconds=%.2f peak=%d gcs=%d%n", SpreadsheetBenchmark.RESULT,
                    (System.nanoTime() - start) / 1e9, heap.peak(), heap.gcs());
            System.exit(PlainWorkbookLoad.OUT_OF_MEMORY);
        }
    }
}
