package io.dailies.report.workbook;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Native Excel charts (POI's XDDF) of the workbooks Dailies writes. */
public final class Charts {

    private Charts() {
    }

    /**
     * A column chart beside a two-column table of the sheet: labels in column A and counts in column B of rows
     * {@code firstRow} to {@code lastRow}, placed from column D to {@code toColumn}; axis titles may be null.
     */
    public static XSSFChart columns(XSSFSheet s, int firstRow, int lastRow, int toColumn, String title, String series,
                                    String xTitle, String yTitle) {
        XSSFDrawing drawing = s.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 3, 1, toColumn, 20);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        if (xTitle != null) {
            bottom.setTitle(xTitle);
        }
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        if (yTitle != null) {
            left.setTitle(yTitle);
        }
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(s, new CellRangeAddress(firstRow, lastRow, 0, 0));
        XDDFNumericalDataSource<Double> counts = XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(firstRow, lastRow, 1, 1));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        data.addSeries(labels, counts).setTitle(series, null);
        chart.plot(data);
        return chart;
    }
}
