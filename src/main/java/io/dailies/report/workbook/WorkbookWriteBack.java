package io.dailies.report.workbook;

import static io.dailies.shotlist.sheet.DailiesColumns.*;

import io.dailies.platform.workbook.WorkbookGuard;
import io.dailies.shotlist.sheet.DailiesColumns;
import io.dailies.shotlist.sheet.RawShotRow;
import io.dailies.shotlist.sheet.SafeWorkbook;
import io.dailies.shotlist.sheet.ShotColumn;
import io.dailies.shotlist.sheet.ShotSheetFormatException;
import io.dailies.shotlist.sheet.SheetLayout;
import io.dailies.shotlist.sheet.ShotSheetReader;
import io.dailies.shotlist.sheet.StreamedWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFCreationHelper;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.CTTwoCellAnchor;

/**
 * Writes Dailies' results back into the producer's own workbook: the Shots sheet keeps everything the
 * producer made (formatting, column order, extra columns, other sheets) and gains the Dailies columns
 * ({@link DailiesColumns#COLUMNS}) to the right of its last header, one value per shot row, matched by sequence and
 * shot code. Each Dailies column is remembered by a workbook name ({@code Dailies_Status}...) that
 * Excel moves with the column, so a second write-back updates the same columns in place even after
 * the producer inserted or moved columns, and a producer's own "Notes" column is never overwritten.
 * A {@value DailiesColumns#SUMMARY_SHEET} sheet (replaced each time) gives counts by status and verdict, spend
 * against budget and the Overall score distribution as a native bar chart.
 *
 * <p>The producer's workbook goes through the upload guard first. A small one is changed in place in POI's user
 * model; a big one (over {@link SafeWorkbook#IN_MEMORY_BYTES} inflated) is streamed, with the same result except that
 * the console link is a HYPERLINK formula and only the first {@link #STREAMED_EXTRAS} shots get comments and a
 * thumbnail. Results are read by their index in the list, as often as needed, so a caller may make them as asked.
 */
public final class WorkbookWriteBack {

    private static final List<String> SCORES = List.of(PROMPT_ADHERENCE, MOTION_QUALITY, PHYSICAL_REALISM,
            CONTINUITY, AUDIO_SYNC, OVERALL);
    static final String NAME_PREFIX = "Dailies_";
    static final String AUTHOR = "Dailies";

    private WorkbookWriteBack() {
    }

    /**
     * Above this many shots, a workbook written back streaming gets the comments on empty scores and the
     * thumbnails for its first shots only: POI keeps each comment's shape and each picture in memory until the
     * file is written. The reasons are in the Notes column too.
     */
    public static final int STREAMED_EXTRAS = 2_000;
    /** Title of the summary sheet's notes on the workbook itself (the import's warnings). */
    static final String NOTES_HEADER = "Notes on this workbook";
    /** What the Console link cell shows. */
    static final String LINK_TEXT = "Open in Dailies";

    /**
     * Writes the producer's workbook with the results into {@code out} (which may be the same file). The workbook
     * goes through the upload guard first ({@link SafeWorkbook#check}). One whose parts inflate to at most
     * {@link SafeWorkbook#IN_MEMORY_BYTES} is loaded whole and changed in place; a bigger one is streamed
     * ({@link StreamedWorkbook}): every cell, style, column, sheet and name is kept just the same, the Dailies cells
     * are written row by row, the Console link is a HYPERLINK formula, and only the first {@link #STREAMED_EXTRAS}
     * shots get comments and thumbnails.
     *
     * @throws ShotSheetFormatException when the workbook has no readable shot list, or the guard refuses it
     */
    public static void writeBack(Path producersXlsx, Path out, List<ShotResult> results, Summary summary)
            throws IOException, ShotSheetFormatException {
        writeBack(producersXlsx, out, results, summary, List.of(), SafeWorkbook.IN_MEMORY_BYTES);
    }

    /**
     * {@link #writeBack(Path, Path, List, Summary)} into the sheets the import read the shot list from
     * ({@code shotSheets}, in workbook order; empty to find them again as the import does).
     */
    public static void writeBack(Path producersXlsx, Path out, List<ShotResult> results, Summary summary, List<String> shotSheets)
            throws IOException, ShotSheetFormatException {
        writeBack(producersXlsx, out, results, summary, shotSheets, SafeWorkbook.IN_MEMORY_BYTES);
    }

    /** {@link #writeBack(Path, Path, List, Summary)} streaming above {@code inMemoryBytes} of inflated parts. */
    static void writeBack(Path producersXlsx, Path out, List<ShotResult> results, Summary summary, long inMemoryBytes)
            throws IOException, ShotSheetFormatException {
        writeBack(producersXlsx, out, results, summary, List.of(), inMemoryBytes);
    }

    /** A sheet of the shot list: its name and its header's 0-based row. */
    private record ShotSheet(String name, int headerRow) {
    }

    /** Where a shot's row is: its sheet's index in the shot list, and its 0-based row. */
    private record RowAt(int sheet, int row) {
    }

    private static void writeBack(Path producersXlsx, Path out, List<ShotResult> results, Summary summary, List<String> shotSheets,
                                  long inMemoryBytes) throws IOException, ShotSheetFormatException {
        WorkbookGuard.Inspection seen = SafeWorkbook.check(producersXlsx);
        List<ShotSheet> sheets = new ArrayList<>();
        Map<String, RowAt> rowOf = new HashMap<>();
        try (ShotSheetReader reader = ShotSheetReader.open(producersXlsx, shotSheets)) {
            for (SheetLayout layout : reader.layout().sheets()) {
                sheets.add(new ShotSheet(layout.sheetName(), layout.headerRow() - 1));
            }
            while (reader.hasNext()) {
                RawShotRow r = reader.next();
                rowOf.putIfAbsent(key(r.value(ShotColumn.SEQUENCE), r.value(ShotColumn.SHOT)),
                        new RowAt(reader.position().sheet(), r.row() - 1));
            }
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".dailies-", ".xlsx");
        try {
            if (seen.inflatedBytes() <= inMemoryBytes) {
                inPlace(producersXlsx, tmp, sheets, rowOf, results, summary);
            } else {
                streamed(producersXlsx, tmp, sheets, rowOf, results, summary);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The whole workbook in POI's user model, changed in place. */
    private static void inPlace(Path producersXlsx, Path out, List<ShotSheet> shotSheets, Map<String, RowAt> rowOf,
                                List<ShotResult> results, Summary summary) throws IOException, ShotSheetFormatException {
        try (XSSFWorkbook wb = SafeWorkbook.inMemory(producersXlsx)) {
            List<XSSFSheet> sheets = new ArrayList<>();
            List<Map<String, Integer>> columns = new ArrayList<>();
            for (ShotSheet s : shotSheets) {
                XSSFSheet sheet = wb.getSheet(s.name());
                if (sheet == null) {
                    throw new IOException("sheet '" + s.name() + "' is not in " + producersXlsx + " (a CSV shot list cannot be written back)");
                }
                Map<String, Integer> c = columns(wb, sheet, s.headerRow());
                removeThumbnails(sheet, c.get(THUMBNAIL));
                sheets.add(sheet);
                columns.add(c);
            }
            Styles styles = new Styles(wb);
            List<ShotResult> unmatched = new ArrayList<>();
            Map<Path, Integer> pictures = new HashMap<>();
            for (ShotResult result : results) {
                RowAt at = rowOf.get(key(result.sequence(), result.shot()));
                if (at == null) {
                    unmatched.add(result);
                } else {
                    XSSFSheet sheet = sheets.get(at.sheet());
                    write(wb, sheet, sheet.getRow(at.row()), columns.get(at.sheet()), result, styles, pictures);
                }
            }
            summarySheet(wb, results, unmatched, summary, styles);
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
    }

    /**
     * POI gets the workbook without its rows (the shot-list sheets' title and header rows apart); the headers, names,
     * widths, styles, comments, pictures and the summary sheet are made there as in place, and each shot row's
     * Dailies cells are patched into the original rows as they stream past.
     */
    private static void streamed(Path producersXlsx, Path out, List<ShotSheet> shotSheets, Map<String, RowAt> rowOf,
                                 List<ShotResult> results, Summary summary) throws IOException, ShotSheetFormatException {
        // Each shot row's result by its index in the list, not the result itself: a caller may make them as asked.
        int[][] resultOfRow = new int[shotSheets.size()][];
        for (int s = 0; s < shotSheets.size(); s++) {
            int sheet = s;
            int lastRow = rowOf.values().stream().filter(at -> at.sheet() == sheet).mapToInt(RowAt::row).max().orElse(-1);
            resultOfRow[s] = new int[lastRow + 1];
            java.util.Arrays.fill(resultOfRow[s], -1);
        }
        List<ShotResult> unmatched = new ArrayList<>();
        List<RowAt> extras = new ArrayList<>();
        int index = 0;
        for (ShotResult result : results) {
            RowAt at = rowOf.get(key(result.sequence(), result.shot()));
            if (at == null) {
                unmatched.add(result);
            } else {
                resultOfRow[at.sheet()][at.row()] = index;
                if (extras.size() < STREAMED_EXTRAS) {
                    extras.add(at);
                }
            }
            index++;
        }
        rowOf.clear();
        StreamedWorkbook.Plan plan = new StreamedWorkbook.Plan().keepWhole(SUMMARY_SHEET);
        for (ShotSheet s : shotSheets) {
            plan.keepRows(s.name(), s.headerRow() + 1);
        }
        extras.forEach(at -> plan.watchRow(shotSheets.get(at.sheet()).name(), at.row()));
        try (StreamedWorkbook streamed = StreamedWorkbook.open(producersXlsx, plan)) {
            XSSFWorkbook wb = streamed.workbook();
            Styles styles = new Styles(wb);
            List<XSSFSheet> sheets = new ArrayList<>();
            List<Map<String, Integer>> columns = new ArrayList<>();
            Map<String, StreamedWorkbook.RowPatcher> patchers = new HashMap<>();
            for (int s = 0; s < shotSheets.size(); s++) {
                String sheetName = shotSheets.get(s).name();
                XSSFSheet sheet = wb.getSheet(sheetName);
                if (sheet == null) {
                    throw new IOException("sheet '" + sheetName + "' is not in " + producersXlsx);
                }
                Map<String, Integer> sheetColumns = columns(wb, sheet, shotSheets.get(s).headerRow());
                removeThumbnails(sheet, sheetColumns.get(THUMBNAIL));
                // Comments and links an earlier write-back left on the Dailies cells of the rows written now go, as in place.
                java.util.Set<Integer> dailies = new java.util.HashSet<>(sheetColumns.values());
                int[] ofRow = resultOfRow[s];
                java.util.function.IntPredicate written = row -> row >= 0 && row < ofRow.length && ofRow[row] >= 0;
                for (XSSFHyperlink h : new ArrayList<>(sheet.getHyperlinkList())) {
                    if (written.test(h.getFirstRow()) && dailies.contains(h.getFirstColumn())) {
                        sheet.removeHyperlink(h.getFirstRow(), h.getFirstColumn());
                    }
                }
                for (org.apache.poi.ss.util.CellAddress at : new ArrayList<>(sheet.getCellComments().keySet())) {
                    if (written.test(at.getRow()) && dailies.contains(at.getColumn())) {
                        anchorCell(sheet, streamed, at.getRow(), at.getColumn()).removeCellComment();
                    }
                }
                sheets.add(sheet);
                columns.add(sheetColumns);
                streamed.cover(sheetName, -1, sheetColumns.values().stream().mapToInt(Integer::intValue).max().orElse(0));
                patchers.put(sheetName, row -> written.test(row) ? patches(results.get(ofRow[row]), sheetColumns, styles) : null);
            }
            // The first shots' comments on empty scores and thumbnails, anchored to rows POI holds only for that:
            // those rows are not written, the original ones are, patched.
            Map<Path, Integer> pictures = new HashMap<>();
            for (RowAt at : extras) {
                XSSFSheet sheet = sheets.get(at.sheet());
                Map<String, Integer> sheetColumns = columns.get(at.sheet());
                ShotResult r = results.get(resultOfRow[at.sheet()][at.row()]);
                Integer[] scores = scores(r);
                for (int i = 0; i < SCORES.size(); i++) {
                    String reason = r.scoreReasons().get(SCORES.get(i));
                    if (scores[i] == null && reason != null && !reason.isBlank()) {
                        comment(wb, sheet, anchorCell(sheet, streamed, at.row(), sheetColumns.get(SCORES.get(i))), reason);
                    }
                }
                if (r.thumbnail() != null && Files.isRegularFile(r.thumbnail())) {
                    picture(wb, sheet, anchorCell(sheet, streamed, at.row(), sheetColumns.get(THUMBNAIL)), r.thumbnail(), pictures);
                }
            }
            summarySheet(wb, results, unmatched, summary, styles);
            streamed.write(out, patchers);
        }
    }

    /** A cell of a row POI holds only to anchor a comment or a picture, as high as the original row. */
    private static XSSFCell anchorCell(XSSFSheet sheet, StreamedWorkbook streamed, int row, int column) {
        XSSFRow r = sheet.getRow(row);
        if (r == null) {
            r = sheet.createRow(row);
            Float height = streamed.cell(sheet.getSheetName(), row, -1).rowHeight();
            if (height != null) {
                r.setHeightInPoints(height);
            }
        }
        XSSFCell c = r.getCell(column);
        return c == null ? r.createCell(column) : c;
    }

    private static Integer[] scores(ShotResult r) {
        return new Integer[]{r.promptAdherence(), r.motionQuality(), r.physicalRealism(), r.continuity(), r.audioSync(), r.overall()};
    }

    /** The Dailies cells of one shot row, as {@link #write} makes them in place. */
    static SortedMap<Integer, StreamedWorkbook.Patch> patches(ShotResult r, Map<String, Integer> columns, Styles styles) {
        SortedMap<Integer, StreamedWorkbook.Patch> p = new TreeMap<>();
        p.put(columns.get(STATUS), text(r.status()));
        p.put(columns.get(TAKES), number(r.takes(), styles.integer));
        p.put(columns.get(SELECTED_TAKE), text(r.selectedTake()));
        p.put(columns.get(VIDEO_ID), text(r.videoId()));
        p.put(columns.get(COST), r.cost() == null ? StreamedWorkbook.Patch.blank(null)
                : StreamedWorkbook.Patch.number(r.cost().doubleValue(), (int) styles.money.getIndex()));
        Integer[] scores = scores(r);
        for (int i = 0; i < SCORES.size(); i++) {
            p.put(columns.get(SCORES.get(i)), number(scores[i], styles.integer));
        }
        p.put(columns.get(VERDICT), text(r.verdict()));
        int wrap = styles.wrap.getIndex();
        p.put(columns.get(NOTES), r.notes() == null || r.notes().isEmpty() ? StreamedWorkbook.Patch.blank(wrap)
                : StreamedWorkbook.Patch.text(r.notes(), wrap));
        p.put(columns.get(THUMBNAIL), StreamedWorkbook.Patch.blank(null));
        String link = r.consoleLink();
        if (link == null || link.isBlank()) {
            p.put(columns.get(CONSOLE_LINK), StreamedWorkbook.Patch.blank(null));
        } else if (link.length() <= 255) {
            // a formula instead of a hyperlink relationship: nothing kept per row in memory, and Excel opens it the same
            p.put(columns.get(CONSOLE_LINK), StreamedWorkbook.Patch.formula("HYPERLINK(\"" + link.replace("\"", "\"\"") + "\",\""
                    + LINK_TEXT + "\")", LINK_TEXT, (int) styles.link.getIndex()));
        } else {
            p.put(columns.get(CONSOLE_LINK), StreamedWorkbook.Patch.text(link, (int) styles.link.getIndex()));
        }
        return p;
    }

    private static StreamedWorkbook.Patch text(String value) {
        return value == null || value.isEmpty() ? StreamedWorkbook.Patch.blank(null) : StreamedWorkbook.Patch.text(value, null);
    }

    private static StreamedWorkbook.Patch number(Integer value, XSSFCellStyle style) {
        return value == null ? StreamedWorkbook.Patch.blank(null) : StreamedWorkbook.Patch.number(value, (int) style.getIndex());
    }

    static String key(String sequence, String shot) {
        return norm(sequence) + "\u0000" + norm(shot);
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    /** The workbook name that remembers a Dailies column, e.g. "Dailies_Selected_take". */
    static String nameOf(String column) {
        return NAME_PREFIX + column.replaceAll("[^A-Za-z0-9]+", "_");
    }

    /** Column index of each Dailies column: the remembered one when still valid, else appended. */
    private static Map<String, Integer> columns(XSSFWorkbook wb, XSSFSheet sheet, int headerRow) {
        XSSFRow header = sheet.getRow(headerRow);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            Name name = wb.getName(nameOf(column));
            Integer index = null;
            if (name != null && !name.isFunctionName()) {
                try {
                    CellReference ref = new AreaReference(name.getRefersToFormula(), wb.getSpreadsheetVersion()).getFirstCell();
                    XSSFCell cell = header.getCell(ref.getCol());
                    if (sheet.getSheetName().equals(ref.getSheetName()) && ref.getRow() == headerRow && cell != null
                            && column.equalsIgnoreCase(cell.toString().strip())) {
                        index = (int) ref.getCol();
                    }
                } catch (RuntimeException e) {
                    // a #REF! or hand-edited name: append a fresh column
                }
            }
            columns.put(column, index);
        }
        int last = lastUsed(header);
        XSSFCellStyle headerStyle = null;
        for (Map.Entry<String, Integer> e : columns.entrySet()) {
            if (e.getValue() != null) {
                continue;
            }
            if (headerStyle == null) {
                headerStyle = wb.createCellStyle();
                XSSFCell model = last >= 0 ? header.getCell(last) : null;
                if (model != null) {
                    headerStyle.cloneStyleFrom(model.getCellStyle());
                }
            }
            int index = ++last;
            XSSFCell cell = header.createCell(index);
            cell.setCellValue(e.getKey());
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(index, width(e.getKey()) * 256);
            e.setValue(index);
            Name name = wb.getName(nameOf(e.getKey()));
            if (name == null) {
                name = wb.createName();
                name.setNameName(nameOf(e.getKey()));
            }
            name.setRefersToFormula(new CellReference(sheet.getSheetName(), headerRow, index, true, true).formatAsString());
        }
        return columns;
    }

    private static int lastUsed(XSSFRow header) {
        for (int i = header.getLastCellNum() - 1; i >= 0; i--) {
            XSSFCell c = header.getCell(i);
            if (c != null && !c.toString().isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int width(String column) {
        return switch (column) {
            case NOTES -> 40;
            case THUMBNAIL -> 24;
            case VIDEO_ID, CONSOLE_LINK -> 22;
            case SELECTED_TAKE, PROMPT_ADHERENCE, PHYSICAL_REALISM -> 16;
            default -> 13;
        };
    }

    /** Pictures earlier write-backs anchored in the Thumbnail column; POI has no API to remove a shape. */
    private static void removeThumbnails(XSSFSheet sheet, int column) {
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing == null) {
            return;
        }
        List<CTTwoCellAnchor> anchors = drawing.getCTDrawing().getTwoCellAnchorList();
        for (int i = anchors.size() - 1; i >= 0; i--) {
            CTTwoCellAnchor a = anchors.get(i);
            if (a.isSetPic() && a.getFrom() != null && a.getFrom().getCol() == column) {
                drawing.getCTDrawing().removeTwoCellAnchor(i);
            }
        }
    }

    private static final class Styles {
        final XSSFCellStyle integer;
        final XSSFCellStyle money;
        final XSSFCellStyle wrap;
        final XSSFCellStyle link;
        final XSSFCellStyle bold;
        final XSSFCellStyle title;

        Styles(XSSFWorkbook wb) {
            integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("0"));
            money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            link = wb.createCellStyle();
            XSSFFont blue = wb.createFont();
            blue.setUnderline(org.apache.poi.ss.usermodel.Font.U_SINGLE);
            blue.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
            link.setFont(blue);
            bold = wb.createCellStyle();
            XSSFFont b = wb.createFont();
            b.setBold(true);
            bold.setFont(b);
            title = wb.createCellStyle();
            XSSFFont t = wb.createFont();
            t.setBold(true);
            t.setFontHeightInPoints((short) 14);
            title.setFont(t);
        }
    }

    private static void write(XSSFWorkbook wb, XSSFSheet sheet, XSSFRow row, Map<String, Integer> columns,
                              ShotResult r, Styles styles, Map<Path, Integer> pictures) throws IOException {
        Function<String, XSSFCell> cell = column -> {
            int index = columns.get(column);
            XSSFCell c = row.getCell(index);
            if (c == null) {
                c = row.createCell(index);
            } else {
                c.removeCellComment();
                if (c.getHyperlink() != null) {
                    sheet.removeHyperlink(row.getRowNum(), index);
                }
                c.setBlank();
            }
            return c;
        };
        text(cell.apply(STATUS), r.status());
        number(cell.apply(TAKES), r.takes(), styles.integer);
        text(cell.apply(SELECTED_TAKE), r.selectedTake());
        text(cell.apply(VIDEO_ID), r.videoId());
        XSSFCell cost = cell.apply(COST);
        if (r.cost() != null) {
            cost.setCellValue(r.cost().doubleValue());
            cost.setCellStyle(styles.money);
        }
        Integer[] scores = scores(r);
        for (int i = 0; i < SCORES.size(); i++) {
            XSSFCell c = cell.apply(SCORES.get(i));
            number(c, scores[i], styles.integer);
            String reason = r.scoreReasons().get(SCORES.get(i));
            if (scores[i] == null && reason != null && !reason.isBlank()) {
                comment(wb, sheet, c, reason);
            }
        }
        text(cell.apply(VERDICT), r.verdict());
        XSSFCell notes = cell.apply(NOTES);
        text(notes, r.notes());
        notes.setCellStyle(styles.wrap);
        XSSFCell thumb = cell.apply(THUMBNAIL);
        if (r.thumbnail() != null && Files.isRegularFile(r.thumbnail())) {
            picture(wb, sheet, thumb, r.thumbnail(), pictures);
        }
        XSSFCell link = cell.apply(CONSOLE_LINK);
        if (r.consoleLink() != null && !r.consoleLink().isBlank()) {
            XSSFHyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.URL);
            h.setAddress(r.consoleLink());
            link.setCellValue(LINK_TEXT);
            link.setHyperlink(h);
            link.setCellStyle(styles.link);
        }
    }

    private static void text(XSSFCell c, String value) {
        if (value != null && !value.isEmpty()) {
            c.setCellValue(value);
        }
    }

    private static void number(XSSFCell c, Integer value, XSSFCellStyle style) {
        if (value != null) {
            c.setCellValue(value);
            c.setCellStyle(style);
        }
    }

    private static void comment(XSSFWorkbook wb, XSSFSheet sheet, XSSFCell c, String text) {
        XSSFCreationHelper factory = wb.getCreationHelper();
        ClientAnchor anchor = factory.createClientAnchor();
        anchor.setCol1(c.getColumnIndex() + 1);
        anchor.setCol2(c.getColumnIndex() + 4);
        anchor.setRow1(c.getRowIndex());
        anchor.setRow2(c.getRowIndex() + 3);
        Comment comment = sheet.createDrawingPatriarch().createCellComment(anchor);
        comment.setString(factory.createRichTextString(text));
        comment.setAuthor(AUTHOR);
        c.setCellComment(comment);
    }

    /** The picture fitted inside its cell, aspect kept, moving and sizing with the cell. */
    private static void picture(XSSFWorkbook wb, XSSFSheet sheet, XSSFCell c, Path image, Map<Path, Integer> pictures)
            throws IOException {
        String lower = image.getFileName().toString().toLowerCase(Locale.ROOT);
        int type = lower.endsWith(".png") ? Workbook.PICTURE_TYPE_PNG : Workbook.PICTURE_TYPE_JPEG;
        int index = pictures.computeIfAbsent(image, p -> {
            try {
                return wb.addPicture(Files.readAllBytes(p), type);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        double cellW = sheet.getColumnWidthInPixels(c.getColumnIndex());
        double cellH = Units.pointsToPixel(c.getRow().getHeightInPoints());
        int[] size = imageSize(image);
        double scale = Math.min((cellW - 4) / size[0], (cellH - 4) / size[1]);
        double w = Math.max(1, size[0] * scale);
        double h = Math.max(1, size[1] * scale);
        int dx = (int) ((cellW - w) / 2 * Units.EMU_PER_PIXEL);
        int dy = (int) ((cellH - h) / 2 * Units.EMU_PER_PIXEL);
        XSSFClientAnchor anchor = new XSSFClientAnchor(dx, dy, (int) ((cellW + w) / 2 * Units.EMU_PER_PIXEL),
                (int) ((cellH + h) / 2 * Units.EMU_PER_PIXEL), c.getColumnIndex(), c.getRowIndex(),
                c.getColumnIndex(), c.getRowIndex());
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
        sheet.createDrawingPatriarch().createPicture(anchor, index);
    }

    /** Width and height in pixels, read from the header only; 16:9 when unreadable. */
    static int[] imageSize(Path image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return new int[]{reader.getWidth(0), reader.getHeight(0)};
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return new int[]{16, 9};
    }

    // --- the summary sheet ---

    /** First row of the score distribution table on the summary sheet (0-based), for tests. */
    static final String DISTRIBUTION_HEADER = "Overall score";

    private static void summarySheet(XSSFWorkbook wb, List<ShotResult> results, List<ShotResult> unmatched,
                                     Summary summary, Styles styles) {
        int old = wb.getSheetIndex(SUMMARY_SHEET);
        if (old >= 0) {
            // POI leaves the removed sheet's drawing and charts in the package, and a new drawing
            // reusing the part name would inherit the old chart: remove them too.
            XSSFDrawing drawing = wb.getSheetAt(old).getDrawingPatriarch();
            List<org.apache.poi.openxml4j.opc.PackagePart> parts = new ArrayList<>();
            if (drawing != null) {
                drawing.getCharts().forEach(c -> parts.add(c.getPackagePart()));
                parts.add(drawing.getPackagePart());
            }
            wb.removeSheetAt(old);
            for (var part : parts) {
                var rels = org.apache.poi.openxml4j.opc.PackagingURIHelper.getRelationshipPartName(part.getPartName());
                if (wb.getPackage().containPart(rels)) {
                    wb.getPackage().removePart(rels);
                }
                if (wb.getPackage().containPart(part.getPartName())) {
                    wb.getPackage().removePart(part);
                }
            }
        }
        XSSFSheet s = wb.createSheet(SUMMARY_SHEET);
        s.setColumnWidth(0, 26 * 256);
        s.setColumnWidth(1, 14 * 256);
        int[] r = {0};
        Function<Object[], XSSFRow> line = values -> {
            XSSFRow row = s.createRow(r[0]++);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else if (v != null) {
                    row.createCell(i).setCellValue(v.toString());
                }
            }
            return row;
        };
        String project = summary == null || summary.project() == null ? "" : " - " + summary.project();
        line.apply(new Object[]{"Dailies" + project}).getCell(0).setCellStyle(styles.title);
        Instant at = summary == null || summary.generatedAt() == null ? Instant.now() : summary.generatedAt();
        line.apply(new Object[]{"Written back", at.toString()});
        line.apply(new Object[]{"Shots", results.size()});
        r[0]++;

        table(line, styles, "Status", count(results, ShotResult::status));
        table(line, styles, "Verdict", count(results, ShotResult::verdict));

        BigDecimal spent = results.stream().map(ShotResult::cost).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String currency = summary == null || summary.currency() == null ? "" : " (" + summary.currency() + ")";
        line.apply(new Object[]{"Spend" + currency, "Amount"}).forEach(c -> c.setCellStyle(styles.bold));
        line.apply(new Object[]{"Spent", spent}).getCell(1).setCellStyle(styles.money);
        if (summary != null && summary.budget() != null) {
            line.apply(new Object[]{"Budget", summary.budget()}).getCell(1).setCellStyle(styles.money);
            line.apply(new Object[]{"Remaining", summary.budget().subtract(spent)}).getCell(1).setCellStyle(styles.money);
            if (summary.budget().signum() > 0) {
                XSSFCellStyle pct = s.getWorkbook().createCellStyle();
                pct.setDataFormat(s.getWorkbook().createDataFormat().getFormat("0%"));
                line.apply(new Object[]{"Used", spent.doubleValue() / summary.budget().doubleValue()}).getCell(1).setCellStyle(pct);
            }
        } else {
            line.apply(new Object[]{"Budget", "not set"});
        }
        r[0]++;

        line.apply(new Object[]{DISTRIBUTION_HEADER, "Shots"}).forEach(c -> c.setCellStyle(styles.bold));
        int[] bins = new int[10];
        int unscored = 0;
        for (ShotResult result : results) {
            if (result.overall() == null) {
                unscored++;
            } else {
                bins[Math.max(0, Math.min(9, result.overall() / 10))]++;
            }
        }
        int first = r[0];
        for (int i = 0; i < 10; i++) {
            line.apply(new Object[]{(i * 10) + "-" + (i == 9 ? 100 : i * 10 + 9), bins[i]});
        }
        int lastBin = r[0] - 1;
        line.apply(new Object[]{"Not scored", unscored});
        if (summary != null && !summary.notes().isEmpty()) {
            r[0]++;
            line.apply(new Object[]{NOTES_HEADER}).getCell(0).setCellStyle(styles.bold);
            for (String note : summary.notes()) {
                line.apply(new Object[]{note});
            }
        }
        if (!unmatched.isEmpty()) {
            r[0]++;
            line.apply(new Object[]{"Not in the shot list", "Shot"}).forEach(c -> c.setCellStyle(styles.bold));
            for (ShotResult u : unmatched) {
                line.apply(new Object[]{u.sequence(), u.shot()});
            }
        }
        chart(s, first, lastBin);
    }

    private static void table(Function<Object[], XSSFRow> line, Styles styles, String title, Map<String, Integer> counts) {
        line.apply(new Object[]{title, "Shots"}).forEach(c -> c.setCellStyle(styles.bold));
        counts.forEach((k, v) -> line.apply(new Object[]{k, v}));
        line.apply(new Object[]{});
    }

    private static Map<String, Integer> count(List<ShotResult> results, Function<ShotResult, String> f) {
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ShotResult r : results) {
            String k = f.apply(r);
            counts.merge(k == null || k.isBlank() ? "(none)" : k, 1, Integer::sum);
        }
        return counts;
    }

    private static void chart(XSSFSheet s, int firstRow, int lastRow) {
        Charts.columns(s, firstRow, lastRow, 12, "Overall score distribution", "Shots", "Overall score", "Shots");
    }
}
