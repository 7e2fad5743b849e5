package io.dailies.shotlist.sheet;

import io.dailies.platform.workbook.WorkbookGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The producer's own workbook handed back with every problem marked where it is: each offending cell
 * is filled pink-red (its font, borders, number format and alignment kept) and carries a comment by
 * "Dailies" with the message. Problems that are not about one cell (no 'Shots' sheet, a missing
 * column, a row-level problem) are listed, together with all the others, on a new first sheet
 * {@value #ISSUES_SHEET}. Nothing else in the workbook changes. The upload guard looks at the file first, as for
 * the import; a big workbook is streamed (see {@link #STREAMED_MARKS}).
 */
public final class AnnotatedWorkbook {

    /** The sheet listing all issues, added in front when some issue is not about a single cell. */
    public static final String ISSUES_SHEET = "Dailies issues";
    /** Author of the cell comments. */
    public static final String AUTHOR = "Dailies";
    /** The fill of an offending cell: Excel's "Bad" pink. */
    static final byte[] FILL_RGB = {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE};

    private AnnotatedWorkbook() {
    }

    /**
     * In a workbook too big to load whole, at most this many cells are marked (red and commented); any issue past
     * them is listed on the {@value #ISSUES_SHEET} sheet. An import lists at most 1,000 issues anyway.
     */
    public static final int STREAMED_MARKS = 1_000;

    /**
     * A copy of the uploaded workbook with the issues marked. It goes through the upload guard first, like the
     * import ({@link SafeWorkbook#check}): a workbook the guard refuses is never opened. One whose parts inflate to at
     * most {@link SafeWorkbook#IN_MEMORY_BYTES} is loaded whole; a bigger one is streamed ({@link StreamedWorkbook}),
     * its cells copied as they are except the marked ones.
     *
     * @param uploadedXlsx the producer's .xlsx as uploaded
     * @param issues       the problems found, e.g. from {@link ShotSheetFormatException#issues()}
     * @return the annotated workbook, as .xlsx bytes
     * @throws ShotSheetFormatException when the guard refuses the workbook (the issue says why)
     * @throws IOException              when the file cannot be read as an .xlsx workbook
     */
    public static byte[] annotate(Path uploadedXlsx, List<CellIssue> issues) throws IOException, ShotSheetFormatException {
        return annotate(uploadedXlsx, issues, SafeWorkbook.IN_MEMORY_BYTES);
    }

    /** {@link #annotate(Path, List)}, streaming above {@code inMemoryBytes} of inflated parts. */
    static byte[] annotate(Path uploadedXlsx, List<CellIssue> issues, long inMemoryBytes) throws IOException, ShotSheetFormatException {
        WorkbookGuard.Inspection seen = SafeWorkbook.check(uploadedXlsx);
        if (seen.inflatedBytes() > inMemoryBytes) {
            return streamed(uploadedXlsx, issues);
        }
        try (XSSFWorkbook wb = SafeWorkbook.inMemoryUnchecked(uploadedXlsx)) {
            Map<Target, List<CellIssue>> byCell = new LinkedHashMap<>();
            boolean unpinned = false;
            for (CellIssue issue : issues) {
                Target t = target(wb, issue);
                if (t == null) {
                    unpinned = true;
                } else {
                    byCell.computeIfAbsent(t, k -> new ArrayList<>()).add(issue);
                }
            }
            Map<Integer, XSSFCellStyle> redStyles = new HashMap<>();
            byCell.forEach((t, list) -> mark(wb, t, list, redStyles));
            if (unpinned) {
                issuesSheet(wb, issues);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    /**
     * The big workbook's way: POI gets it without its rows; the red styles, the comments and the issues sheet are
     * made there, and each marked cell's new style is patched into its row as the rows stream past.
     */
    private static byte[] streamed(Path uploadedXlsx, List<CellIssue> issues) throws IOException, ShotSheetFormatException {
        StreamedWorkbook.Plan plan = new StreamedWorkbook.Plan().keepWhole(ISSUES_SHEET);
        for (CellIssue issue : issues) {
            int column = column(issue);
            if (column >= 0) {
                plan.watch(issue.sheet(), issue.row() - 1, column);
            }
        }
        Path out = Files.createTempFile("dailies-annotated-", ".xlsx");
        try (StreamedWorkbook streamed = StreamedWorkbook.open(uploadedXlsx, plan)) {
            XSSFWorkbook wb = streamed.workbook();
            Map<Target, List<CellIssue>> byCell = new LinkedHashMap<>();
            boolean unpinned = false;
            for (CellIssue issue : issues) {
                Target t = target(wb, issue);
                if (t == null || !byCell.containsKey(t) && byCell.size() >= STREAMED_MARKS) {
                    unpinned = true;
                } else {
                    byCell.computeIfAbsent(t, k -> new ArrayList<>()).add(issue);
                }
            }
            Map<Integer, XSSFCellStyle> redStyles = new HashMap<>();
            Map<String, NavigableMap<Integer, SortedMap<Integer, StreamedWorkbook.Patch>>> patches = new HashMap<>();
            byCell.forEach((t, list) -> {
                String sheet = t.sheet().getSheetName();
                StreamedWorkbook.CellInfo was = streamed.cell(sheet, t.row(), t.column());
                int base;
                if (was.exists()) {
                    base = was.style();
                } else if (was.rowStyle() != null) {
                    base = was.rowStyle();
                } else {
                    CellStyle columnStyle = t.sheet().getColumnStyle(t.column());
                    base = columnStyle == null ? 0 : columnStyle.getIndex();
                }
                XSSFCellStyle red = red(wb, wb.getCellStyleAt(Math.min(base, wb.getNumCellStyles() - 1)), redStyles);
                patches.computeIfAbsent(sheet, k -> new TreeMap<>()).computeIfAbsent(t.row(), k -> new TreeMap<>())
                        .put(t.column(), StreamedWorkbook.Patch.style(red.getIndex()));
                streamed.cover(sheet, t.row(), t.column());
                // a row POI holds only to anchor the comment: not written, the original row is, patched
                XSSFRow row = t.sheet().getRow(t.row());
                if (row == null) {
                    row = t.sheet().createRow(t.row());
                }
                XSSFCell cell = row.getCell(t.column());
                comment(wb, t, cell == null ? row.createCell(t.column()) : cell, list);
            });
            if (unpinned) {
                issuesSheet(wb, issues);
            }
            Map<String, StreamedWorkbook.RowPatcher> patchers = new HashMap<>();
            patches.forEach((sheet, rows) -> patchers.put(sheet, StreamedWorkbook.RowPatcher.cells(rows)));
            streamed.write(out, patchers);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The 0-based column an issue names, -1 when it names none Excel has. */
    private static int column(CellIssue issue) {
        if (issue.sheet() == null || issue.row() <= 0 || issue.row() > 1_048_576 || issue.column() == null
                || !issue.column().strip().matches("[A-Za-z]{1,3}")) {
            return -1;
        }
        int column = CellReference.convertColStringToIndex(issue.column().strip().toUpperCase(Locale.ROOT));
        return column < 0 || column > 16383 ? -1 : column;
    }

    /** A cell of a sheet, 0-based. */
    private record Target(XSSFSheet sheet, int row, int column) {
    }

    private static Target target(XSSFWorkbook wb, CellIssue issue) {
        int column = column(issue);
        if (column < 0) {
            return null;
        }
        XSSFSheet sheet = sheet(wb, issue.sheet());
        return sheet == null ? null : new Target(sheet, issue.row() - 1, column);
    }

    private static XSSFSheet sheet(XSSFWorkbook wb, String name) {
        XSSFSheet exact = wb.getSheet(name);
        if (exact != null) {
            return exact;
        }
        String squashed = name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (wb.getSheetName(i).replaceAll("\\s+", "").toLowerCase(Locale.ROOT).equals(squashed)) {
                return wb.getSheetAt(i);
            }
        }
        return null;
    }

    private static void mark(XSSFWorkbook wb, Target t, List<CellIssue> issues, Map<Integer, XSSFCellStyle> redStyles) {
        XSSFRow row = t.sheet().getRow(t.row());
        if (row == null) {
            row = t.sheet().createRow(t.row());
        }
        XSSFCell cell = row.getCell(t.column());
        if (cell == null) {
            cell = row.createCell(t.column());
            // a new cell takes the row's or the column's style, as Excel would show it
            CellStyle inherited = row.isFormatted() ? row.getRowStyle() : t.sheet().getColumnStyle(t.column());
            if (inherited != null) {
                cell.setCellStyle(inherited);
            }
        }
        cell.setCellStyle(red(wb, cell.getCellStyle(), redStyles));
        comment(wb, t, cell, issues);
    }

    /** The style's copy filled red, one per original style. */
    private static XSSFCellStyle red(XSSFWorkbook wb, XSSFCellStyle original, Map<Integer, XSSFCellStyle> redStyles) {
        return redStyles.computeIfAbsent((int) original.getIndex(), i -> {
            XSSFCellStyle red = wb.createCellStyle();
            red.cloneStyleFrom(original);
            red.setFillForegroundColor(new XSSFColor(FILL_RGB, null));
            red.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return red;
        });
    }

    /** The cell's comment by "Dailies" with every issue's message, after the comment it had. */
    private static void comment(XSSFWorkbook wb, Target t, XSSFCell cell, List<CellIssue> issues) {
        StringBuilder text = new StringBuilder();
        Comment existing = cell.getCellComment();
        if (existing != null && existing.getString() != null) {
            text.append(existing.getString().getString()).append("\n\n");
            cell.removeCellComment();
        }
        for (int i = 0; i < issues.size(); i++) {
            text.append(i == 0 ? "" : "\n").append(AUTHOR).append(": ").append(issues.get(i).message());
        }
        CreationHelper factory = wb.getCreationHelper();
        Drawing<?> drawing = t.sheet().createDrawingPatriarch();
        ClientAnchor anchor = factory.createClientAnchor();
        anchor.setCol1(t.column() + 1);
        anchor.setCol2(t.column() + 5);
        anchor.setRow1(t.row());
        anchor.setRow2(t.row() + 2 + Math.min(10, text.length() / 60));
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(factory.createRichTextString(text.toString()));
        comment.setAuthor(AUTHOR);
        cell.setCellComment(comment);
    }

    private static void issuesSheet(XSSFWorkbook wb, List<CellIssue> issues) {
        int old = wb.getSheetIndex(ISSUES_SHEET);
        if (old >= 0) {
            wb.removeSheetAt(old);
        }
        XSSFSheet sheet = wb.createSheet(ISSUES_SHEET);
        XSSFCellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        XSSFCellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        String[] headers = {"Sheet", "Row", "Column", "Field", "Value", "Message"};
        XSSFRow head = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            XSSFCell c = head.createCell(i);
            c.setCellValue(headers[i]);
            c.setCellStyle(bold);
        }
        int r = 1;
        for (CellIssue issue : issues) {
            XSSFRow row = sheet.createRow(r++);
            row.createCell(0).setCellValue(issue.sheet() == null ? "(workbook)" : issue.sheet());
            if (issue.row() > 0) {
                row.createCell(1).setCellValue(issue.row());
            }
            set(row, 2, issue.column());
            set(row, 3, issue.field());
            set(row, 4, issue.value());
            set(row, 5, issue.message()).setCellStyle(wrap);
        }
        int[] widths = {16, 8, 8, 20, 30, 100};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            wb.getSheetAt(i).setSelected(false);
        }
        wb.setSheetOrder(ISSUES_SHEET, 0);
        wb.setActiveSheet(0);
        wb.setFirstVisibleTab(0);
        sheet.setSelected(true);
    }

    private static XSSFCell set(XSSFRow row, int column, String value) {
        XSSFCell c = row.createCell(column);
        if (value != null) {
            c.setCellValue(value);
        }
        return c;
    }
}
