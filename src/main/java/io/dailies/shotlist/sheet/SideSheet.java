package io.dailies.shotlist.sheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A small project sheet next to 'Shots' (Characters, Style Spine, Settings), read whole: its non-blank rows
 * as text by column index. Such sheets hold a few dozen rows; reading stops at {@link #MAX_ROWS}. Also the
 * reading the three sheet readers share, so they forgive the producer in the same ways: sheet names and
 * headers matched ignoring case and punctuation ({@link #keys}, {@link #match}), a header row anywhere in
 * the first {@value #HEADER_SEARCH_ROWS} rows ({@link Found#headerIndex}), table columns by header
 * ({@link Columns}) and sheets of named fields in either layout ({@link #readFields}).
 */
final class SideSheet {

    /** Most rows read from a side sheet. */
    static final int MAX_ROWS = 1000;
    /** How far down a side sheet's header row may be. */
    static final int HEADER_SEARCH_ROWS = 10;

    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");

    /** One physical row: its 1-based Excel number and its non-blank cells by column index. */
    record SheetRow(int row, SortedMap<Integer, String> cells) {
    }

    /** A found sheet: its name as on the tab, its non-blank rows, and whether rows were left unread. */
    record Found(String name, List<SheetRow> rows, boolean truncated) {

        /** Index in {@link #rows()} of the first of the first {@value SideSheet#HEADER_SEARCH_ROWS} rows that is a header; -1 when none is. */
        int headerIndex(Predicate<SheetRow> isHeader) {
            for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
                if (isHeader.test(rows.get(i))) {
                    return i;
                }
            }
            return -1;
        }

        /** The rows after the one at {@code index}. */
        List<SheetRow> below(int index) {
            return rows.subList(index + 1, rows.size());
        }

        /** A problem in one cell of this sheet; {@code column} is a column index, null when not known. */
        CellIssue issue(int row, Integer column, String field, String value, String message) {
            return new CellIssue(name, row, column == null ? null : letter(column), field, value, message);
        }

        /** A problem with the sheet as a whole. */
        CellIssue issue(String message) {
            return CellIssue.workbook(name, message);
        }

        /** The warning that rows beyond {@link #MAX_ROWS} were not read, when they were not. */
        Optional<CellIssue> truncation() {
            return truncated ? Optional.of(issue("The " + name + " sheet has more than " + MAX_ROWS
                    + " rows; only the first " + MAX_ROWS + " were read")) : Optional.empty();
        }
    }

    /**
     * The columns a header row names, each at the first sheet column naming it.
     *
     * @param <C> what a column is, e.g. the Characters sheet's {@code Column}
     */
    static final class Columns<C> {
        private final Map<C, Integer> index;

        private Columns(Map<C, Integer> index) {
            this.index = index;
        }

        /** The columns {@code header} names; {@code match} gives the column a header cell names, or null. */
        static <C> Columns<C> of(SheetRow header, Function<String, C> match) {
            Map<C, Integer> index = new LinkedHashMap<>();
            header.cells().forEach((i, text) -> {
                C c = match.apply(text);
                if (c != null) {
                    index.putIfAbsent(c, i);
                }
            });
            return new Columns<>(index);
        }

        boolean has(C column) {
            return index.containsKey(column);
        }

        /** The column's index, null when the header does not name it. */
        Integer index(C column) {
            return index.get(column);
        }

        /** The row's text in the column, trimmed; "" when blank or when the sheet has no such column. */
        String text(SheetRow row, C column) {
            Integer i = index.get(column);
            return i == null ? "" : CellText.clean(row.cells().getOrDefault(i, ""));
        }
    }

    /** Where a field's value was found: its text ("" when blank), its 1-based row and its column index. */
    record FieldValue(String text, int row, int column) {
        String letter() {
            return SideSheet.letter(column);
        }
    }

    /**
     * The fields a sheet of named fields (Style Spine, Settings) knows.
     *
     * @param match    the field a name stands for, if any
     * @param label    how the template titles a field, for messages
     * @param all      every field, in the order messages list them
     * @param kind     what one field is called in messages, e.g. "style-spine field"
     * @param plural   the same in the plural, e.g. "fields"
     * @param moreRows what to add to "keep one" when the header layout has several rows of values; "" for nothing
     */
    record FieldNames<F>(Function<String, Optional<F>> match, Function<F, String> label, List<F> all, String kind,
                         String plural, String moreRows) {

        /** "Lens, Aperture, ... and Stability cues". */
        String list() {
            List<String> labels = all.stream().map(label).toList();
            return labels.size() == 1 ? labels.get(0)
                    : String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
        }

        String ignored(String name) {
            return "'" + name + "' is not a " + kind + " and is ignored; the " + plural + " are " + list();
        }
    }

    /**
     * Reads a sheet of named fields in either layout: <b>key / value</b> (a field's name in one column, its
     * value in the column to its right; rows above the first field, such as a title or a "Field | Value"
     * header, are skipped and further columns are free for notes) or <b>header + values</b> (a header row
     * naming at least two fields in the first {@value SideSheet#HEADER_SEARCH_ROWS} rows, one row of values below it).
     * A name that is no field is a warning; a field given twice, or several rows of values, an error.
     *
     * @return each field given, in sheet order; the first one wins when a field is given twice
     */
    static <F> Map<F, FieldValue> readFields(Found sheet, FieldNames<F> names, List<CellIssue> errors,
                                             List<CellIssue> warnings) {
        Map<F, FieldValue> values = new LinkedHashMap<>();
        int headerIndex = sheet.headerIndex(row -> row.cells().values().stream()
                .map(names.match()).flatMap(Optional::stream).distinct().count() >= 2);
        if (headerIndex >= 0) {
            readHeaderLayout(sheet, headerIndex, names, values, errors, warnings);
        } else {
            readKeyValueLayout(sheet, names, values, errors, warnings);
        }
        return values;
    }

    private static <F> void readHeaderLayout(Found sheet, int headerIndex, FieldNames<F> names, Map<F, FieldValue> values,
                                             List<CellIssue> errors, List<CellIssue> warnings) {
        SheetRow header = sheet.rows().get(headerIndex);
        Map<Integer, F> columns = new TreeMap<>();
        header.cells().forEach((index, text) -> {
            Optional<F> f = names.match().apply(text);
            if (f.isEmpty()) {
                warnings.add(sheet.issue(header.row(), index, null, text, names.ignored(text)));
            } else if (columns.containsValue(f.get())) {
                String label = names.label().apply(f.get());
                errors.add(sheet.issue(header.row(), index, label, text, label + " has two columns: keep one"));
            } else {
                columns.put(index, f.get());
            }
        });
        List<SheetRow> below = sheet.below(headerIndex);
        if (below.isEmpty()) {
            return;
        }
        SheetRow row = below.get(0);
        if (below.size() > 1) {
            errors.add(sheet.issue("The " + sheet.name() + " sheet has more than one row of values (rows " + row.row()
                    + " and " + below.get(1).row() + "): keep one" + names.moreRows()));
        }
        columns.forEach((index, field) -> values.put(field,
                new FieldValue(CellText.clean(row.cells().getOrDefault(index, "")), row.row(), index)));
    }

    private static <F> void readKeyValueLayout(Found sheet, FieldNames<F> names, Map<F, FieldValue> values,
                                               List<CellIssue> errors, List<CellIssue> warnings) {
        boolean seenField = false;
        for (SheetRow row : sheet.rows()) {
            int keyColumn = row.cells().firstKey();
            String key = row.cells().get(keyColumn);
            Optional<F> field = names.match().apply(key);
            if (field.isEmpty()) {
                // rows above the first field are a title or a "Field | Value" header
                if (seenField) {
                    warnings.add(sheet.issue(row.row(), keyColumn, null, key, names.ignored(key)));
                }
                continue;
            }
            seenField = true;
            String label = names.label().apply(field.get());
            FieldValue before = values.get(field.get());
            if (before != null) {
                errors.add(sheet.issue(row.row(), keyColumn, label, key,
                        label + " is given twice (rows " + before.row() + " and " + row.row() + "): keep one"));
                continue;
            }
            values.put(field.get(), new FieldValue(CellText.clean(row.cells().getOrDefault(keyColumn + 1, "")),
                    row.row(), keyColumn + 1));
        }
    }

    private SideSheet() {
    }

    /** Reads one side sheet of an .xlsx workbook with {@code reader}, closing the workbook afterwards. */
    static <R> R read(Path xlsx, Function<Sheets, R> reader) throws IOException, ShotSheetFormatException {
        try (XlsxSheets workbook = SafeWorkbook.forReading(xlsx)) {
            return reader.apply(new Sheets(workbook, Set.of()));
        }
    }

    /**
     * The sheets of a workbook that may be side sheets: every sheet but the shot list's (named, or looking like one
     * by its header) and Dailies' own. Each is read at most once, its first {@value ShotSheetReader#HEADER_SEARCH_ROWS}
     * rows to recognise it, the rest (up to {@link #MAX_ROWS}) once it is taken; each is taken by one reader only.
     */
    static final class Sheets {
        private final List<String> sheetNames;
        private final XlsxSheets workbook;
        private final Set<Integer> skip = new HashSet<>();
        private final Set<Integer> taken = new HashSet<>();
        private final Map<Integer, Reading> readings = new HashMap<>();

        /** A sheet being read: its rows so far and where to read on from. */
        private static final class Reading {
            final String name;
            final ShotSheetReader.RowSource rows;
            final List<SheetRow> read = new ArrayList<>();
            boolean ended;
            boolean truncated;

            Reading(String name, ShotSheetReader.RowSource rows) {
                this.name = name;
                this.rows = rows;
            }
        }

        Sheets(XlsxSheets workbook, Collection<String> shotSheets) {
            this.workbook = workbook;
            this.sheetNames = workbook.sheetNames();
            for (int i = 0; i < sheetNames.size(); i++) {
                String name = sheetNames.get(i);
                if (shotSheets.contains(name) || name.equals(DailiesColumns.SUMMARY_SHEET) || name.equals(AnnotatedWorkbook.ISSUES_SHEET)) {
                    skip.add(i);
                }
            }
        }

        /** The first free sheet whose name is one of {@code names} (ignoring case, spaces and punctuation), taken; null when none. */
        Found byName(List<String> names) {
            for (String want : names.stream().map(SideSheet::squash).toList()) {
                for (int i = 0; i < sheetNames.size(); i++) {
                    if (!skip.contains(i) && !taken.contains(i) && squash(sheetNames.get(i)).equals(want)) {
                        taken.add(i);
                        return whole(i);
                    }
                }
            }
            return null;
        }

        /**
         * The first free sheet, in workbook order, that is not a shot list and whose first rows {@code looksLike}
         * accepts, taken; null when none.
         */
        Found byContent(Predicate<Found> looksLike) {
            for (int i = 0; i < sheetNames.size(); i++) {
                if (skip.contains(i) || taken.contains(i)) {
                    continue;
                }
                Found head = head(i);
                if (looksLikeShotList(head)) {
                    skip.add(i);
                } else if (looksLike.test(head)) {
                    taken.add(i);
                    return whole(i);
                }
            }
            return null;
        }

        private static boolean looksLikeShotList(Found head) {
            for (SheetRow row : head.rows()) {
                if (HeaderRow.recognised(row.cells()) >= ShotSheetReader.MIN_HEADER_SCORE) {
                    HeaderRow header = HeaderRow.of(row.row(), row.cells()).onSheet(head.name());
                    if (header.missingRequired().isEmpty()) {
                        return true;
                    }
                }
            }
            return false;
        }

        private Found head(int index) {
            Reading r = reading(index);
            readOn(r, ShotSheetReader.HEADER_SEARCH_ROWS);
            return new Found(r.name, List.copyOf(r.read), !r.ended);
        }

        private Found whole(int index) {
            Reading r = reading(index);
            readOn(r, MAX_ROWS);
            return new Found(r.name, List.copyOf(r.read), r.truncated);
        }

        private Reading reading(int index) {
            return readings.computeIfAbsent(index, i -> new Reading(sheetNames.get(i), workbook.rows(i)));
        }

        private static void readOn(Reading r, int upTo) {
            while (r.read.size() < upTo && !r.ended) {
                ShotSheetReader.SheetRow row = r.rows.next(0);
                if (row == null) {
                    r.ended = true;
                } else if (!row.cells().isEmpty()) {
                    r.read.add(new SheetRow(row.row(), row.cells()));
                }
            }
            if (upTo >= MAX_ROWS && r.read.size() >= MAX_ROWS && !r.ended) {
                // one more non-blank row means there were more than MAX_ROWS
                ShotSheetReader.SheetRow more;
                do {
                    more = r.rows.next(0);
                } while (more != null && more.cells().isEmpty());
                r.truncated = more != null;
                r.ended = true;
            }
        }
    }

    /** The warning for a sheet of named fields where none was found: what was not read, what happened, how to fix it. */
    static <F> String notRead(Found sheet, FieldNames<F> names, String consequence) {
        return "The " + sheet.name() + " sheet was not read: none of its rows names a " + names.kind() + " ("
                + names.list() + "), so " + consequence + ". To use it, put each field's name in a column with its value "
                + "to the right, or the names in a header row with one row of values below";
    }

    /**
     * How many distinct fields a sheet's first rows name, in either layout of {@link #readFields}: the most in one
     * row's cells, or the first cells of its rows. A Style Spine or Settings sheet under another name names two or more.
     */
    static <F> int fieldsNamed(Found head, FieldNames<F> names) {
        int best = 0;
        Set<F> keys = new HashSet<>();
        for (SheetRow row : head.rows()) {
            best = Math.max(best, (int) row.cells().values().stream().map(names.match()).flatMap(Optional::stream).distinct().count());
            names.match().apply(row.cells().get(row.cells().firstKey())).ifPresent(keys::add);
        }
        return Math.max(best, keys.size());
    }

    /** "Style Spine", "style-spine" and " STYLESPINE " are the same name. */
    static String squash(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** A header cell's key, ignoring case and punctuation; a parenthesised hint may be left out. */
    static List<String> headerKeys(String header) {
        List<String> keys = new ArrayList<>();
        keys.add(squash(header));
        String bare = squash(PARENTHESES.matcher(header).replaceAll(" "));
        if (!keys.contains(bare)) {
            keys.add(bare);
        }
        return keys;
    }

    /** The keys a header (or sheet name) and its aliases are matched by. */
    static List<String> keys(String header, String... aliases) {
        List<String> keys = new ArrayList<>();
        keys.add(squash(header));
        for (String a : aliases) {
            keys.add(squash(a));
        }
        return List.copyOf(keys);
    }

    /**
     * The first candidate one of whose keys is the text's key: the text as written first, then without a
     * parenthesised hint ("Description (3-4 details)"); null when none.
     */
    static <T> T match(String text, Collection<T> candidates, Function<T, List<String>> keys) {
        if (text == null) {
            return null;
        }
        for (String key : headerKeys(text)) {
            if (key.isEmpty()) {
                continue;
            }
            for (T c : candidates) {
                if (keys.apply(c).contains(key)) {
                    return c;
                }
            }
        }
        return null;
    }

    static String letter(int index) {
        return HeaderRow.letter(index);
    }
}
