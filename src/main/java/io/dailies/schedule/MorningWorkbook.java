package io.dailies.schedule;

import io.dailies.report.workbook.Charts;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The morning dailies' own sheet, added after the run report's Takes and Run sheets: "Summary", the night in
 * figures (takes made, accepted, to review, to retake, failed, deferred, accepted seconds, spend against the
 * night's budget), the most frequent reasons, and a native Excel bar chart of the takes by outcome. The sheet is
 * made in the streaming workbook's underlying XSSF workbook, which is what lets it hold a chart.
 */
public final class MorningWorkbook {

    public static final String SHEET = "Summary";
    public static final String CHART_TITLE = "The night's takes";
    /** The chart's categories, in its order; their counts are in the rows below {@link #CHART_DATA_HEADER}. */
    public static final String[] OUTCOMES = {"Accepted", "To review", "To retake", "Failed", "Deferred"};
    public static final String CHART_DATA_HEADER = "Takes by outcome";
    public static final String REASONS_HEADER = "Most frequent reasons";

    private MorningWorkbook() {
    }

    /** Adds the summary sheet, with {@code head} (project, night, window, run...) first. */
    public static void addSummary(SXSSFWorkbook streaming, Map<String, String> head, NightSummary s) {
        XSSFWorkbook wb = streaming.getXSSFWorkbook();
        XSSFSheet sheet = wb.createSheet(SHEET);
        CellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        int[] r = {0};
        head.forEach((k, v) -> {
            XSSFRow row = sheet.createRow(r[0]++);
            row.createCell(0).setCellValue(k);
            row.getCell(0).setCellStyle(bold);
            row.createCell(1).setCellValue(v == null ? "" : v);
        });
        r[0]++;
        number(sheet, r[0]++, "Takes made", s.made(), bold, null);
        number(sheet, r[0]++, "Accepted", s.accepted(), bold, null);
        number(sheet, r[0]++, "To review", s.toReview(), bold, null);
        number(sheet, r[0]++, "To retake", s.toRetake(), bold, null);
        number(sheet, r[0]++, "Failed", s.failed(), bold, null);
        number(sheet, r[0]++, "Deferred to the next night", s.deferred(), bold, null);
        number(sheet, r[0]++, "Accepted seconds", s.acceptedSeconds(), bold, null);
        number(sheet, r[0]++, "Spend (USD)", s.spentUsd().doubleValue(), bold, money);
        if (s.budgetUsd() != null) {
            number(sheet, r[0]++, "Night's budget (USD)", s.budgetUsd().doubleValue(), bold, money);
            number(sheet, r[0]++, "Budget left (USD)", s.budgetUsd().subtract(s.spentUsd()).doubleValue(), bold, money);
        }
        r[0]++;
        XSSFRow reasonsHeader = sheet.createRow(r[0]++);
        reasonsHeader.createCell(0).setCellValue(REASONS_HEADER);
        reasonsHeader.getCell(0).setCellStyle(bold);
        reasonsHeader.createCell(1).setCellValue("Takes");
        reasonsHeader.getCell(1).setCellStyle(bold);
        if (s.reasons().isEmpty()) {
            sheet.createRow(r[0]++).createCell(0).setCellValue("(none: no take failed or is to be retaken)");
        }
        for (NightSummary.Reason reason : s.reasons()) {
            number(sheet, r[0]++, reason.reason(), reason.takes(), null, null);
        }
        r[0]++;
        XSSFRow dataHeader = sheet.createRow(r[0]++);
        dataHeader.createCell(0).setCellValue(CHART_DATA_HEADER);
        dataHeader.getCell(0).setCellStyle(bold);
        int first = r[0];
        int[] counts = {s.accepted(), s.toReview(), s.toRetake(), s.failed(), s.deferred()};
        for (int i = 0; i < OUTCOMES.length; i++) {
            number(sheet, r[0]++, OUTCOMES[i], counts[i], null, null);
        }
        int last = r[0] - 1;
        sheet.setColumnWidth(0, 60 * 256);
        sheet.setColumnWidth(1, 40 * 256);

        Charts.columns(sheet, first, last, 11, CHART_TITLE, "Takes", null, "Takes");
    }

    private static void number(XSSFSheet sheet, int rowIndex, String label, double value, CellStyle labelStyle, CellStyle valueStyle) {
        XSSFRow row = sheet.createRow(rowIndex);
        row.createCell(0).setCellValue(label);
        if (labelStyle != null) {
            row.getCell(0).setCellStyle(labelStyle);
        }
        row.createCell(1).setCellValue(value);
        if (valueStyle != null) {
            row.getCell(1).setCellStyle(valueStyle);
        }
    }
}
