package io.dailies.shotlist;

import io.dailies.core.ImportIssue;
import io.dailies.shotlist.sheet.CellIssue;

/**
 * One problem of an import, pinned to its cell as the producer sees it in Excel. A problem with the whole
 * workbook has no sheet and row 0; column, field and value are null when the problem is not in one cell.
 */
public record ImportIssueView(String sheet, int row, String column, String field, String value, String message) {

    static ImportIssueView of(ImportIssue c) {
        // The message names its place itself ("Shots!K5 (Seconds): ..."), so it reads well pasted on its own.
        return new ImportIssueView(c.getSheet(), c.getRow(), c.getColumn(), c.getField(), c.getValue(),
                CellIssue.text(c.getSheet(), c.getRow(), c.getColumn(), c.getField(), c.getMessage()));
    }
}
