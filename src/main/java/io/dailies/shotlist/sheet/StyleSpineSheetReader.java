package io.dailies.shotlist.sheet;

import io.dailies.prompt.SpineField;
import io.dailies.prompt.StyleSpine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Reads the workbook's {@code Style Spine} sheet: the lens, aperture, camera language, grade, palette
 * anchors and stability cues carried into every shot. Two layouts are accepted:
 * <ul>
 * <li><b>key / value</b> (the template's): one field per row, its name in one column and its value in the
 * column to the right ("Lens | 35mm"); further columns are free for notes, and a first row such as
 * "Field | Value" or a title above the first field is skipped;</li>
 * <li><b>header + values</b>: a header row naming the fields (at least two of them) and one row of
 * values below it.</li>
 * </ul>
 * Field names are matched ignoring case and punctuation, with synonyms ("Palette", "f-stop", "Colour
 * grade", see {@link SpineField}). Palette anchors are comma-separated.
 *
 * <p><b>Errors</b> (a field given twice, more than one row of values) should reject the import;
 * <b>warnings</b> (an unknown field name, fewer than 3 or more than 5 palette anchors) do not. A workbook
 * without a Style Spine sheet gives an empty spine and no issues.
 */
public final class StyleSpineSheetReader {

    /** Sheet names accepted, ignoring case, spaces and punctuation; the first is the template's. */
    public static final List<String> SHEET_NAMES = List.of("Style Spine", "Spine", "Style", "Look");

    /**
     * What the sheet gave.
     *
     * @param sheetName the sheet's name as on its tab; null when the workbook has none
     * @param spine     the spine (blank fields "" when not given)
     * @param errors    problems that should reject the import
     * @param warnings  problems worth fixing
     */
    public record Result(String sheetName, StyleSpine spine, List<CellIssue> errors, List<CellIssue> warnings) {
        public Result {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean present() {
            return sheetName != null;
        }

        static Result absent() {
            return new Result(null, StyleSpine.EMPTY, List.of(), List.of());
        }
    }

    private StyleSpineSheetReader() {
    }

    /** Reads the Style Spine sheet of an .xlsx workbook. */
    public static Result read(Path xlsx) throws IOException, ShotSheetFormatException {
        try (Workbook wb = SideSheet.open(xlsx)) {
            return read(wb);
        }
    }

    static Result read(Workbook workbook) {
        SideSheet.Found sheet = SideSheet.find(workbook, SHEET_NAMES);
        return sheet == null ? Result.absent() : read(sheet);
    }

    static Result read(SideSheet.Found sheet) {
        List<CellIssue> errors = new ArrayList<>();
        List<CellIssue> warnings = new ArrayList<>();
        Map<SpineField, String> values = new EnumMap<>(SpineField.class);
        Map<SpineField, int[]> where = new EnumMap<>(SpineField.class); // row, column index of the value
        String name = sheet.name();

        int headerIndex = -1;
        for (int i = 0; i < Math.min(SideSheet.HEADER_SEARCH_ROWS, sheet.rows().size()); i++) {
            long fields = sheet.rows().get(i).cells().values().stream()
                    .map(SpineField::forName).filter(Optional::isPresent).map(Optional::get).distinct().count();
            if (fields >= 2) {
                headerIndex = i;
                break;
            }
        }
        if (headerIndex >= 0) {
            readHeaderLayout(sheet, headerIndex, values, where, errors, warnings);
        } else {
            readKeyValueLayout(sheet, values, where, errors, warnings);
        }

        StyleSpine spine = StyleSpine.EMPTY;
        for (Map.Entry<SpineField, String> e : values.entrySet()) {
            spine = spine.with(e.getKey(), e.getValue());
        }
        int anchors = spine.paletteAnchors().size();
        if (anchors > 0 && (anchors < 3 || anchors > 5)) {
            int[] at = where.get(SpineField.PALETTE);
            warnings.add(new CellIssue(name, at[0], SideSheet.letter(at[1]), SpineField.PALETTE.label(),
                    values.get(SpineField.PALETTE), "Palette anchors names " + anchors + " colour" + (anchors == 1 ? "" : "s")
                    + ": name three to five, e.g. 'amber, cream, walnut brown', so the palette stays stable across shots"));
        }
        return new Result(name, spine, errors, warnings);
    }

    private static void readHeaderLayout(SideSheet.Found sheet, int headerIndex, Map<SpineField, String> values,
                                         Map<SpineField, int[]> where, List<CellIssue> errors, List<CellIssue> warnings) {
        String name = sheet.name();
        SideSheet.SheetRow header = sheet.rows().get(headerIndex);
        Map<Integer, SpineField> columns = new java.util.TreeMap<>();
        header.cells().forEach((index, text) -> {
            Optional<SpineField> f = SpineField.forName(text);
            if (f.isEmpty()) {
                warnings.add(new CellIssue(name, header.row(), SideSheet.letter(index), null, text, "'" + text
                        + "' is not a style-spine field and is ignored; the fields are Lens, Aperture, Camera language, Grade, "
                        + "Palette anchors and Stability cues"));
            } else if (columns.containsValue(f.get())) {
                errors.add(new CellIssue(name, header.row(), SideSheet.letter(index), f.get().label(), text,
                        f.get().label() + " has two columns: keep one"));
            } else {
                columns.put(index, f.get());
            }
        });
        List<SideSheet.SheetRow> below = sheet.rows().subList(headerIndex + 1, sheet.rows().size());
        if (below.isEmpty()) {
            return;
        }
        SideSheet.SheetRow row = below.get(0);
        if (below.size() > 1) {
            errors.add(CellIssue.workbook(name, "The " + name + " sheet has more than one row of values (rows " + row.row()
                    + " and " + below.get(1).row() + "): keep one; a shot that differs says so in its Overrides cell, "
                    + "e.g. 'lens: 85mm'"));
        }
        columns.forEach((index, field) -> {
            values.put(field, CellText.clean(row.cells().getOrDefault(index, "")));
            where.put(field, new int[] {row.row(), index});
        });
    }

    private static void readKeyValueLayout(SideSheet.Found sheet, Map<SpineField, String> values,
                                           Map<SpineField, int[]> where, List<CellIssue> errors, List<CellIssue> warnings) {
        String name = sheet.name();
        boolean seenField = false;
        for (SideSheet.SheetRow row : sheet.rows()) {
            int keyColumn = row.cells().firstKey();
            String key = row.cells().get(keyColumn);
            String value = CellText.clean(row.cells().getOrDefault(keyColumn + 1, ""));
            Optional<SpineField> field = SpineField.forName(key);
            if (field.isEmpty()) {
                // rows above the first field are a title or a "Field | Value" header
                if (seenField) {
                    warnings.add(new CellIssue(name, row.row(), SideSheet.letter(keyColumn), null, key, "'" + key
                            + "' is not a style-spine field and is ignored; the fields are Lens, Aperture, Camera language, "
                            + "Grade, Palette anchors and Stability cues"));
                }
                continue;
            }
            seenField = true;
            if (values.containsKey(field.get())) {
                errors.add(new CellIssue(name, row.row(), SideSheet.letter(keyColumn), field.get().label(), key,
                        field.get().label() + " is given twice (rows " + where.get(field.get())[0] + " and " + row.row()
                                + "): keep one"));
                continue;
            }
            values.put(field.get(), value);
            where.put(field.get(), new int[] {row.row(), keyColumn + 1});
        }
    }
}
