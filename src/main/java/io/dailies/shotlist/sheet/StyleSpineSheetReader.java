package io.dailies.shotlist.sheet;

import io.dailies.prompt.SpineField;
import io.dailies.prompt.StyleSpine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** The fields, for the shared field-sheet reading. */
    private static final SideSheet.FieldNames<SpineField> FIELDS = new SideSheet.FieldNames<>(SpineField::forName,
            SpineField::label, List.of(SpineField.values()), "style-spine field", "fields",
            "; a shot that differs says so in its Overrides cell, e.g. 'lens: 85mm'");

    private StyleSpineSheetReader() {
    }

    /** Reads the Style Spine sheet of an .xlsx workbook. */
    public static Result read(Path xlsx) throws IOException, ShotSheetFormatException {
        return SideSheet.read(xlsx, StyleSpineSheetReader::read);
    }

    /** The sheet named like a Style Spine sheet, else the first other sheet naming two or more of its fields. */
    static Result read(SideSheet.Sheets sheets) {
        SideSheet.Found sheet = sheets.byName(SHEET_NAMES);
        if (sheet == null) {
            sheet = sheets.byContent(StyleSpineSheetReader::looksLike);
        }
        return sheet == null ? Result.absent() : read(sheet);
    }

    /** Whether a sheet's first rows name two or more style-spine fields: a Style Spine sheet by another name. */
    static boolean looksLike(SideSheet.Found head) {
        return SideSheet.fieldsNamed(head, FIELDS) >= 2;
    }

    static Result read(SideSheet.Found sheet) {
        List<CellIssue> errors = new ArrayList<>();
        List<CellIssue> warnings = new ArrayList<>();
        Map<SpineField, SideSheet.FieldValue> values = SideSheet.readFields(sheet, FIELDS, errors, warnings);
        if (values.isEmpty() && !sheet.rows().isEmpty()) {
            warnings.add(sheet.issue(SideSheet.notRead(sheet, FIELDS, "the shots were imported with no style spine")));
        }

        StyleSpine spine = StyleSpine.EMPTY;
        for (Map.Entry<SpineField, SideSheet.FieldValue> e : values.entrySet()) {
            spine = spine.with(e.getKey(), e.getValue().text());
        }
        int anchors = spine.paletteAnchors().size();
        if (anchors > 0 && (anchors < 3 || anchors > 5)) {
            SideSheet.FieldValue at = values.get(SpineField.PALETTE);
            warnings.add(sheet.issue(at.row(), at.column(), SpineField.PALETTE.label(), at.text(), "Palette anchors names "
                    + anchors + " colour" + (anchors == 1 ? "" : "s")
                    + ": name three to five, e.g. 'amber, cream, walnut brown', so the palette stays stable across shots"));
        }
        return new Result(sheet.name(), spine, errors, warnings);
    }
}
