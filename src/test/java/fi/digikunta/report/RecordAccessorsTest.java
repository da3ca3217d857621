package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every accessor of every record in the main classes returns its field and does nothing else, as
 * its bytecode shows ({@code javap}): {@link RecordWrapper} reads this jar's records through their
 * fields, and so does report.json's mapper ({@link JsonReportWriter#COMPACT}), so an accessor that
 * computed would be skipped in the pages and in report.json. A record that needs one should compute
 * in its constructor or in a method of another name.
 */
class RecordAccessorsTest {
    private static final Pattern INSTRUCTION = Pattern.compile("^\\s+\\d+: (\\w+)(.*)$");

    @Test
    void everyAccessorOfAMainRecordReturnsItsField() throws Exception {
        Path classes = Path.of(RecordWrapper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(classes), "the main classes as a folder: " + classes);
        List<Class<?>> records = new ArrayList<>();
        List<String> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(classes)) {
            for (Path file : all.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, RecordWrapper.class.getClassLoader());
                if (type.isRecord()) {
                    records.add(type);
                    files.add(file.toString());
                }
            }
        }
        assertTrue(records.size() >= 50, "records found: " + records.size());
        // One javap for all: its output has a "Compiled from" line before each class, in order.
        String[] code = javap(files.toArray(String[]::new)).split("(?m)^Compiled from .*\n");
        assertEquals(records.size() + 1, code.length, "one listing per record");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            // "X extends java.lang.Record", or "X<T> extends ..." for a generic record.
            assertTrue(code[i + 1].matches("(?s).* class " + Pattern.quote(records.get(i).getName())
                    + "(<[^\\n]*>)? extends java\\.lang\\.Record.*"), records.get(i).getName());
            problems.addAll(problems(records.get(i), code[i + 1]));
        }
        assertEquals(List.of(), problems);
    }

    /** The check itself finds an accessor that computes (a record of the tests). */
    @Test
    void anAccessorThatComputesIsFound() throws Exception {
        Path classes = Path.of(RecordWrapperTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path boom = classes.resolve("fi/digikunta/report/RecordWrapperTest$Boom.class");
        assertEquals(List.of("fi.digikunta.report.RecordWrapperTest$Boom.v(): [new, dup, ldc, invokespecial, athrow]"),
                problems(RecordWrapperTest.Boom.class, javap(boom.toString())));
        assertEquals(List.of(), problems(RecordWrapperTest.Cell.class,
                javap(classes.resolve("fi/digikunta/report/RecordWrapperTest$Cell.class").toString())));
    }

    /** Each accessor of {@code type} whose code (in {@code javap -c -p}) is not "this.field; return". */
    static List<String> problems(Class<?> type, String code) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            List<String> ops = new ArrayList<>();
            String field = null;
            boolean inMethod = false;
            for (String line : code.split("\n")) {
                if (line.matches("^  \\S.*[ .]" + Pattern.quote(c.getName()) + "\\(\\);$")) {
                    inMethod = true;
                    continue;
                }
                if (inMethod) {
                    Matcher m = INSTRUCTION.matcher(line);
                    if (m.matches()) {
                        ops.add(m.group(1));
                        if (m.group(1).equals("getfield")) {
                            field = m.group(2).replaceAll(".*// Field ([^:]+):.*", "$1");
                        }
                    } else if (!ops.isEmpty() || line.isBlank()) {
                        break;
                    }
                }
            }
            boolean plain = ops.size() == 3 && ops.get(0).equals("aload_0") && ops.get(1).equals("getfield")
                    && ops.get(2).endsWith("return") && c.getName().equals(field);
            if (!plain) {
                out.add(type.getName() + "." + c.getName() + "(): " + ops);
            }
        }
        return out;
    }

    private static String javap(String... classFiles) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(() -> new AssertionError("no javap"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("-c", "-p"));
        args.addAll(List.of(classFiles));
        int code = javap.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        return out.toString().replace("\r\n", "\n");
    }
}
