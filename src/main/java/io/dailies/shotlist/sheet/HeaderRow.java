package io.dailies.shotlist.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellReference;

/**
 * How the header row maps sheet columns to shot columns. The prose columns (the pillars and the
 * dialogue) may be split over several sheet columns, say "Lighting" and "Palette": their texts are
 * joined, one per line, in sheet order. A key column named twice ("Scene" and "Sequence") is read from
 * the better-named one and the other is kept as an extra, so nothing the producer wrote is lost.
 */
final class HeaderRow {

    private final int row;
    private final Map<ShotColumn, List<Integer>> columns;
    private final SortedMap<Integer, String> extraKeys;
    private final Set<Integer> mapped = new HashSet<>();
    /** The sheet's name when it has no Sequence column: every row's sequence; null otherwise. */
    private final String impliedSequence;

    private HeaderRow(int row, Map<ShotColumn, List<Integer>> columns, SortedMap<Integer, String> extras,
                      String impliedSequence) {
        this.row = row;
        this.columns = columns;
        this.extraKeys = uniqueKeys(extras);
        this.impliedSequence = impliedSequence;
        columns.values().forEach(mapped::addAll);
    }

    /** This header on a sheet named {@code sheet}: without a Sequence column, the sheet's name is every row's sequence. */
    HeaderRow onSheet(String sheet) {
        if (columns.containsKey(ShotColumn.SEQUENCE) || sheet == null) {
            return this;
        }
        return new HeaderRow(row, columns, extraKeys, sheet.strip());
    }

    /** Whether the sheet's name stands for the Sequence column it does not have. */
    boolean sequenceFromSheet() {
        return impliedSequence != null;
    }

    /** Whether the header names this column. */
    boolean has(ShotColumn column) {
        return columns.containsKey(column);
    }

    /** Number of distinct shot columns the header names: how good a shot-list header it is. */
    int score() {
        return columns.size();
    }

    /** Number of distinct shot columns a row's cells name: how much it looks like a header row. */
    static int recognised(SortedMap<Integer, String> cells) {
        return (int) cells.values().stream().map(ShotColumn::match)
                .filter(m -> m != null).map(ShotColumn.Match::column).distinct().count();
    }

    static HeaderRow of(int row, SortedMap<Integer, String> cells) {
        Map<ShotColumn, List<Integer>> columns = new EnumMap<>(ShotColumn.class);
        Map<ShotColumn, Integer> bestRank = new EnumMap<>(ShotColumn.class);
        SortedMap<Integer, String> extras = new TreeMap<>();
        for (Map.Entry<Integer, String> cell : cells.entrySet()) {
            int index = cell.getKey();
            String header = cell.getValue();
            if (header.isBlank()) {
                continue;
            }
            ShotColumn.Match m = ShotColumn.match(header);
            if (m == null) {
                extras.put(index, header);
            } else if (isProse(m.column())) {
                columns.computeIfAbsent(m.column(), c -> new ArrayList<>()).add(index);
            } else if (!columns.containsKey(m.column())) {
                columns.put(m.column(), new ArrayList<>(List.of(index)));
                bestRank.put(m.column(), m.rank());
            } else if (m.rank() < bestRank.get(m.column())) {
                int loser = columns.get(m.column()).get(0);
                extras.put(loser, cells.get(loser));
                columns.put(m.column(), new ArrayList<>(List.of(index)));
                bestRank.put(m.column(), m.rank());
            } else {
                extras.put(index, header);
            }
        }
        return new HeaderRow(row, columns, extras, null);
    }

    private static boolean isProse(ShotColumn c) {
        return switch (c) {
            case SEQUENCE, SHOT, MODEL, SIZE, SECONDS, SHOT_TYPE, CHARACTERS, OVERRIDES, INPUT_REFERENCE -> false;
            default -> true;
        };
    }

    int row() {
        return row;
    }

    List<ShotColumn> missingRequired() {
        List<ShotColumn> missing = new ArrayList<>();
        for (ShotColumn c : ShotColumn.values()) {
            if (c.required() && !columns.containsKey(c) && !(c == ShotColumn.SEQUENCE && impliedSequence != null)) {
                missing.add(c);
            }
        }
        return missing;
    }

    /** Excel letter of each recognised column (the first one for a column split over several). */
    Map<ShotColumn, String> letters() {
        Map<ShotColumn, String> letters = new EnumMap<>(ShotColumn.class);
        columns.forEach((c, idx) -> letters.put(c, letter(idx.get(0))));
        return letters;
    }

    List<String> extraHeaders() {
        return new ArrayList<>(extraKeys.values());
    }

    /** Excel letter of each headed unknown column, by its key in {@link RawShotRow#extras()}, in sheet order. */
    Map<String, String> extraLetters() {
        Map<String, String> letters = new LinkedHashMap<>();
        extraKeys.forEach((i, key) -> letters.put(key, letter(i)));
        return letters;
    }

    /** A data row's cells, by column index, as a raw shot row. */
    RawShotRow toRow(int excelRow, SortedMap<Integer, String> cells) {
        return toRow(excelRow, cells, Map.of(), null);
    }

    /**
     * A data row as a raw shot row of {@code sheet} (null for a single-sheet shot list); {@code problems} says why a
     * cell gave no text, by column index.
     */
    RawShotRow toRow(int excelRow, SortedMap<Integer, String> cells, Map<Integer, String> problems, String sheet) {
        Map<ShotColumn, String> values = new EnumMap<>(ShotColumn.class);
        columns.forEach((c, idx) -> values.put(c, idx.stream()
                .map(i -> cells.getOrDefault(i, ""))
                .filter(s -> !s.isBlank())
                .collect(Collectors.joining("\n"))));
        if (impliedSequence != null) {
            values.put(ShotColumn.SEQUENCE, impliedSequence);
        }
        Map<ShotColumn, String> unreadable = new EnumMap<>(ShotColumn.class);
        problems.forEach((i, why) -> columns.forEach((c, idx) -> {
            if (idx.contains(i)) {
                unreadable.putIfAbsent(c, why);
            }
        }));
        // every headed extra is present ("" when blank), so all rows have the same shape
        SortedMap<Integer, String> keys = extraKeys;
        for (Map.Entry<Integer, String> cell : cells.entrySet()) {
            int i = cell.getKey();
            if (!cell.getValue().isBlank() && !mapped.contains(i) && !extraKeys.containsKey(i)) {
                if (keys == extraKeys) {
                    keys = new TreeMap<>(extraKeys);
                }
                keys.put(i, "Column " + letter(i)); // text under no header still reaches the producer
            }
        }
        LinkedHashMap<String, String> extraValues = new LinkedHashMap<>();
        keys.forEach((i, key) -> extraValues.put(key, cells.getOrDefault(i, "")));
        return new RawShotRow(excelRow, values, extraValues, sheet, unreadable);
    }

    /** Extra headers made unique: a second "Notes" becomes "Notes (F)". */
    private static SortedMap<Integer, String> uniqueKeys(SortedMap<Integer, String> extras) {
        SortedMap<Integer, String> keys = new TreeMap<>();
        Set<String> used = new HashSet<>();
        extras.forEach((i, header) -> {
            String key = used.contains(header) ? header + " (" + letter(i) + ")" : header;
            used.add(key);
            keys.put(i, key);
        });
        return keys;
    }

    static String letter(int index) {
        return CellReference.convertNumToColString(index);
    }
}
