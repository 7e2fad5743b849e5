package io.dailies.shotlist.sheet;

import java.io.Serializable;

/**
 * One problem a producer has to fix, pinned to where it is in the workbook.
 *
 * @param sheet   sheet name as it appears on the tab; null when the file itself is the problem (not an
 *                .xlsx, no 'Shots' sheet)
 * @param row     1-based Excel row number; 0 for a problem with the whole workbook
 * @param column  Excel column letter, e.g. "K"; null when the problem is not in one column
 * @param field   canonical header of the column, e.g. "Seconds"; null when not about one column
 * @param value   what the cell holds, as the producer sees it (shortened when very long); may be null
 * @param message what is wrong and how to fix it, in the producer's words
 */
public record CellIssue(String sheet, int row, String column, String field, String value, String message)
        implements Serializable {

    /** Longest cell value kept in an issue: enough to recognise the cell, not a copy of a 32,000-character prompt. */
    static final int MAX_VALUE_LENGTH = 200;

    public CellIssue {
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH - 1) + "…";
        }
    }

    /** A problem with the workbook as a whole (wrong file type, missing sheet, missing column...). */
    public static CellIssue workbook(String sheet, String message) {
        return new CellIssue(sheet, 0, null, null, null, message);
    }

    /** Where the problem is, e.g. "Shots, row 5, column K (Seconds)". */
    public String location() {
        StringBuilder sb = new StringBuilder(sheet == null ? "workbook" : sheet);
        if (row > 0) {
            sb.append(", row ").append(row);
        }
        if (column != null) {
            sb.append(", column ").append(column);
            if (field != null) {
                sb.append(" (").append(field).append(')');
            }
        } else if (field != null) {
            sb.append(", ").append(field);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
