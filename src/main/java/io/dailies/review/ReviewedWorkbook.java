package io.dailies.review;

import io.dailies.core.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * A dailies report the producer edited in Excel: the Verdict and Reviewer notes of each row, read by
 * their headers, so reordered or added columns do not matter. Everything wrong is reported, cell by cell.
 */
final class ReviewedWorkbook {

    record RowReview(int row, String sequence, String shot, Verdict verdict, String notes) {
    }

    record Problem(String sheet, int row, String column, String field, String value, String message) {
    }

    record Result(List<RowReview> rows, List<Problem> problems) {
    }

    static final String SHEET = "Takes";
    private static final List<String> REQUIRED = List.of("Sequence", "Shot", "Verdict");

    private ReviewedWorkbook() {
    }

    static Result read(InputStream xlsx) {
        List<RowReview> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(xlsx)) {
            Sheet sheet = wb.getSheet(SHEET);
            if (sheet == null) {
                problems.add(new Problem(null, 0, null, null, null, "The workbook has no '" + SHEET + "' sheet: upload the report downloaded from Dailies."));
                return new Result(rows, problems);
            }
            Row header = sheet.getRow(0);
            Map<String, Integer> columns = new HashMap<>();
            if (header != null) {
                for (Cell c : header) {
                    columns.put(formatter.formatCellValue(c).strip().toLowerCase(Locale.ROOT), c.getColumnIndex());
                }
            }
            for (String required : REQUIRED) {
                if (!columns.containsKey(required.toLowerCase(Locale.ROOT))) {
                    problems.add(new Problem(SHEET, 1, null, required, null, "Missing column '" + required + "' in the header row."));
                }
            }
            if (!problems.isEmpty()) {
                return new Result(rows, problems);
            }
            int seq = columns.get("sequence");
            int shot = columns.get("shot");
            int verdict = columns.get("verdict");
            Integer notes = columns.get("reviewer notes");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String sequence = text(formatter, row, seq);
                String code = text(formatter, row, shot);
                String verdictText = text(formatter, row, verdict);
                if (sequence.isEmpty() && code.isEmpty()) {
                    continue;
                }
                Verdict v = null;
                if (!verdictText.isEmpty()) {
                    try {
                        v = Verdict.valueOf(verdictText.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(SHEET, r + 1, CellReference.convertNumToColString(verdict), "Verdict", verdictText,
                                "Verdict must be ACCEPT, RETAKE or REVIEW (or empty); found '" + verdictText + "'."));
                        continue;
                    }
                }
                String note = notes == null ? "" : text(formatter, row, notes);
                rows.add(new RowReview(r + 1, sequence, code, v, note.isEmpty() ? null : note));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(null, 0, null, null, null, "Not a readable .xlsx workbook: " + e.getMessage()));
        }
        return new Result(rows, problems);
    }

    private static String text(DataFormatter f, Row row, int column) {
        Cell c = row.getCell(column);
        return c == null ? "" : f.formatCellValue(c).strip();
    }
}
