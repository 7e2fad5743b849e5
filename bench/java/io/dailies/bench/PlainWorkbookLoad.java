package io.dailies.bench;

import java.io.File;
import java.util.Locale;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The comparison the spreadsheet benchmark draws: the same workbook loaded whole into POI's user model
 * ({@link XSSFWorkbook}) and every cell of every row read, as an importer without streaming would.
 * The package is opened read-only from the file, the leanest way to build an {@code XSSFWorkbook}
 * (from an InputStream every part would also be buffered in memory first).
 *
 * <p>Run in a child JVM by {@link SpreadsheetBenchmark} with the heap cap under test: {@code FILE}.
 * Prints one {@link SpreadsheetBenchmark#RESULT} line; exits with 3 when the heap ran out.
 */
final class PlainWorkbookLoad {

    static final int OUT_OF_MEMORY = 3;

    private PlainWorkbookLoad() {
    }

    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        HeapGauge heap = new HeapGauge();
        heap.reset();
        long start = System.nanoTime();
        long rows = 0;
        long cells = 0;
        long chars = 0;
        double numbers = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(OPCPackage.open(file, PackageAccess.READ))) {
            double opened = (System.nanoTime() - start) / 1e9;
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    rows++;
                    for (Cell cell : row) {
                        cells++;
                        CellType type = cell.getCellType();
                        if (type == CellType.STRING) {
                            chars += cell.getStringCellValue().length();
                        } else if (type == CellType.NUMERIC) {
                            numbers += cell.getNumericCellValue();
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.peak();
            long live = HeapGauge.liveAfterFullGc(); // the whole workbook is still reachable here
            System.out.printf(Locale.ROOT, "%s ok rows=%d cells=%d chars=%d numbers=%.0f open=%.2f seconds=%.2f peak=%d live=%d gcs=%d gcms=%d%n",
                    SpreadsheetBenchmark.RESULT, rows, cells, chars, numbers, opened, seconds, peak, live, heap.gcs(), heap.gcTime());
        } catch (OutOfMemoryError e) {
            // The workbook is unreachable once the try is left, so there is room to say so.
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s oom rows=%d seconds=%.2f peak=%d gcs=%d gcms=%d%n",
                    SpreadsheetBenchmark.RESULT, rows, seconds, heap.peak(), heap.gcs(), heap.gcTime());
            System.exit(OUT_OF_MEMORY);
        }
    }
}
