package fi.digikunta.read;

import fi.digikunta.testing.Fixtures;
import fi.digikunta.testing.HandWrittenXlsx;
import fi.digikunta.testing.TestReturn;
import fi.digikunta.testing.ZipParts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the seed inputs of {@link ReaderFuzzTest} (committed under
 * src/test/resources/fi/digikunta/read/ReaderFuzzTestInputs/): a few small valid and broken workbooks
 * for {@code read}, and for {@code readAndValidate} every part of a valid return in the layout
 * FuzzedDataProvider reads (the part's bytes, then the part index byte, then the mode byte: values
 * are taken from the end). Run from the project folder after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) fi.digikunta.read.FuzzSeeds}.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/fi/digikunta/read/ReaderFuzzTestInputs");
        Path read = Files.createDirectories(root.resolve("read"));
        byte[] hand = HandWrittenXlsx.write(TestReturn.valid());
        Map<String, byte[]> handParts = ZipParts.read(hand);
        write(read, "valid-handwritten.xlsx", hand);
        write(read, "valid-poi.xlsx", TestReturn.valid().toXlsx());
        write(read, "truncated.xlsx", Arrays.copyOf(hand, hand.length / 2));
        write(read, "doctype.xlsx", ZipParts.edit(hand, "xl/workbook.xml",
                s -> s.replace("?>\n", "?>\n<!DOCTYPE workbook [<!ENTITY x \"y\">]>")));
        write(read, "ods.ods", Fixtures.ods());
        write(read, "excel95.xls", Fixtures.excel95());
        write(read, "csv.xlsx", "Kunta;Tunnus\nHelsinki;091\n".getBytes(StandardCharsets.UTF_8));
        write(read, "empty-zip.xlsx", new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0});

        Path rv = Files.createDirectories(root.resolve("readAndValidate"));
        List<Map.Entry<String, byte[]>> parts = List.copyOf(ZipParts.read(TestReturn.valid().toXlsx()).entrySet());
        for (int i = 0; i < parts.size(); i++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(parts.get(i).getValue());
            b.write(i);
            b.write(1);
            write(rv, "part-" + parts.get(i).getKey().replace('/', '_').replace("[", "").replace("]", ""),
                    b.toByteArray());
        }
        write(rv, "cells-none", new byte[] {0, 0});
        write(rv, "cells-text", "Käytössä 1 200,50 %\u00a0#DIV/0!\u0000\u0001\u0002\u0003\u0004\u0005\u0006"
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path dir, String name, byte[] b) throws IOException {
        Files.write(dir.resolve(name), b);
    }
}
