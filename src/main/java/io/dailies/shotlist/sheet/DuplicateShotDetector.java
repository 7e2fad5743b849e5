package io.dailies.shotlist.sheet;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Spots a shot listed twice: the same sequence and shot code, ignoring case and stray spaces, since
 * "SC1-03" and "sc1-03 " would overwrite each other's takes. Remembers the first row of each shot;
 * after a restart, feed it the rows already imported (ignoring the answers) to rebuild that memory.
 */
public final class DuplicateShotDetector {

    private final SheetLayout layout;
    private final Map<String, Integer> firstRow = new HashMap<>();

    public DuplicateShotDetector() {
        this(SheetLayout.unknown());
    }

    public DuplicateShotDetector(SheetLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    public Optional<CellIssue> check(ShotRowData shot) {
        return check(shot.sourceRow(), shot.sequence(), shot.shotCode());
    }

    /** Checks a row before validation, so a shot repeated on an otherwise faulty row is still caught. */
    public Optional<CellIssue> check(RawShotRow row) {
        return check(row.row(), row.value(ShotColumn.SEQUENCE), row.value(ShotColumn.SHOT));
    }

    /**
     * Records the shot of this row; when the same shot was recorded from an earlier row, returns an
     * issue on this row's Shot cell. Blank sequence or shot codes are not recorded (the validator
     * reports them).
     */
    public Optional<CellIssue> check(int row, String sequence, String shotCode) {
        if (sequence == null || shotCode == null || sequence.isBlank() || shotCode.isBlank()) {
            return Optional.empty();
        }
        String key = normal(sequence) + '\u0000' + normal(shotCode);
        Integer first = firstRow.putIfAbsent(key, row);
        if (first == null || first == row) {
            return Optional.empty();
        }
        return Optional.of(new CellIssue(layout.sheetName(), row, layout.letter(ShotColumn.SHOT),
                ShotColumn.SHOT.header(), shotCode,
                "Shot '" + shotCode.strip() + "' of sequence '" + sequence.strip() + "' already appears in row " + first
                        + ": give this shot its own code, or delete the repeated row"));
    }

    /** How many distinct shots were seen. */
    public int size() {
        return firstRow.size();
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
