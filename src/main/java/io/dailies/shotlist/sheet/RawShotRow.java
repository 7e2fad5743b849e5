package io.dailies.shotlist.sheet;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data row as the producer typed it, before any checking: text per recognised column (trimmed,
 * "" when the cell is blank) and the columns Dailies does not know, by header, in sheet order.
 *
 * @param row      1-based Excel row number
 * @param values   text of every recognised column present in the sheet
 * @param extras   text of the other columns, keyed by their header
 * @param sheet    the sheet the row is on; null for the one sheet of a single-sheet shot list (or a CSV file)
 * @param unreadable why a recognised cell gave no text although it is not blank (a formula without a saved
 *                 result that Dailies could not compute), by column; the validator reports each
 */
public record RawShotRow(int row, Map<ShotColumn, String> values, LinkedHashMap<String, String> extras, String sheet,
                         Map<ShotColumn, String> unreadable) implements Serializable {

    public RawShotRow {
        EnumMap<ShotColumn, String> copy = new EnumMap<>(ShotColumn.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
        extras = new LinkedHashMap<>(extras);
        EnumMap<ShotColumn, String> why = new EnumMap<>(ShotColumn.class);
        if (unreadable != null) {
            why.putAll(unreadable);
        }
        unreadable = Collections.unmodifiableMap(why);
    }

    /** A row of the one shot-list sheet whose cells all read. */
    public RawShotRow(int row, Map<ShotColumn, String> values, LinkedHashMap<String, String> extras) {
        this(row, values, extras, null, Map.of());
    }

    /** The cell's text, "" when blank or when the sheet has no such column. */
    public String value(ShotColumn column) {
        return values.getOrDefault(column, "");
    }

    /** Whether every cell of the row, known or extra, is blank (and none is unreadable). */
    public boolean isBlank() {
        return unreadable.isEmpty() && values.values().stream().allMatch(String::isBlank)
                && extras.values().stream().allMatch(String::isBlank);
    }
}
