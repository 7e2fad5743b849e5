package io.dailies.review;

import io.dailies.core.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The benchmark's handle on the reviews upload: the product's reading of an edited report (what
 * {@code POST /api/runs/{id}/reviews} does before it touches the database), and the way it read one before: the
 * upload handed to {@code WorkbookFactory.create}, the whole workbook in POI's user model.
 */
public final class ReviewsBench {

    /** What a read found: rows with a verdict or notes, rows with a verdict, and problems. */
    public record Read(int rows, int verdicts, int problems, String firstProblem) {
    }

    private ReviewsBench() {
    }

    /** As the upload does now: the stream spooled, checked by the guard, read streaming. */
    public static Read read(Path report) throws IOException {
        try (InputStream in = Files.newInputStream(report)) {
            ReviewedWorkbook.Result r = ReviewedWorkbook.read(in);
            int verdicts = (int) r.rows().stream().filter(x -> x.verdict() != null).count();
            return new Read(r.rows().size(), verdicts, r.problems().size(), r.problems().isEmpty() ? null : r.problems().get(0).message());
        }
    }

    /** As the upload did before: the same reading, over the whole workbook loaded from the stream. */
    public static Read readWhole(Path report) throws IOException {
        DataFormatter formatter = new DataFormatter();
        int rows = 0;
        int verdicts = 0;
        try (InputStream in = Files.newInputStream(report); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet(ReviewedWorkbook.SHEET);
            Map<String, Integer> columns = new HashMap<>();
            for (Cell c : sheet.getRow(0)) {
                columns.put(formatter.formatCellValue(c).strip().toLowerCase(Locale.ROOT), c.getColumnIndex());
            }
            int verdict = columns.get("verdict");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                rows++;
                Cell v = row.getCell(verdict);
                String text = v == null ? "" : formatter.formatCellValue(v).strip();
                if (!text.isEmpty()) {
                    Verdict.valueOf(text.toUpperCase(Locale.ROOT));
                    verdicts++;
                }
            }
        }
        return new Read(rows, verdicts, 0, null);
    }
}
