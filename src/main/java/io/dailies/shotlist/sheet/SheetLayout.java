package io.dailies.shotlist.sheet;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where a shot list sits in its workbook: the sheet, the header row and the letter of each recognised
 * column. The validator needs it to say "column K" to the producer; it is small and serializable so a
 * batch step can hand it from its reader to its processor.
 *
 * @param sheetName     the sheet's name as on its tab
 * @param headerRow     1-based Excel row of the header
 * @param columnLetters Excel letter of each recognised column
 */
public record SheetLayout(String sheetName, int headerRow, Map<ShotColumn, String> columnLetters)
        implements Serializable {

    public SheetLayout {
        EnumMap<ShotColumn, String> copy = new EnumMap<>(ShotColumn.class);
        copy.putAll(columnLetters);
        columnLetters = Collections.unmodifiableMap(copy);
    }

    /** For rows whose origin is unknown: sheet "Shots", no column letters. */
    public static SheetLayout unknown() {
        return new SheetLayout(ShotSheetReader.SHEET_NAME, 0, Map.of());
    }

    /** Excel letter of the column, or null when the sheet does not have it. */
    public String letter(ShotColumn column) {
        return columnLetters.get(column);
    }
}
