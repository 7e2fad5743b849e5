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
    private final Map<String, Place> firstRow = new HashMap<>();

    public DuplicateShotDetector() {
        this(SheetLayout.unknown());
    }

    public DuplicateShotDetector(SheetLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    public Optional<CellIssue> check(ShotRowData shot) {
        return check(shot.sourceSheet(), shot.sourceRow(), shot.sequence(), shot.shotCode());
    }

    /** Checks a row before validation, so a shot repeated on an otherwise faulty row is still caught. */
    public Optional<CellIssue> check(RawShotRow row) {
        return check(row.sheet(), row.row(), row.value(ShotColumn.SEQUENCE), row.value(ShotColumn.SHOT));
    }

    /** {@link #check(String, int, String, String)} on the shot list's first (or only) sheet. */
    public Optional<CellIssue> check(int row, String sequence, String shotCode) {
        return check(null, row, sequence, shotCode);
    }

    /**
     * Records the shot of this row; when the same shot was recorded from an earlier row, returns an
     * issue on this row's Shot cell. Blank sequence or shot codes are not recorded (the validator
     * reports them).
     */
    public Optional<CellIssue> check(String sheet, int row, String sequence, String shotCode) {
        if (sequence == null || shotCode == null || sequence.isBlank() || shotCode.isBlank()) {
            return Optional.empty();
        }
        String key = normal(sequence) + '\u0000' + normal(shotCode);
        SheetLayout here = layout.of(sheet);
        Place first = firstRow.putIfAbsent(key, new Place(here.sheetName(), row));
        if (first == null || first.equals(new Place(here.sheetName(), row))) {
            return Optional.empty();
        }
        String where = first.sheet().equals(here.sheetName()) ? "row " + first.row()
                : CellIssue.place(first.sheet(), first.row(), null, null);
        return Optional.of(new CellIssue(here.sheetName(), row, here.letter(ShotColumn.SHOT),
                ShotColumn.SHOT.header(), shotCode,
                "Shot '" + shotCode.strip() + "' of sequence '" + sequence.strip() + "' already appears in " + where
                        + ": give this shot its own code, or delete the repeated row"));
    }

    private record Place(String sheet, int row) {
    }

    /** How many distinct shots were seen. */
    public int size() {
        return firstRow.size();
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
