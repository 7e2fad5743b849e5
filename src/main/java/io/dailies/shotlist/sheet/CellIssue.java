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

    /**
     * The message with its place in front, as a producer pastes it into an e-mail: {@code Shots!K5 (Seconds): ...},
     * {@code 'Style Spine' row 4: ...}, {@code Characters: ...}; a problem with the file itself has no place.
     */
    public String text() {
        return text(sheet, row, column, field, message);
    }

    /** {@link #text()} of an issue kept elsewhere (the import's stored issues). */
    public static String text(String sheet, int row, String column, String field, String message) {
        String place = place(sheet, row, column, field);
        return place.isEmpty() || message == null || message.startsWith(place) ? message : place + ": " + message;
    }

    /**
     * The place as Excel names it: {@code Shots!K5}, {@code 'Style Spine'!B3}; a whole row is {@code Shots row 5};
     * a whole sheet its name; the field is added in parentheses. Empty for the workbook as a whole.
     */
    public static String place(String sheet, int row, String column, String field) {
        if (sheet == null || sheet.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(quoted(sheet));
        if (row > 0 && column != null) {
            sb.append('!').append(column).append(row);
        } else if (row > 0) {
            sb.append(" row ").append(row);
        } else if (column != null) {
            sb.append(" column ").append(column);
        }
        if (field != null) {
            sb.append(" (").append(field).append(')');
        }
        return sb.toString();
    }

    /** A sheet name as a formula writes it: quoted when it is not a plain word (Excel's rule, doubled quotes inside). */
    static String quoted(String sheet) {
        return sheet.matches("[\\p{L}_][\\p{L}\\p{N}_.]*") && !sheet.matches("(?i)[a-z]{1,3}\\d+|r\\d*c\\d*|true|false")
                ? sheet : "'" + sheet.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return sheet == null ? "workbook: " + message : text();
    }
}
