package io.dailies.shotlist.sheet;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The workbook cannot be read as a shot list at all (wrong file type, no 'Shots' sheet, no header row,
 * required columns missing). Row-level problems are not thrown: they come back from the validator.
 */
public class ShotSheetFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<CellIssue> issues;

    public ShotSheetFormatException(List<CellIssue> issues) {
        this(issues, null);
    }

    public ShotSheetFormatException(List<CellIssue> issues, Throwable cause) {
        super(issues.stream().map(CellIssue::text).collect(Collectors.joining("; ")), cause);
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a format exception needs at least one issue");
        }
        this.issues = List.copyOf(issues);
    }

    public ShotSheetFormatException(CellIssue issue) {
        this(List.of(issue));
    }

    /** The problems, each a separate thing for the producer to fix. */
    public List<CellIssue> issues() {
        return issues;
    }
}
