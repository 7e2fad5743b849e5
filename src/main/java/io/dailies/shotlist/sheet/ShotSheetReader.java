package io.dailies.shotlist.sheet;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Reads the shot list of an .xlsx workbook row by row, streaming, so a 100,000-row sheet needs only a window of
 * rows in memory. Opening finds the shot list by its header row, on whatever sheet it is (see {@link #open(Path,
 * List)}), and the columns; iterating gives each non-blank data row as the producer typed it. Nothing is judged
 * here beyond the workbook's shape: rows are checked by {@link ShotRowValidator}.
 *
 * <p>Not thread-safe; close it to release the temporary files of the streaming reader.
 */
public final class ShotSheetReader implements AutoCloseable, Iterator<RawShotRow> {

    /** The template's name for the shot-list sheet; a shot list may sit on any sheet. */
    public static final String SHEET_NAME = "Shots";
    /** How far down the header row may be. */
    public static final int HEADER_SEARCH_ROWS = 30;
    /** Fewest shot columns a header row names. */
    static final int MIN_HEADER_SCORE = 2;

    /** The workbook or the CSV file's reader. */
    private final AutoCloseable source;
    /** The sheets of the shot list, in workbook order; one for most workbooks. */
    private final List<Part> parts;
    /** What the search found, in words, for the import's status. */
    private final String found;

    private int part;
    private RawShotRow next;
    private int nextPart;
    private Position lastReturned;

    /** One physical row's non-empty cells by column index, already as text; row is 1-based. */
    record SheetRow(int row, SortedMap<Integer, String> cells, Map<Integer, String> problems) {
        SheetRow(int row, SortedMap<Integer, String> cells) {
            this(row, cells, Map.of());
        }
    }

    /** The rows of a sheet or a CSV file, in order. */
    interface RowSource {
        /** The next row whose number is at least {@code fromRow}, rows before it passed over unconverted; null at the end. */
        SheetRow next(int fromRow);
    }

    /**
     * Where a reader is: the sheet (its index among the shot list's sheets, 0 for a single sheet) and the 1-based
     * Excel row. A load step checkpoints it.
     */
    public record Position(int sheet, int row) implements Serializable {
    }

    /** One sheet of the shot list: its header, its rows after the header, the rows read while looking for it. */
    private record Part(String name, HeaderRow header, RowSource rows, Deque<SheetRow> pending, boolean tagged) {
    }

    /** A sheet's first rows and its best header among them, while looking for the shot list. */
    private record Candidate(int index, String name, RowSource rows, List<SheetRow> head, SheetRow beyond, int best,
                             HeaderRow header) {
        int score() {
            return header == null ? 0 : header.score();
        }

        boolean complete() {
            return header != null && header.score() >= MIN_HEADER_SCORE && header.missingRequired().isEmpty();
        }

        Part part(boolean tagged) {
            Deque<SheetRow> pending = new ArrayDeque<>(head.subList(best + 1, head.size()));
            if (beyond != null) {
                pending.add(beyond);
            }
            return new Part(name, header, rows, pending, tagged);
        }

        String describe() {
            return "'" + name + "' (header in row " + header.row() + ", " + header.score() + " shot columns"
                    + (header.sequenceFromSheet() ? ", no Sequence column" : "") + ")";
        }
    }

    private ShotSheetReader(AutoCloseable source, List<Part> parts, String found) {
        this.source = source;
        this.parts = parts;
        this.found = found;
        this.lastReturned = new Position(0, parts.get(0).header().row());
    }

    /**
     * Opens a shot list: an .xlsx workbook, or a CSV file (UTF-8 text, see {@link CsvShotReader}),
     * told apart by content, not by extension; Dailies finds the sheet (see {@link #open(Path, List)}).
     *
     * @throws ShotSheetFormatException when the file is neither a readable .xlsx nor CSV text, has no
     *                                  sheet with a shot-list header in its first 30 rows, lacks a required
     *                                  column, or has two sheets that are shot lists equally well
     */
    public static ShotSheetReader open(Path xlsx) throws ShotSheetFormatException, IOException {
        return open(xlsx, List.of());
    }

    /**
     * Opens the shot list on the sheets named (matched exactly, else ignoring case and spaces), or, with none named,
     * finds it: every sheet's first {@value #HEADER_SEARCH_ROWS} rows are searched for the row naming the most shot
     * columns, and the sheet with the best such header that has the required columns is the shot list. Sheets whose
     * headers have no Sequence column take their name as the sequence; when several such sheets qualify and none
     * has a Sequence column, the workbook has a sheet per sequence and all of them are read, in workbook order. Two
     * sheets that qualify equally well otherwise are a question for the producer, not a guess: the exception asks
     * which one, and the upload's {@code sheet} parameter answers it.
     */
    public static ShotSheetReader open(Path xlsx, List<String> sheets) throws ShotSheetFormatException, IOException {
        if (WorkbookFileCheck.isCsvText(xlsx)) {
            return CsvShotReader.open(xlsx);
        }
        XlsxSheets workbook = SafeWorkbook.forReading(xlsx);
        try {
            return open(workbook, sheets);
        } catch (ShotSheetFormatException e) {
            closeQuietly(workbook, e);
            throw e;
        } catch (RuntimeException e) {
            // The library's own guards (e.g. POI's zip-bomb ratio) or a broken part: the producer's file, not our bug.
            closeQuietly(workbook, e);
            throw SafeWorkbook.unreadable(e);
        }
    }

    private static ShotSheetReader open(XlsxSheets workbook, List<String> chosen) throws ShotSheetFormatException {
        List<String> names = workbook.sheetNames();
        if (names.isEmpty()) {
            throw new ShotSheetFormatException(CellIssue.workbook(null, "The workbook has no sheets: put the shot list "
                    + "on a sheet with a header row such as Sequence, Shot, Subject & Action, Camera & Movement"));
        }
        List<Integer> indexes = new ArrayList<>();
        if (chosen.isEmpty()) {
            for (int i = 0; i < names.size(); i++) {
                // Dailies' own summary sheet of a written-back workbook is never the shot list.
                if (!names.get(i).equals(DailiesColumns.SUMMARY_SHEET)) {
                    indexes.add(i);
                }
            }
        } else {
            for (String want : chosen) {
                int i = indexOf(names, want);
                if (i < 0) {
                    throw new ShotSheetFormatException(CellIssue.workbook(null, "The workbook has no sheet named '" + want
                            + "' (asked for with the upload); its sheets are " + quotedList(names)));
                }
                if (!indexes.contains(i)) {
                    indexes.add(i);
                }
            }
            indexes.sort(null);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i : indexes) {
            candidates.add(candidate(i, names.get(i), workbook.rows(i)));
        }
        List<Candidate> picked = chosen.isEmpty() ? pick(candidates, names) : requireComplete(candidates);
        List<Part> parts = new ArrayList<>();
        for (Candidate c : picked) {
            parts.add(c.part(picked.size() > 1));
        }
        String found = (picked.size() == 1 ? "sheet " : "sheets ")
                + picked.stream().map(Candidate::describe).collect(Collectors.joining(", "))
                + (picked.stream().anyMatch(c -> c.header().sequenceFromSheet()) ? "; the sheet's name is the sequence" : "")
                + (chosen.isEmpty() ? "" : "; named with the upload");
        return new ShotSheetReader(workbook, parts, found);
    }

    /** The shot list among the candidates, or the question to ask (see {@link #open(Path, List)}). */
    private static List<Candidate> pick(List<Candidate> candidates, List<String> names) throws ShotSheetFormatException {
        List<Candidate> complete = candidates.stream().filter(Candidate::complete).toList();
        if (complete.isEmpty()) {
            Candidate best = candidates.stream().filter(c -> c.score() >= MIN_HEADER_SCORE)
                    .max(Comparator.comparingInt(Candidate::score)).orElse(null);
            if (best == null) {
                throw new ShotSheetFormatException(CellIssue.workbook(names.size() == 1 ? names.get(0) : null,
                        "No shot list found: " + (names.size() == 1 ? "the sheet has no" : "none of the sheets (" + quotedList(names) + ") has a")
                                + " header row in its first " + HEADER_SEARCH_ROWS + " rows; put a row of column headers "
                                + "such as Sequence, Shot, Subject & Action, Camera & Movement above the shots"));
            }
            throw missingColumns(best);
        }
        if (complete.size() > 1 && complete.stream().noneMatch(c -> c.header().has(ShotColumn.SEQUENCE))) {
            return complete; // a sheet per sequence
        }
        int top = complete.stream().mapToInt(Candidate::score).max().orElseThrow();
        List<Candidate> tied = complete.stream().filter(c -> c.score() == top).toList();
        if (tied.size() > 1) {
            throw new ShotSheetFormatException(CellIssue.workbook(null, "Which sheet is the shot list? "
                    + tied.stream().map(Candidate::describe).collect(Collectors.joining(" and "))
                    + " look like one equally well. Upload it again naming the sheet to read (the 'sheet' field, e.g. sheet="
                    + tied.get(0).name() + "; name several to read them all), or delete or rename the other one"));
        }
        return tied;
    }

    /** The sheets the producer named: each must have a shot-list header with the required columns. */
    private static List<Candidate> requireComplete(List<Candidate> named) throws ShotSheetFormatException {
        for (Candidate c : named) {
            if (c.score() < MIN_HEADER_SCORE) {
                throw noHeader(c.name());
            }
            if (!c.complete()) {
                throw missingColumns(c);
            }
        }
        return named;
    }

    private static ShotSheetFormatException noHeader(String sheet) {
        return new ShotSheetFormatException(CellIssue.workbook(sheet, "No header row found in the first "
                + HEADER_SEARCH_ROWS + " rows of sheet '" + sheet + "': put a row of column headers such as "
                + "Sequence, Shot, Subject & Action, Camera & Movement above the shots"));
    }

    private static ShotSheetFormatException missingColumns(Candidate c) {
        return new ShotSheetFormatException(c.header().missingRequired().stream()
                .map(col -> new CellIssue(c.name(), 0, null, col.header(), null, "Missing required column '" + col.header()
                        + "' (also accepted: " + String.join(", ", col.aliases()) + ") in the header row (row "
                        + c.header().row() + ")"))
                .toList());
    }

    /** Reads a sheet's first rows and finds its best header among them. */
    private static Candidate candidate(int index, String name, RowSource rows) {
        // Read the first rows once, keep them: the ones below the header are data.
        List<SheetRow> head = new ArrayList<>();
        SheetRow beyond = null;
        for (SheetRow r = rows.next(0); r != null; r = rows.next(0)) {
            if (r.row() > HEADER_SEARCH_ROWS) {
                beyond = r;
                break;
            }
            head.add(r);
        }
        int best = -1;
        int bestScore = 0;
        for (int i = 0; i < head.size(); i++) {
            int score = HeaderRow.recognised(head.get(i).cells());
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        HeaderRow header = best < 0 ? null : HeaderRow.of(head.get(best).row(), head.get(best).cells()).onSheet(name);
        return new Candidate(index, name, rows, head, beyond, best, header);
    }

    /**
     * Finds the header among the first rows of a sheet (or a CSV file) and returns a reader over the
     * rows after it; closes nothing on failure.
     */
    static ShotSheetReader open(AutoCloseable source, String name, RowSource rows)
            throws ShotSheetFormatException {
        Candidate c = candidate(0, name, rows);
        if (c.score() < MIN_HEADER_SCORE) {
            throw noHeader(name);
        }
        // A CSV file has no sheet name to stand for a missing Sequence column.
        HeaderRow header = HeaderRow.of(c.header().row(), c.head().get(c.best()).cells());
        Candidate plain = new Candidate(0, name, rows, c.head(), c.beyond(), c.best(), header);
        if (!plain.complete()) {
            throw missingColumns(plain);
        }
        return new ShotSheetReader(source, List.of(plain.part(false)), "sheet " + plain.describe());
    }

    private static int indexOf(List<String> names, String want) {
        int exact = names.indexOf(want);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < names.size(); i++) {
            if (squash(names.get(i)).equals(squash(want))) {
                return i;
            }
        }
        return -1;
    }

    private static String quotedList(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** The sheets the shot list is read from, in workbook order. */
    public List<String> sheetNames() {
        return parts.stream().map(Part::name).toList();
    }

    /** Where the shot list was found, in words: "sheet 'EP02' (header in row 3, 9 shot columns)". */
    public String found() {
        return found;
    }

    /** The first sheet's name as on its tab. */
    public String sheetName() {
        return parts.get(0).name();
    }

    /** 1-based Excel row of the first sheet's header. */
    public int headerRow() {
        return parts.get(0).header().row();
    }

    /** Excel letter of each recognised column of the first sheet; for a column split over several, the first. */
    public Map<ShotColumn, String> columnLetters() {
        return parts.get(0).header().letters();
    }

    /** Headers of the first sheet's columns Dailies does not know, in sheet order: the keys of {@link RawShotRow#extras()}. */
    public List<String> extraHeaders() {
        return parts.get(0).header().extraHeaders();
    }

    /** Excel letter of each headed unknown column, by its key in {@link RawShotRow#extras()}, in sheet order. */
    public Map<String, String> extraColumnLetters() {
        return parts.get(0).header().extraLetters();
    }

    /** Sheets, header rows and column letters, for the validator (see {@link ShotRowValidator}). */
    public SheetLayout layout() {
        Map<String, SheetLayout> others = new LinkedHashMap<>();
        for (Part p : parts.subList(1, parts.size())) {
            others.put(p.name(), layout(p, Map.of()));
        }
        return layout(parts.get(0), others);
    }

    private static SheetLayout layout(Part p, Map<String, SheetLayout> others) {
        return new SheetLayout(p.name(), p.header().row(), p.header().letters(), p.header().extraLetters(),
                p.header().sequenceFromSheet(), others);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance(0);
        }
        return next != null;
    }

    @Override
    public RawShotRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more shot rows in " + String.join(", ", sheetNames()));
        }
        RawShotRow r = next;
        next = null;
        lastReturned = new Position(nextPart, r.row());
        return r;
    }

    /** Where the row last returned is (before any: the first sheet's header). */
    public Position position() {
        return lastReturned;
    }

    /** {@link #skipTo(Position)} on the first sheet. */
    public void skipTo(int row) {
        skipTo(new Position(0, row));
    }

    /**
     * Restarts from a checkpoint: the next row returned is the first non-blank data row at or after
     * {@code at} (a sheet of the shot list and an Excel row on it). Rows before it are passed over without
     * being converted.
     *
     * @throws IllegalStateException when a row at or after {@code at} was already returned: the
     *                               reader only goes forward
     */
    public void skipTo(Position at) {
        boolean started = lastReturned.sheet() > 0 || lastReturned.row() > parts.get(0).header().row();
        if (started && compare(at, lastReturned) <= 0) {
            throw new IllegalStateException("cannot go back to row " + at.row() + " of sheet '" + name(at.sheet())
                    + "': row " + lastReturned.row() + " of '" + name(lastReturned.sheet()) + "' was already read; "
                    + "open the workbook again");
        }
        if (next != null && compare(new Position(nextPart, next.row()), at) < 0) {
            next = null;
        }
        if (next == null) {
            while (part < at.sheet() && part < parts.size()) {
                part++;
            }
            next = advance(at.row());
        }
    }

    private String name(int sheet) {
        return sheet < parts.size() ? parts.get(sheet).name() : "#" + sheet;
    }

    private static int compare(Position a, Position b) {
        return a.sheet() != b.sheet() ? Integer.compare(a.sheet(), b.sheet()) : Integer.compare(a.row(), b.row());
    }

    /**
     * The next non-blank data row at or after {@code fromRow} of the current sheet (then the next sheets, from
     * their first data row), or null at the end of the last sheet.
     */
    private RawShotRow advance(int fromRow) {
        while (part < parts.size()) {
            Part p = parts.get(part);
            SheetRow r = p.pending().poll();
            if (r == null) {
                r = p.rows().next(fromRow);
                if (r == null) {
                    part++;
                    fromRow = 0;
                    continue;
                }
            }
            if (r.row() < fromRow || (r.cells().isEmpty() && r.problems().isEmpty())) {
                continue;
            }
            RawShotRow raw = p.header().toRow(r.row(), r.cells(), r.problems(), p.tagged() ? p.name() : null);
            if (!raw.isBlank()) {
                nextPart = part;
                return raw;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        try {
            source.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable workbook, Exception primary) {
        try {
            workbook.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "ShotSheetReader[" + found + ", columns "
                + columnLetters().entrySet().stream().map(e -> e.getValue() + "=" + e.getKey().header())
                .collect(Collectors.joining(", ")) + "]";
    }
}
