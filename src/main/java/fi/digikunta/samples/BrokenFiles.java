package fi.digikunta.samples;

import fi.digikunta.template.StableZip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.crypt.agile.AgileEncryptionHeader;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Files that are not readable returns, made deterministically: each imitates something that
 * reaches the inbox in practice (a CSV export renamed, a mail attachment cut short, a password, a
 * LibreOffice or old Excel format, a zip bomb, an XML external entity).
 */
final class BrokenFiles {
    private BrokenFiles() {
    }

    /** A semicolon CSV export with the .xlsx name it was given. */
    static byte[] csv(List<String[]> rows) {
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.append(String.join(";", r)).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The first part of a file, as when a download or mail attachment is cut off. */
    static byte[] truncated(byte[] file, double keep) {
        return Arrays.copyOf(file, (int) (file.length * keep));
    }

    /**
     * The workbook protected with a password ("agile" encryption, as Excel does). The salts and
     * keys, random in real use, come from {@code random} so that the file is reproducible.
     */
    static byte[] encrypted(byte[] xlsx, String password, Random random) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            AgileEncryptionHeader h = (AgileEncryptionHeader) info.getHeader();
            int block = h.getBlockSize();
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword(password, bytes(random, h.getKeySize() / 8), bytes(random, block),
                    bytes(random, block), bytes(random, block), bytes(random, h.getHashAlgorithm().hashSize));
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(xlsx);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption not available: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /**
     * A minimal, valid OpenDocument spreadsheet (what LibreOffice saves by default): the mimetype
     * entry first and stored, a manifest, and one table holding the identification block.
     */
    static byte[] ods(String tableName, List<String[]> rows, Instant time) {
        StringBuilder t = new StringBuilder();
        for (String[] r : rows) {
            t.append("<table:table-row>");
            for (String c : r) {
                t.append("<table:table-cell office:value-type=\"string\"><text:p>").append(xml(c))
                        .append("</text:p></table:table-cell>");
            }
            t.append("</table:table-row>\n");
        }
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\n"
                + "<office:body><office:spreadsheet>\n<table:table table:name=\"" + xml(tableName) + "\">\n"
                + t + "</table:table>\n</office:spreadsheet></office:body></office:document-content>\n";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                + " manifest:version=\"1.2\">\n"
                + " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
                + " manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\n"
                + " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
                + "</manifest:manifest>\n";
        byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
        LocalDateTime local = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mimetype.length);
            m.setCompressedSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            m.setCrc(crc.getValue());
            m.setTimeLocal(local);
            z.putNextEntry(m);
            z.write(mimetype);
            z.closeEntry();
            for (Map.Entry<String, String> e : Map.of("META-INF/manifest.xml", manifest, "content.xml", content)
                    .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTimeLocal(local);
                z.putNextEntry(ze);
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** An Excel 97-2003 workbook (.xls) with the identification block on its one sheet. */
    static byte[] xls(String sheetName, List<String[]> rows) {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet sh = wb.createSheet(sheetName);
            for (int i = 0; i < rows.size(); i++) {
                Row r = sh.createRow(i);
                for (int c = 0; c < rows.get(i).length; c++) {
                    r.createCell(c).setCellValue(rows.get(i)[c]);
                }
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            wb.write(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workbook whose one worksheet part inflates from a few dozen kilobytes to {@code padding}
     * bytes of white space (legal XML, but the compression ratio of a zip bomb).
     */
    static byte[] zipBomb(byte[] xlsx, String entry, int padding, Instant time) {
        return StableZip.rewrite(xlsx, time, Map.of(entry, old -> {
            String s = new String(old, StandardCharsets.UTF_8);
            int decl = s.startsWith("<?xml") ? s.indexOf("?>") + 2 : 0;
            byte[] head = s.substring(0, decl).getBytes(StandardCharsets.UTF_8);
            byte[] tail = s.substring(decl).getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[head.length + padding + tail.length];
            System.arraycopy(head, 0, out, 0, head.length);
            Arrays.fill(out, head.length, head.length + padding, (byte) ' ');
            System.arraycopy(tail, 0, out, head.length + padding, tail.length);
            return out;
        }));
    }

    /** A workbook whose workbook part declares a DTD with an external entity (an XXE attempt). */
    static byte[] doctype(byte[] xlsx, Instant time) {
        return StableZip.rewrite(xlsx, time, Map.of("xl/workbook.xml", old -> {
            String s = new String(old, StandardCharsets.UTF_8);
            int decl = s.startsWith("<?xml") ? s.indexOf("?>") + 2 : 0;
            return (s.substring(0, decl) + "\n<!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                    + s.substring(decl)).getBytes(StandardCharsets.UTF_8);
        }));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
