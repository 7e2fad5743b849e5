package io.dailies.bench;

import com.github.pjfanning.xlsx.StreamingReader;
import io.dailies.report.RunReport;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A run report as a reviewer sends it back: the report Dailies wrote, opened, a verdict typed on every 50th row and a
 * reviewer's note on every 100th, and saved the way Excel saves (every text in the shared-strings table, which Excel
 * keeps in one part; Dailies writes its report's strings inline). Child-JVM entry: {@code REPORT OUT}; prints one
 * {@link SpreadsheetBenchmark#RESULT} line.
 */
final class ReviewedReport {

    static final int VERDICT_EVERY = 50;
    static final int NOTE_EVERY = 100;

    private ReviewedReport() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long start = System.nanoTime();
        int verdict = RunReport.HEADERS.indexOf("Verdict");
        int notes = RunReport.HEADERS.indexOf("Reviewer notes");
        int rows = 0;
        try (Workbook in = StreamingReader.builder().rowCacheSize(100).bufferSize(4096).open(report.toFile());
             SXSSFWorkbook copy = new SXSSFWorkbook(null, 100, true, true);
             OutputStream os = Files.newOutputStream(out)) {
            for (Sheet sheet : in) {
                Sheet target = copy.createSheet(sheet.getSheetName());
                for (Row row : sheet) {
                    Row r = target.createRow(row.getRowNum());
                    for (Cell c : row) {
                        Cell t = r.createCell(c.getColumnIndex());
                        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
                        if (type == CellType.NUMERIC) {
                            t.setCellValue(c.getNumericCellValue());
                        } else if (type == CellType.STRING) {
                            t.setCellValue(c.getStringCellValue());
                        }
                    }
                    if (sheet.getSheetName().equals(RunReport.SHEET) && row.getRowNum() > 0) {
                        rows++;
                        if (row.getRowNum() % VERDICT_EVERY == 0) {
                            r.createCell(verdict).setCellValue("retake");
                        }
                        if (row.getRowNum() % NOTE_EVERY == 0) {
                            r.createCell(notes).setCellValue("Hands look wrong in the last second (row " + row.getRowNum() + ").");
                        }
                    }
                }
            }
            copy.write(os);
        }
        System.out.printf(Locale.ROOT, "%s ok rows=%d bytes=%d seconds=%.2f%n", SpreadsheetBenchmark.RESULT, rows, Files.size(out),
                (System.nanoTime() - start) / 1e9);
    }
}
