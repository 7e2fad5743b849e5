package io.dailies.shotlist.sheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Reads the 'Shots' sheet of an .xlsx shot list row by row, streaming, so a 100,000-row sheet needs
 * only a window of rows in memory. Opening finds the sheet, the header row (title rows above it are
 * common) and the columns; iterating gives each non-blank data row as the producer typed it. Nothing
 * is judged here beyond the workbook's shape: rows are checked by {@link ShotRowValidator}.
 *
 * <p>Not thread-safe; close it to release the temporary files of the streaming reader.
 */
public final class ShotSheetReader implements AutoCloseable, Iterator<RawShotRow> {

    /** The sheet a shot list lives in; matched ignoring case and spaces. */
    public static final String SHEET_NAME = "Shots";
    /** How far down the header row may be. */
    public static final int HEADER_SEARCH_ROWS = 30;

    /** The workbook or the CSV file's reader. */
    private final AutoCloseable source;
    private final String sheetName;
    private final HeaderRow header;
    private final RowSource rows;
    /** Rows read while looking for the header that turned out to be data. */
    private final Deque<SheetRow> pending;

    private RawShotRow next;
    private int lastReturnedRow;

    /** One physical row's non-empty cells by column index, already as text; row is 1-based. */
    record SheetRow(int row, SortedMap<Integer, String> cells) {
    }

    /** The rows of a sheet or a CSV file, in order. */
    interface RowSource {
        /** The next row whose number is at least {@code fromRow}, rows before it passed over unconverted; null at the end. */
        SheetRow next(int fromRow);
    }

    private ShotSheetReader(AutoCloseable source, String sheetName, HeaderRow header, RowSource rows,
                            Deque<SheetRow> pending) {
        this.source = source;
        this.sheetName = sheetName;
        this.header = header;
        this.rows = rows;
        this.pending = pending;
        this.lastReturnedRow = header.row();
    }

    /**
     * Opens a shot list: an .xlsx workbook, or a CSV file (UTF-8 text, see {@link CsvShotReader}),
     * told apart by content, not by extension.
     *
     * @throws ShotSheetFormatException when the file is neither a readable .xlsx nor CSV text, has no
     *                                  'Shots' sheet, no header row in its first 30 rows or lacks a
     *                                  required column
     */
    public static ShotSheetReader open(Path xlsx) throws ShotSheetFormatException, IOException {
        if (WorkbookFileCheck.isCsvText(xlsx)) {
            return CsvShotReader.open(xlsx);
        }
        Workbook workbook = SafeWorkbook.streaming(xlsx);
        try {
            return open(workbook);
        } catch (ShotSheetFormatException e) {
            closeQuietly(workbook, e);
            throw e;
        } catch (RuntimeException e) {
            // The library's own guards (e.g. POI's zip-bomb ratio) or a broken part: the producer's file, not our bug.
            closeQuietly(workbook, e);
            throw new ShotSheetFormatException(List.of(CellIssue.workbook(null,
                    "The file could not be read as an .xlsx workbook (" + reason(e) + "): " + WorkbookFileCheck.SAVE_AS_XLSX)), e);
        }
    }

    private static ShotSheetReader open(Workbook workbook) throws ShotSheetFormatException {
        Sheet sheet = shotsSheet(workbook);
        CellText text = new CellText();
        Iterator<Row> sheetRows = sheet.rowIterator();
        RowSource rows = fromRow -> {
            while (sheetRows.hasNext()) {
                Row row = sheetRows.next();
                if (row.getRowNum() + 1 >= fromRow) {
                    return read(row, text);
                }
            }
            return null;
        };
        return open(workbook, sheet.getSheetName(), rows);
    }

    /**
     * Finds the header among the first rows of a sheet (or a CSV file) and returns a reader over the
     * rows after it; closes nothing on failure.
     */
    static ShotSheetReader open(AutoCloseable source, String name, RowSource rows)
            throws ShotSheetFormatException {
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
        if (bestScore < 2) {
            throw new ShotSheetFormatException(CellIssue.workbook(name, "No header row found in the first "
                    + HEADER_SEARCH_ROWS + " rows of sheet '" + name + "': put a row of column headers such as "
                    + "Sequence, Shot, Subject & Action, Camera & Movement above the shots"));
        }
        HeaderRow header = HeaderRow.of(head.get(best).row(), head.get(best).cells());
        List<CellIssue> missing = header.missingRequired().stream()
                .map(c -> new CellIssue(name, 0, null, c.header(), null, "Missing required column '" + c.header()
                        + "' (also accepted: " + String.join(", ", c.aliases()) + ") in the header row (row "
                        + header.row() + ")"))
                .toList();
        if (!missing.isEmpty()) {
            throw new ShotSheetFormatException(missing);
        }
        Deque<SheetRow> pending = new ArrayDeque<>(head.subList(best + 1, head.size()));
        if (beyond != null) {
            pending.add(beyond);
        }
        return new ShotSheetReader(source, name, header, rows, pending);
    }

    private static Sheet shotsSheet(Workbook workbook) throws ShotSheetFormatException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            String n = workbook.getSheetName(i);
            if (squash(n).equals(squash(SHEET_NAME))) {
                return workbook.getSheetAt(i);
            }
            names.add("'" + n + "'");
        }
        throw new ShotSheetFormatException(CellIssue.workbook(null, names.isEmpty()
                ? "The workbook has no sheets: put the shot list on a sheet named '" + SHEET_NAME + "'"
                : "No sheet named '" + SHEET_NAME + "' in the workbook; sheets found: " + String.join(", ", names)
                        + ". Rename the sheet that holds the shot list to '" + SHEET_NAME + "'"));
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static SheetRow read(Row row, CellText text) {
        SortedMap<Integer, String> cells = new TreeMap<>();
        for (Cell cell : row) {
            String s = text.of(cell);
            if (!s.isEmpty()) {
                cells.put(cell.getColumnIndex(), s);
            }
        }
        return new SheetRow(row.getRowNum() + 1, cells);
    }

    /** The sheet's name as on its tab. */
    public String sheetName() {
        return sheetName;
    }

    /** 1-based Excel row of the header. */
    public int headerRow() {
        return header.row();
    }

    /** Excel letter of each recognised column; for a column split over several, the first. */
    public Map<ShotColumn, String> columnLetters() {
        return header.letters();
    }

    /** Headers of the columns Dailies does not know, in sheet order: the keys of {@link RawShotRow#extras()}. */
    public List<String> extraHeaders() {
        return header.extraHeaders();
    }

    /** Excel letter of each headed unknown column, by its key in {@link RawShotRow#extras()}, in sheet order. */
    public Map<String, String> extraColumnLetters() {
        return header.extraLetters();
    }

    /** Sheet, header row and column letters, for the validator (see {@link ShotRowValidator}). */
    public SheetLayout layout() {
        return new SheetLayout(sheetName, header.row(), header.letters(), header.extraLetters());
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
            throw new NoSuchElementException("no more shot rows in sheet '" + sheetName + "'");
        }
        RawShotRow r = next;
        next = null;
        lastReturnedRow = r.row();
        return r;
    }

    /**
     * Restarts from a checkpoint: the next row returned is the first non-blank data row at or after
     * Excel row {@code row}. Rows before it are passed over without being converted.
     *
     * @throws IllegalStateException when a row at or after {@code row} was already returned: the
     *                               reader only goes forward
     */
    public void skipTo(int row) {
        if (row <= lastReturnedRow && lastReturnedRow > header.row()) {
            throw new IllegalStateException("cannot go back to row " + row + ": row " + lastReturnedRow
                    + " was already read; open the workbook again");
        }
        if (next != null && next.row() < row) {
            next = null;
        }
        if (next == null) {
            next = advance(row);
        }
    }

    /** The next non-blank data row at or after {@code fromRow}, or null at the end of the sheet. */
    private RawShotRow advance(int fromRow) {
        while (true) {
            SheetRow r = pending.poll();
            if (r == null) {
                r = rows.next(fromRow);
                if (r == null) {
                    return null;
                }
            }
            if (r.row() < fromRow || r.cells().isEmpty()) {
                continue;
            }
            RawShotRow raw = header.toRow(r.row(), r.cells());
            if (!raw.isBlank()) {
                return raw;
            }
        }
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

    private static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null && e.getCause() != null) {
            m = e.getCause().getMessage();
        }
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static void closeQuietly(Workbook workbook, Exception primary) {
        try {
            workbook.close();
        } catch (IOException | RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "ShotSheetReader[" + sheetName + ", header row " + header.row() + ", columns "
                + columnLetters().entrySet().stream().map(e -> e.getValue() + "=" + e.getKey().header())
                .collect(Collectors.joining(", ")) + "]";
    }
}
