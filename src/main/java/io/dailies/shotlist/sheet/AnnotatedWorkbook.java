package io.dailies.shotlist.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@value #ISSUES_SHEET}. Nothing else in the workbook changes.
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
     * A copy of the uploaded workbook with the issues marked.
     *
     * @param uploadedXlsx the producer's .xlsx as uploaded
     * @param issues       the problems found, e.g. from {@link ShotSheetFormatException#issues()}
     * @return the annotated workbook, as .xlsx bytes
     * @throws IOException when the file cannot be read as an .xlsx workbook
     */
    public static byte[] annotate(Path uploadedXlsx, List<CellIssue> issues) throws IOException {
        try (InputStream in = Files.newInputStream(uploadedXlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
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

    /** A cell of a sheet, 0-based. */
    private record Target(XSSFSheet sheet, int row, int column) {
    }

    private static Target target(XSSFWorkbook wb, CellIssue issue) {
        if (issue.sheet() == null || issue.row() <= 0 || issue.column() == null || issue.column().isBlank()) {
            return null;
        }
        XSSFSheet sheet = sheet(wb, issue.sheet());
        if (sheet == null || !issue.column().strip().matches("[A-Za-z]{1,3}")) {
            return null;
        }
        int column = CellReference.convertColStringToIndex(issue.column().strip().toUpperCase(Locale.ROOT));
        if (column < 0 || column > 16383 || issue.row() > 1_048_576) {
            return null;
        }
        return new Target(sheet, issue.row() - 1, column);
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
        XSSFCellStyle original = cell.getCellStyle();
        cell.setCellStyle(redStyles.computeIfAbsent((int) original.getIndex(), i -> {
            XSSFCellStyle red = wb.createCellStyle();
            red.cloneStyleFrom(original);
            red.setFillForegroundColor(new XSSFColor(FILL_RGB, null));
            red.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return red;
        }));

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
