package io.dailies.review;

/**
 * One thing wrong in an uploaded report, pinned to its cell: sheet, 1-based row, column letter, field
 * (the column's header) and the value found. A problem with the whole workbook has no sheet and row 0.
 */
public record ReportProblem(String sheet, int row, String column, String field, String value, String message) {

    static ReportProblem of(ReviewedWorkbook.Problem p) {
        return new ReportProblem(p.sheet(), p.row(), p.column(), p.field(), p.value(), p.message());
    }
}
