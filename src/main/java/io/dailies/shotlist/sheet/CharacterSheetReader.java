package io.dailies.shotlist.sheet;

import io.dailies.prompt.CharacterAnchor;
import io.dailies.prompt.CharacterBible;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the workbook's {@code Characters} sheet into the project's {@link CharacterBible}: one row per
 * character with a Name, a Description (the 3-4 distinctive details repeated word for word in every
 * prompt), an optional Reference image (for the Characters API) and optional Aliases (other names the
 * shot list uses, e.g. "Detective" for "Detective Reyes", comma-separated). The header row may sit
 * below title rows (first 10 rows); headers are matched ignoring case and punctuation. The sheet is found by its
 * name ({@link #SHEET_NAMES}), else by its content: the first other sheet with a name and a description header.
 *
 * <p>Problems come back as issues, never exceptions: <b>errors</b> (a row with no name or no description,
 * a name or alias defined twice, no header row) leave the row out of the bible and should reject the
 * import like a bad Shots cell; <b>warnings</b> (a description with fewer than three distinctive details)
 * keep the row, and so does a sheet named like a Characters sheet that has no such header: it is not read, and
 * the shots import without it. A workbook without a Characters sheet gives an empty bible and no issues.
 */
public final class CharacterSheetReader {

    /** Sheet names accepted, ignoring case, spaces and punctuation; the first is the template's. */
    public static final List<String> SHEET_NAMES = List.of("Characters", "Character bible", "Character anchors", "Cast");

    /** The columns of the Characters sheet. */
    public enum Column {
        NAME("Name", "Character", "Character name", "Who", "Role", "Cast member", "Person"),
        DESCRIPTION("Description", "Anchor", "Anchors", "Character anchor", "Character anchors", "Details", "Visual details",
                "Distinctive details", "Appearance", "Look", "Visual anchors", "Visual anchor", "Visual description",
                "Physical description", "Looks", "Appearance & wardrobe"),
        REFERENCE_IMAGE("Reference image", "Reference", "Image", "Ref image", "Reference photo", "Photo", "Reference file"),
        ALIASES("Aliases", "Alias", "Also called", "Also known as", "AKA", "Other names", "Speaker labels");

        private final String header;
        private final List<String> keys;

        Column(String header, String... aliases) {
            this.header = header;
            this.keys = SideSheet.keys(header, aliases);
        }

        public String header() {
            return header;
        }

        static Column match(String text) {
            return SideSheet.match(text, List.of(values()), c -> c.keys);
        }
    }

    /**
     * What the sheet gave.
     *
     * @param sheetName the sheet's name as on its tab; null when the workbook has no Characters sheet
     * @param bible     the characters that passed (empty when none)
     * @param errors    problems that leave a row out (the import should be rejected)
     * @param warnings  problems worth fixing; the row is kept
     */
    public record Result(String sheetName, CharacterBible bible, List<CellIssue> errors, List<CellIssue> warnings) {
        public Result {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean present() {
            return sheetName != null;
        }

        static Result absent() {
            return new Result(null, CharacterBible.EMPTY, List.of(), List.of());
        }
    }

    private CharacterSheetReader() {
    }

    /** Reads the Characters sheet of an .xlsx workbook. */
    public static Result read(Path xlsx) throws IOException, ShotSheetFormatException {
        return SideSheet.read(xlsx, CharacterSheetReader::read);
    }

    /** The sheet named like a Characters sheet, else the first other sheet with a Name and Description header. */
    static Result read(SideSheet.Sheets sheets) {
        SideSheet.Found sheet = sheets.byName(SHEET_NAMES);
        if (sheet == null) {
            sheet = sheets.byContent(CharacterSheetReader::looksLike);
        }
        return sheet == null ? Result.absent() : read(sheet);
    }

    /** Whether a sheet's first rows hold a header naming a character and its look: a Characters sheet by another name. */
    static boolean looksLike(SideSheet.Found head) {
        return head.headerIndex(CharacterSheetReader::isHeader) >= 0;
    }

    private static boolean isHeader(SideSheet.SheetRow row) {
        SideSheet.Columns<Column> named = SideSheet.Columns.of(row, Column::match);
        return named.has(Column.NAME) && named.has(Column.DESCRIPTION);
    }

    static Result read(SideSheet.Found sheet) {
        String name = sheet.name();
        List<CellIssue> errors = new ArrayList<>();
        List<CellIssue> warnings = new ArrayList<>();
        if (sheet.rows().isEmpty()) {
            return new Result(name, CharacterBible.EMPTY, errors, warnings);
        }
        int headerIndex = sheet.headerIndex(CharacterSheetReader::isHeader);
        if (headerIndex < 0) {
            // A sheet Dailies cannot read never refuses the shots: they import without its characters.
            warnings.add(sheet.issue("The " + name + " sheet was not read: it has no header row with a name and a "
                    + "description in its first " + SideSheet.HEADER_SEARCH_ROWS + " rows, so the shots were imported without "
                    + "its characters. To use it, put a row of headers such as Name, Description (or Visual anchors, Look), "
                    + "Reference image, Aliases above the characters"));
            return new Result(name, CharacterBible.EMPTY, errors, warnings);
        }
        SideSheet.Columns<Column> columns = SideSheet.Columns.of(sheet.rows().get(headerIndex), Column::match);
        sheet.truncation().ifPresent(warnings::add);
        List<CharacterAnchor> characters = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        Map<String, String> owner = new HashMap<>();
        for (SideSheet.SheetRow row : sheet.below(headerIndex)) {
            String who = columns.text(row, Column.NAME);
            String description = columns.text(row, Column.DESCRIPTION);
            String image = columns.text(row, Column.REFERENCE_IMAGE);
            String aliasCell = columns.text(row, Column.ALIASES);
            if (who.isBlank() && description.isBlank() && image.isBlank() && aliasCell.isBlank()) {
                continue; // notes in other columns
            }
            if (who.isBlank()) {
                errors.add(issue(sheet, row, columns, Column.NAME, who, "Name is blank: give the character the name the "
                        + "shot list uses, e.g. Queen or Detective Reyes"));
                continue;
            }
            if (description.isBlank()) {
                errors.add(issue(sheet, row, columns, Column.DESCRIPTION, description, "Description of " + who.strip()
                        + " is blank: describe the character with 3-4 distinctive visual details, e.g. 'a woman in her "
                        + "sixties with a silver braided crown, a burgundy velvet gown and a jade ring'"));
                continue;
            }
            List<String> aliases = aliasList(aliasCell);
            boolean clash = false;
            List<String> terms = new ArrayList<>();
            terms.add(who);
            terms.addAll(aliases);
            for (String term : terms) {
                String key = key(term);
                Integer before = firstRow.get(key);
                if (before != null) {
                    boolean isName = term.equals(who);
                    errors.add(issue(sheet, row, columns, isName ? Column.NAME : Column.ALIASES, isName ? who : aliasCell,
                            "'" + term.strip() + "' already names " + owner.get(key) + " in row " + before
                                    + ": each name and alias may stand for one character only (rename one of them, or delete the repeated row)"));
                    clash = true;
                    break;
                }
            }
            if (clash) {
                continue;
            }
            CharacterAnchor c = new CharacterAnchor(who, description, image, aliases);
            for (String term : c.terms()) {
                firstRow.put(key(term), row.row());
                owner.put(key(term), c.name());
            }
            characters.add(c);
            if (c.detailCount() < CharacterAnchor.MIN_DETAILS) {
                warnings.add(issue(sheet, row, columns, Column.DESCRIPTION, description, c.name() + " is described with "
                        + c.detailCount() + " detail" + (c.detailCount() == 1 ? "" : "s") + ": give three to four distinctive "
                        + "visual details (e.g. 'a woman in her sixties with a silver braided crown, a burgundy velvet gown and a "
                        + "jade ring') so the character looks the same in every shot"));
            }
        }
        return new Result(name, CharacterBible.of(characters), errors, warnings);
    }

    /** "Detective, Reyes" → [Detective, Reyes]. */
    static List<String> aliasList(String cell) {
        List<String> out = new ArrayList<>();
        for (String part : cell.split("\\s*[,;\\n]\\s*")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static CellIssue issue(SideSheet.Found sheet, SideSheet.SheetRow row, SideSheet.Columns<Column> columns, Column c,
                                   String value, String message) {
        return sheet.issue(row.row(), columns.index(c), c.header(), value, message);
    }

    private static String key(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
