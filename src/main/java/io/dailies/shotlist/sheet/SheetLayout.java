package io.dailies.shotlist.sheet;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a shot list sits in its workbook: the sheet, the header row and the letter of each recognised
 * column. The validator needs it to say "column K" to the producer; it is small and serializable so a
 * batch step can hand it from its reader to its processor.
 *
 * @param sheetName     the sheet's name as on its tab
 * @param headerRow     1-based Excel row of the header
 * @param columnLetters Excel letter of each recognised column
 * @param extraLetters  Excel letter of each column Dailies does not know, by its key in
 *                      {@link RawShotRow#extras()} (e.g. "Verdict" → "AD"), in sheet order
 */
public record SheetLayout(String sheetName, int headerRow, Map<ShotColumn, String> columnLetters,
                          Map<String, String> extraLetters) implements Serializable {

    public SheetLayout {
        EnumMap<ShotColumn, String> copy = new EnumMap<>(ShotColumn.class);
        copy.putAll(columnLetters);
        columnLetters = Collections.unmodifiableMap(copy);
        extraLetters = Collections.unmodifiableMap(new LinkedHashMap<>(extraLetters));
    }

    /** A layout without the letters of the unknown columns. */
    public SheetLayout(String sheetName, int headerRow, Map<ShotColumn, String> columnLetters) {
        this(sheetName, headerRow, columnLetters, Map.of());
    }

    /** For rows whose origin is unknown: sheet "Shots", no column letters. */
    public static SheetLayout unknown() {
        return new SheetLayout(ShotSheetReader.SHEET_NAME, 0, Map.of());
    }

    /** Excel letter of the column, or null when the sheet does not have it. */
    public String letter(ShotColumn column) {
        return columnLetters.get(column);
    }

    /** Excel letter of an unknown column by its key in {@link RawShotRow#extras()}, or null when not known. */
    public String extraLetter(String key) {
        return extraLetters.get(key);
    }
}
