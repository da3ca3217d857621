package fi.digikunta.testing;

import fi.digikunta.read.CellRef;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

/**
 * Returns built to be slow within every size limit of the reader (docs/reading.md), one in reading
 * the styles part and one in validating, for the tests of the per-file time limit.
 */
public final class SlowReturns {
    private SlowReturns() {
    }

    /**
     * The return with 96 MB of empty elements (24 million) the reader skips at the end of its styles
     * part (about 13 MB compressed: under the file, entry and inflate-ratio limits, and no cell or
     * format to count), which takes seconds to parse on any machine.
     */
    public static byte[] slowInStyles(byte[] xlsx) {
        Map<String, byte[]> parts = ZipParts.read(xlsx);
        String styles = new String(parts.get("xl/styles.xml"), StandardCharsets.UTF_8);
        int end = styles.lastIndexOf("</styleSheet>");
        ByteArrayOutputStream b = new ByteArrayOutputStream(96 * 1024 * 1024);
        b.writeBytes(styles.substring(0, end).getBytes(StandardCharsets.UTF_8));
        b.writeBytes("<extLst>".getBytes(StandardCharsets.US_ASCII));
        Random rnd = new Random(11);
        byte[] el = "<x/>".getBytes(StandardCharsets.US_ASCII);
        while (b.size() < 96 * 1024 * 1024) {
            el[1] = (byte) ('a' + rnd.nextInt(16));
            b.writeBytes(el);
        }
        b.writeBytes("</extLst></styleSheet>".getBytes(StandardCharsets.US_ASCII));
        parts.put("xl/styles.xml", b.toByteArray());
        return ZipParts.write(parts);
    }

    /**
     * The return with its first area tab (sheet3) replaced by 10 rows of 4,000 cells, each the same
     * shared string of 32,767 characters: cheap to read (one string, 40,000 small cells), but every
     * cell of the rows where the header is searched for is a label to compare.
     */
    public static byte[] slowInValidation(byte[] xlsx) {
        Map<String, byte[]> parts = ZipParts.read(xlsx);
        String sst = new String(parts.get("xl/sharedStrings.xml"), StandardCharsets.UTF_8);
        int index = sst.split("<si>", -1).length - 1;
        Random rnd = new Random(5);
        StringBuilder text = new StringBuilder(32_767);
        while (text.length() < 32_767) {
            text.append((char) ('a' + rnd.nextInt(26)));
        }
        int end = sst.lastIndexOf("</sst>");
        parts.put("xl/sharedStrings.xml", (sst.substring(0, end) + "<si><t>" + text + "</t></si></sst>")
                .getBytes(StandardCharsets.UTF_8));
        String sheet = new String(parts.get("xl/worksheets/sheet3.xml"), StandardCharsets.UTF_8);
        StringBuilder rows = new StringBuilder(8 * 1024 * 1024);
        for (int r = 0; r < 10; r++) {
            rows.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < 4_000; c++) {
                rows.append("<c r=\"").append(CellRef.a1(r, c)).append("\" t=\"s\"><v>").append(index)
                        .append("</v></c>");
            }
            rows.append("</row>");
        }
        int from = sheet.indexOf("<sheetData");
        int to = sheet.indexOf("</sheetData>");
        if (from < 0 || to < 0) {
            throw new IllegalStateException("no sheetData in sheet3");
        }
        sheet = sheet.substring(0, from) + "<sheetData>" + rows + sheet.substring(to);
        parts.put("xl/worksheets/sheet3.xml", sheet.getBytes(StandardCharsets.UTF_8));
        return ZipParts.write(parts);
    }
}
