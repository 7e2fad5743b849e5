package io.dailies.report;

import io.dailies.core.TakeResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The run's dailies as a workbook: sheet "Takes" has one row per shot with its prompt, video id,
 * status, take file and the five acceptance criteria as columns. A criterion without a score stays
 * empty and carries the reason as a cell comment. Written with streaming rows, so long runs fit.
 */
public final class RunReport {

    public static final String SHEET = "Takes";
    /** The column with each take's thumbnail picture. */
    public static final String THUMBNAIL = "Thumbnail";
    public static final List<String> HEADERS;

    static {
        var h = new java.util.ArrayList<>(List.of("Sequence", "Shot", "Prompt", "Video id", "Status", "Take file"));
        h.addAll(TakeResult.CRITERIA);
        h.addAll(List.of("Overall", "Verdict", "Notes"));
        // The judge's opinions stand apart from the measured criteria and never replace them.
        h.addAll(List.of("Judge: prompt adherence", "Judge: physical realism"));
        // Review columns: edit Verdict or Reviewer notes in Excel and upload the workbook back.
        h.add("Reviewer notes");
        // What the take cost and how it was bought: one create call (sync) or the Batch API (half price).
        h.addAll(List.of("Mode", "Cost (USD)"));
        // A frame of the take, to know it at a glance (added last, so the columns before keep their letters).
        h.add(THUMBNAIL);
        HEADERS = List.copyOf(h);
    }

    private static final int THUMBNAIL_COLUMN = 19;
    /** A 16:9 frame fills the 18-character column at this row height. */
    private static final float THUMBNAIL_ROW_POINTS = 54f;

    private RunReport() {
    }

    /**
     * Above this many rows a criterion's note is not also attached as a cell comment: POI keeps comments
     * in memory until the file is written (about 19 KB a row), and the Notes column says the same.
     */
    public static final int MAX_ROWS_WITH_COMMENTS = 2_000;

    public static void write(Path target, List<TakeResult> rows, Map<String, String> summary) throws IOException {
        write(target, rows, rows.size() <= MAX_ROWS_WITH_COMMENTS, () -> summary);
    }

    /**
     * Streams the rows into the workbook as they come (SXSSF keeps 200 in memory), so a 100,000-take
     * report needs no more heap than a small one; the summary is asked for after the last row.
     */
    public static void write(Path target, Iterable<TakeResult> rows, boolean comments, java.util.function.Supplier<Map<String, String>> summaryAfterRows)
            throws IOException {
        write(target, rows, comments, summaryAfterRows, null);
    }

    /**
     * The same report, and then {@code more} adds its own sheets after the Takes and Run sheets (the morning
     * dailies add a summary with a chart); null adds nothing.
     */
    public static void write(Path target, Iterable<TakeResult> rows, boolean comments, java.util.function.Supplier<Map<String, String>> summaryAfterRows,
                             java.util.function.Consumer<SXSSFWorkbook> more) throws IOException {
        write(target, rows, comments, summaryAfterRows, more, null);
    }

    /**
     * The same report with each take's thumbnail in its last column: {@code thumbnails} gives a row's JPEG file (null,
     * or a missing file, for none). Pictures go with the comments: only into a report small enough for them.
     */
    public static void write(Path target, Iterable<TakeResult> rows, boolean comments, java.util.function.Supplier<Map<String, String>> summaryAfterRows,
                             java.util.function.Consumer<SXSSFWorkbook> more, java.util.function.Function<TakeResult, Path> thumbnails)
            throws IOException {
        // A temp file of its own: two downloads of the same report must not write into each other.
        Path partial = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(partial)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);

            SXSSFSheet sheet = wb.createSheet(SHEET);
            sheet.createFreezePane(2, 1);
            int[] widths = {14, 10, 80, 34, 12, 50, 12, 12, 12, 12, 12, 10, 10, 80, 14, 14, 40, 8, 11, 18};
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            CreationHelper factory = wb.getCreationHelper();
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            int r = 1;
            for (TakeResult row : rows) {
                Row x = sheet.createRow(r);
                text(x, 0, row.sequence());
                text(x, 1, row.shot());
                text(x, 2, row.prompt()).setCellStyle(wrap);
                text(x, 3, row.videoId());
                text(x, 4, row.status());
                text(x, 5, row.takeFile());
                for (int k = 0; k < row.criteria().size(); k++) {
                    TakeResult.Criterion c = row.criteria().get(k);
                    var cell = x.createCell(6 + k);
                    if (c.score() != null) {
                        cell.setCellValue(c.score());
                    }
                    if (comments && c.note() != null && !c.note().isBlank()) {
                        ClientAnchor anchor = factory.createClientAnchor();
                        anchor.setCol1(6 + k);
                        anchor.setCol2(6 + k + 4);
                        anchor.setRow1(r);
                        anchor.setRow2(r + 4);
                        Comment comment = drawing.createCellComment(anchor);
                        comment.setString(factory.createRichTextString(c.note()));
                        comment.setAuthor("Dailies");
                        cell.setCellComment(comment);
                    }
                }
                if (row.overall() != null) {
                    x.createCell(11).setCellValue(row.overall());
                }
                text(x, 12, row.verdict());
                text(x, 13, row.notes()).setCellStyle(wrap);
                if (row.judgePromptAdherence() != null) {
                    x.createCell(14).setCellValue(row.judgePromptAdherence());
                }
                if (row.judgePhysicalRealism() != null) {
                    x.createCell(15).setCellValue(row.judgePhysicalRealism());
                }
                if (row.reviewerNotes() != null) {
                    text(x, 16, row.reviewerNotes()).setCellStyle(wrap);
                }
                text(x, 17, row.mode());
                if (row.costUsd() != null) {
                    var cost = x.createCell(18);
                    cost.setCellValue(row.costUsd().doubleValue());
                    cost.setCellStyle(money);
                }
                Path thumbnail = comments && thumbnails != null ? thumbnails.apply(row) : null;
                if (thumbnail != null && Files.isRegularFile(thumbnail)) {
                    int picture = wb.addPicture(Files.readAllBytes(thumbnail), Workbook.PICTURE_TYPE_JPEG);
                    ClientAnchor at = factory.createClientAnchor();
                    at.setCol1(THUMBNAIL_COLUMN);
                    at.setRow1(r);
                    at.setCol2(THUMBNAIL_COLUMN + 1);
                    at.setRow2(r + 1);
                    at.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
                    drawing.createPicture(at, picture);
                    x.setHeightInPoints(THUMBNAIL_ROW_POINTS);
                }
                r++;
            }

            Sheet info = wb.createSheet("Run");
            int i = 0;
            for (Map.Entry<String, String> e : summaryAfterRows.get().entrySet()) {
                Row x = info.createRow(i++);
                x.createCell(0).setCellValue(e.getKey());
                x.getCell(0).setCellStyle(bold);
                x.createCell(1).setCellValue(e.getValue());
            }
            info.setColumnWidth(0, 24 * 256);
            info.setColumnWidth(1, 60 * 256);
            if (more != null) {
                more.accept(wb);
            }
            wb.write(out);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static org.apache.poi.ss.usermodel.Cell text(Row row, int column, String value) {
        var cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        return cell;
    }
}
