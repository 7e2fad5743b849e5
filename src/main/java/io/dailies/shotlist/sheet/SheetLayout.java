package io.dailies.shotlist.sheet;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a shot list sits in its workbook: the sheet, the header row and the letter of each recognised
 * column. The validator needs it to say "column K" to the producer; it is small and serializable so a
 * batch step can hand it from its reader to its processor. A shot list spread over several sheets (one per
 * sequence) is the first sheet's layout with the others' beside it ({@link #of}).
 *
 * @param sheetName         the sheet's name as on its tab
 * @param headerRow         1-based Excel row of the header
 * @param columnLetters     Excel letter of each recognised column
 * @param extraLetters      Excel letter of each column Dailies does not know, by its key in
 *                          {@link RawShotRow#extras()} (e.g. "Verdict" → "AD"), in sheet order
 * @param sequenceFromSheet the sheet has no Sequence column: its name is the sequence of every row
 * @param others            the other sheets of the shot list by name, in workbook order; empty for one sheet
 */
public record SheetLayout(String sheetName, int headerRow, Map<ShotColumn, String> columnLetters,
                          Map<String, String> extraLetters, boolean sequenceFromSheet,
                          Map<String, SheetLayout> others) implements Serializable {

    public SheetLayout {
        EnumMap<ShotColumn, String> copy = new EnumMap<>(ShotColumn.class);
        copy.putAll(columnLetters);
        columnLetters = Collections.unmodifiableMap(copy);
        extraLetters = Collections.unmodifiableMap(new LinkedHashMap<>(extraLetters));
        others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }

    /** One sheet with a Sequence column. */
    public SheetLayout(String sheetName, int headerRow, Map<ShotColumn, String> columnLetters,
                       Map<String, String> extraLetters) {
        this(sheetName, headerRow, columnLetters, extraLetters, false, Map.of());
    }

    /** A layout without the letters of the unknown columns. */
    public SheetLayout(String sheetName, int headerRow, Map<ShotColumn, String> columnLetters) {
        this(sheetName, headerRow, columnLetters, Map.of());
    }

    /** For rows whose origin is unknown: sheet "Shots", no column letters. */
    public static SheetLayout unknown() {
        return new SheetLayout(ShotSheetReader.SHEET_NAME, 0, Map.of());
    }

    /** The layout of the sheet a row is on ({@link RawShotRow#sheet()}); this one for null or an unknown name. */
    public SheetLayout of(String sheet) {
        if (sheet == null || sheet.equals(sheetName)) {
            return this;
        }
        SheetLayout other = others.get(sheet);
        return other == null ? this : other;
    }

    /** Every sheet of the shot list, in workbook order. */
    public List<SheetLayout> sheets() {
        List<SheetLayout> all = new ArrayList<>();
        all.add(new SheetLayout(sheetName, headerRow, columnLetters, extraLetters, sequenceFromSheet, Map.of()));
        all.addAll(others.values());
        return all;
    }

    /**
     * Where a row stands in the whole shot list, for ordering shots and sequences: its Excel row on the first
     * sheet, after every row of the sheets before it on the others (a sheet has at most 1,048,576 rows).
     */
    public int position(String sheet, int row) {
        if (sheet == null || sheet.equals(sheetName)) {
            return row;
        }
        int index = 1;
        for (String other : others.keySet()) {
            if (other.equals(sheet)) {
                return index * EXCEL_ROWS + row;
            }
            index++;
        }
        return row;
    }

    /** Rows of an Excel sheet. */
    static final int EXCEL_ROWS = 1_048_576;

    /** Excel letter of the column, or null when the sheet does not have it. */
    public String letter(ShotColumn column) {
        return columnLetters.get(column);
    }

    /** Excel letter of an unknown column by its key in {@link RawShotRow#extras()}, or null when not known. */
    public String extraLetter(String key) {
        return extraLetters.get(key);
    }
}
