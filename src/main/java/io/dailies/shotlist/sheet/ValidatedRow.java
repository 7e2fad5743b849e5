package io.dailies.shotlist.sheet;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking one row: either the shot, or every problem found in the row (all of them at
 * once, so the producer fixes a row in one pass).
 *
 * @param sourceRow 1-based Excel row
 * @param shot      the shot when the row is valid, otherwise null
 * @param issues    the row's problems; empty when valid
 */
public record ValidatedRow(int sourceRow, ShotRowData shot, List<CellIssue> issues) implements Serializable {

    public ValidatedRow {
        issues = List.copyOf(issues);
        if ((shot == null) == issues.isEmpty()) {
            throw new IllegalArgumentException("a row is either a shot or a list of issues");
        }
    }

    public static ValidatedRow valid(ShotRowData shot) {
        return new ValidatedRow(shot.sourceRow(), shot, List.of());
    }

    public static ValidatedRow invalid(int sourceRow, List<CellIssue> issues) {
        return new ValidatedRow(sourceRow, null, issues);
    }

    public boolean isValid() {
        return shot != null;
    }

    /** The shot, when the row is valid. */
    public Optional<ShotRowData> data() {
        return Optional.ofNullable(shot);
    }
}
