package io.dailies.core;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A problem with one cell (or with the whole workbook when row is 0): where it is, what it holds, why it is wrong. */
@Embeddable
public class ImportIssue {

    @Column(length = 100) private String sheet;
    @Column(name = "row_number") private int row;
    @Column(name = "column_letter", length = 10) private String column;
    @Column(length = 100) private String field;
    @Column(name = "cell_value", length = 500) private String value;
    @Column(length = 1000) private String message;
    /** A problem that does not refuse the shots (a side sheet Dailies could not read); null on issues stored before. */
    @Column(name = "warning") private Boolean warning;

    protected ImportIssue() {
    }

    public ImportIssue(String sheet, int row, String column, String field, String value, String message) {
        this.sheet = sheet;
        this.row = row;
        this.column = column;
        this.field = field;
        this.value = value == null || value.length() <= 500 ? value : value.substring(0, 497) + "...";
        this.message = message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
    }

    /** The same problem as a warning: listed with the import, never a reason to refuse it. */
    public ImportIssue asWarning() {
        ImportIssue w = new ImportIssue(sheet, row, column, field, value, message);
        w.warning = Boolean.TRUE;
        return w;
    }

    public boolean isWarning() { return Boolean.TRUE.equals(warning); }
    public String getSheet() { return sheet; }
    public int getRow() { return row; }
    public String getColumn() { return column; }
    public String getField() { return field; }
    public String getValue() { return value; }
    public String getMessage() { return message; }
}
