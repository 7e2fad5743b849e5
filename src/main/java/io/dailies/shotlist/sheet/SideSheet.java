package io.dailies.shotlist.sheet;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A small project sheet next to 'Shots' (Characters, Style Spine), read whole: its non-blank rows as text
 * by column index. Such sheets hold a few dozen rows; reading stops at {@link #MAX_ROWS}.
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
    }

    private SideSheet() {
    }

    /** Opens a workbook for side-sheet reading (streaming, so a huge Shots sheet is not loaded). */
    static Workbook open(Path xlsx) throws IOException, ShotSheetFormatException {
        WorkbookFileCheck.requireXlsx(xlsx);
        try {
            return StreamingReader.builder().rowCacheSize(100).bufferSize(4096).open(xlsx.toFile());
        } catch (RuntimeException e) {
            throw new ShotSheetFormatException(List.of(CellIssue.workbook(null,
                    "The file could not be read as an .xlsx workbook: " + WorkbookFileCheck.SAVE_AS_XLSX)), e);
        }
    }

    /** The first sheet whose name is one of {@code names} (ignoring case, spaces and punctuation); null when none. */
    static Found find(Workbook workbook, List<String> names) {
        List<String> wanted = names.stream().map(SideSheet::squash).toList();
        for (String want : wanted) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                if (squash(workbook.getSheetName(i)).equals(want)) {
                    return read(workbook.getSheetAt(i));
                }
            }
        }
        return null;
    }

    private static Found read(Sheet sheet) {
        CellText text = new CellText();
        List<SheetRow> rows = new ArrayList<>();
        boolean truncated = false;
        Iterator<Row> it = sheet.rowIterator();
        while (it.hasNext()) {
            Row row = it.next();
            SortedMap<Integer, String> cells = new TreeMap<>();
            for (Cell cell : row) {
                String s = text.of(cell);
                if (!s.isEmpty()) {
                    cells.put(cell.getColumnIndex(), s);
                }
            }
            if (cells.isEmpty()) {
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                truncated = true;
                break;
            }
            rows.add(new SheetRow(row.getRowNum() + 1, cells));
        }
        return new Found(sheet.getSheetName(), rows, truncated);
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

    static String letter(int index) {
        return HeaderRow.letter(index);
    }
}
