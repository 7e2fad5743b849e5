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
 * @param row    1-based Excel row number
 * @param values text of every recognised column present in the sheet
 * @param extras text of the other columns, keyed by their header
 */
public record RawShotRow(int row, Map<ShotColumn, String> values, LinkedHashMap<String, String> extras)
        implements Serializable {

    public RawShotRow {
        EnumMap<ShotColumn, String> copy = new EnumMap<>(ShotColumn.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
        extras = new LinkedHashMap<>(extras);
    }

    /** The cell's text, "" when blank or when the sheet has no such column. */
    public String value(ShotColumn column) {
        return values.getOrDefault(column, "");
    }

    /** Whether every cell of the row, known or extra, is blank. */
    public boolean isBlank() {
        return values.values().stream().allMatch(String::isBlank) && extras.values().stream().allMatch(String::isBlank);
    }
}
