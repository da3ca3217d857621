package fi.digikunta.template;

import fi.digikunta.schema.Schema;
import java.util.List;
import java.util.ResourceBundle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
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

/**
 * The two charts of the summary tab, standard DrawingML chart parts that Excel and LibreOffice
 * draw and redraw from the figures table: the index of each area on a 0-100 axis whose gridlines
 * are the level bands, and the statuses of each area as stacked bars.
 */
record SummaryCharts(Schema schema, ResourceBundle text) {
    void draw(XSSFSheet sh, int firstRow, int lastRow, int top, List<String> columns) {
        XSSFDrawing drawing = sh.createDrawingPatriarch();
        String[] names = new String[lastRow - firstRow + 1];
        for (int r = firstRow; r <= lastRow; r++) {
            names[r - firstRow] = sh.getRow(r).getCell(0).getStringCellValue();
        }
        XDDFDataSource<String> areas = XDDFDataSourcesFactory.fromArray(names, range(sh, firstRow, lastRow, 0));
        indexChart(drawing.createChart(new XSSFClientAnchor(0, 0, 0, 0, 0, top, 5, top + 22)), sh, areas, firstRow,
                lastRow, columns.indexOf("INDEX"));
        statusChart(drawing.createChart(new XSSFClientAnchor(0, 0, 0, 0, 5, top, 14, top + 22)), sh, areas, firstRow,
                lastRow, columns);
    }

    private void indexChart(XSSFChart chart, XSSFSheet sh, XDDFDataSource<String> areas, int first, int last,
            int col) {
        XDDFBarChartData data = bars(chart, "summary.chart.index");
        XDDFValueAxis y = data.getValueAxes().get(0);
        y.setMaximum(100);
        // Gridlines at the level thresholds (25, 50, 75) make the bands visible.
        List<Double> t = schema.figures().levelThresholds();
        y.setMajorUnit(t.get(0));
        gridlines(y, 0x70, 1.5);
        XDDFNumericalDataSource<Double> v = numbers(sh, first, last, col);
        var series = data.addSeries(areas, v);
        series.setTitle(text.getString("summary.fig.INDEX"), null);
        fill(series, 0x1F, 0x77, 0xB4);
        data.setVaryColors(false);
        chart.plot(data);
    }

    private void statusChart(XSSFChart chart, XSSFSheet sh, XDDFDataSource<String> areas, int first, int last,
            List<String> columns) {
        XDDFBarChartData data = bars(chart, "summary.chart.status");
        data.setBarGrouping(BarGrouping.STACKED);
        int n = schema.statuses().size();
        for (int c = 1; c <= n + 1; c++) {
            XDDFNumericalDataSource<Double> v = numbers(sh, first, last, c);
            String title = sh.getRow(first - 1).getCell(c).getStringCellValue();
            var series = data.addSeries(areas, v);
            int[] rgb = STATUS_COLOURS[Math.min(c - 1, STATUS_COLOURS.length - 1)];
            fill(series, rgb[0], rgb[1], rgb[2]);
            series.setTitle(title, new org.apache.poi.ss.util.CellReference(sh.getSheetName(),
                    first - 1, c, true, true));
        }
        data.setVaryColors(false);
        chart.plot(data);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    }

    /**
     * A column of the table as a series: its reference, and as cache the blank template's cached
     * values (POI would evaluate the formulas for it, which it cannot); the programs redraw from the
     * cells.
     */
    private static XDDFNumericalDataSource<Double> numbers(XSSFSheet sh, int first, int last, int col) {
        Double[] values = new Double[last - first + 1];
        for (int r = first; r <= last; r++) {
            org.apache.poi.ss.usermodel.Cell c = sh.getRow(r).getCell(col);
            values[r - first] = c.getCachedFormulaResultType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                    ? c.getNumericCellValue() : 0.0;
        }
        return XDDFDataSourcesFactory.fromArray(values, range(sh, first, last, col));
    }

    private static String range(XSSFSheet sh, int first, int last, int col) {
        return new CellRangeAddress(first, last, col, col).formatAsString(sh.getSheetName(), true);
    }

    /** In use green, planned amber, not adopted red, unanswered grey. */
    private static final int[][] STATUS_COLOURS = {{0x2C, 0xA0, 0x2C}, {0xFF, 0x9F, 0x1C}, {0xD6, 0x27, 0x28},
            {0xB0, 0xB0, 0xB0}};

    /** A solid fill: without one LibreOffice draws the bars invisible. */
    private static void fill(org.apache.poi.xddf.usermodel.chart.XDDFChartData.Series series, int r, int g, int b) {
        org.apache.poi.xddf.usermodel.XDDFShapeProperties p = new org.apache.poi.xddf.usermodel.XDDFShapeProperties();
        p.setFillProperties(new org.apache.poi.xddf.usermodel.XDDFSolidFillProperties(
                org.apache.poi.xddf.usermodel.XDDFColor.from(new byte[] {(byte) r, (byte) g, (byte) b})));
        series.setShapeProperties(p);
    }

    /**
     * Gridlines drawn as solid grey lines of a width: with an empty shape, as POI writes them,
     * LibreOffice draws none, and the index chart's level bands would show only on the axis labels.
     */
    private static void gridlines(XDDFValueAxis y, int grey, double points) {
        var line = new org.apache.poi.xddf.usermodel.XDDFLineProperties(new org.apache.poi.xddf.usermodel
                .XDDFSolidFillProperties(org.apache.poi.xddf.usermodel.XDDFColor.from(new byte[] {(byte) grey,
                        (byte) grey, (byte) grey})));
        line.setWidth(points);
        y.getOrAddMajorGridProperties().setLineProperties(line);
    }

    /** Horizontal bars from 0 with gridlines, under a title from the bundle. */
    private XDDFBarChartData bars(XSSFChart chart, String titleKey) {
        chart.setTitleText(text.getString(titleKey));
        chart.setTitleOverlay(false);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.BOTTOM);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setMinimum(0);
        gridlines(y, 0xC8, 0.75);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.BAR);
        return data;
    }
}
