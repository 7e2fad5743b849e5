package io.dailies.bench;

import io.dailies.core.TakeResult;
import io.dailies.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The export phase of the spreadsheet benchmark: {@link RunReport#write} of a report with one row per
 * shot of the generated shot list. The rows are made when the writer asks for them (see
 * {@link ReportRows}), so the heap measured is the writer's own; what a list of all rows would add, as
 * {@code RunReports.write} builds one, is measured apart by {@link #listBytesPerRow}.
 *
 * <p>Runs in the benchmark's JVM, or in a child JVM with another heap cap:
 * {@code ReportExport FILE SEQUENCES SHOTS_PER_SEQUENCE} prints one {@link SpreadsheetBenchmark#RESULT}
 * line and exits with {@link PlainWorkbookLoad#OUT_OF_MEMORY} when the heap ran out.
 */
final class ReportExport {

    /** The live heap is probed this many times during the write: enough to see how much each row keeps. */
    static final int PROBES = 10;

    /**
     * What one export gave.
     *
     * @param rows    rows written (the whole report), or rows handed to the writer before it failed
     * @param failure null when the report was written, else why not
     */
    record Result(int rows, double seconds, long peak, long gcs, long gcMillis, long bytes, HeapGauge.Probes live,
                  String failure) {
    }

    private ReportExport() {
    }

    static Result run(Path target, int sequences, int shotsPerSequence) throws IOException {
        int size = ShotListWorkbook.rows(sequences, shotsPerSequence);
        HeapGauge.Probes live = new HeapGauge.Probes(Math.max(1, size / PROBES));
        ReportRows rows = new ReportRows(size, sequences, shotsPerSequence, live);
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("Project", "Benchmark production");
        summary.put("Run", "1");
        summary.put("Started", "2026-11-24T09:00:00Z");
        summary.put("Takes", Integer.toString(size));
        summary.put("Failed takes", "about 2%");
        summary.put("Mode", "sync (one create call per take)");
        summary.put("Cost sync (USD)", "about 0.10 a second");
        HeapGauge heap = new HeapGauge();
        heap.reset();
        long start = System.nanoTime();
        String failure = null;
        try {
            RunReport.write(target, rows, summary);
        } catch (OutOfMemoryError e) {
            failure = "OutOfMemoryError (" + e.getMessage() + ")";
        }
        double seconds = (System.nanoTime() - start) / 1e9 - live.pausedSeconds();
        long bytes = failure == null ? Files.size(target) : 0;
        return new Result(failure == null ? size : rows.handedOut(), seconds, heap.peak(), heap.gcs(), heap.gcTime(), bytes,
                live, failure);
    }

    /** Heap that holding {@code sample} report rows in a list takes, per row, after a full collection. */
    static long listBytesPerRow(int sequences, int shotsPerSequence, int wanted) {
        ReportRows rows = new ReportRows(ShotListWorkbook.rows(sequences, shotsPerSequence), sequences, shotsPerSequence,
                new HeapGauge.Probes(0));
        int sample = Math.min(wanted, rows.size());
        long before = HeapGauge.liveAfterFullGc();
        List<TakeResult> held = new ArrayList<>(sample);
        for (int i = 0; i < sample; i++) {
            held.add(rows.get(i));
        }
        long after = HeapGauge.liveAfterFullGc();
        if (held.size() != sample) {
            throw new IllegalStateException("lost rows");
        }
        return (after - before) / sample;
    }

    /**
     * The report's rows, made when the writer asks for them: each shot's prompt (in the compiled
     * prompt's shape and length, see {@link ShotListWorkbook#promptLike}: compiling 100,000 prompts a
     * second time would double the benchmark's time), a take, five criteria with notes of the scorer's
     * kind (each becomes a cell comment), an overall, a verdict and the notes column (see
     * {@link TakeOutcomes}).
     */
    static final class ReportRows extends AbstractList<TakeResult> {
        private final int size;
        private final int shotsPerSequence;
        private final ShotListWorkbook.Sequence[] sequences;
        private final HeapGauge.Probes live;
        private int handedOut;

        ReportRows(int size, int sequences, int shotsPerSequence, HeapGauge.Probes live) {
            this.size = size;
            this.shotsPerSequence = shotsPerSequence;
            this.live = live;
            this.sequences = new ShotListWorkbook.Sequence[sequences];
            for (int s = 0; s < sequences; s++) {
                this.sequences[s] = ShotListWorkbook.sequence(s);
            }
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public TakeResult get(int i) {
            live.at(i);
            handedOut = Math.max(handedOut, i + 1);
            int s = i / shotsPerSequence;
            int k = i % shotsPerSequence;
            ShotListWorkbook.ShotRow shot = ShotListWorkbook.row(sequences[s], s, k);
            return TakeOutcomes.row(i, shot.sequence(), shot.shotCode(), ShotListWorkbook.promptLike(shot),
                    shot.seconds() == null ? 4 : shot.seconds());
        }

        /** Rows asked for so far. */
        int handedOut() {
            return handedOut;
        }
    }

    /** Child-JVM entry: {@code FILE SEQUENCES SHOTS_PER_SEQUENCE}. */
    public static void main(String[] args) throws IOException {
        Result r = run(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.printf(Locale.ROOT, "%s %s rows=%d seconds=%.2f peak=%d gcs=%d gcms=%d bytes=%d live=%s%n",
                SpreadsheetBenchmark.RESULT, r.failure() == null ? "ok" : "oom", r.rows(), r.seconds(), r.peak(), r.gcs(),
                r.gcMillis(), r.bytes(), r.live().encode());
        if (r.failure() != null) {
            System.exit(PlainWorkbookLoad.OUT_OF_MEMORY);
        }
    }
}
