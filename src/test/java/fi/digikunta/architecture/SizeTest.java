package fi.digikunta.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Units a newcomer can read: no .java file in src/main over {@value #MAX_CLASS} lines (the whole file,
 * as wc -l counts it: imports, comments and nested classes included), no method or constructor over
 * {@value #MAX_METHOD} (from its signature to its closing brace, comments before it not counted).
 */
class SizeTest {
    static final int MAX_CLASS = 400;
    static final int MAX_METHOD = 60;

    @Test
    void noUnitIsTooBig() throws IOException {
        assertEquals(List.of(), tooBig(Path.of("src/main/java")), "units over the size limits");
    }

    /** The check itself, on a source made to break it: it must not pass everything. */
    @Test
    void theCheckSeesALongMethod(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        StringBuilder body = new StringBuilder("class Long {\n void m() {\n");
        for (int i = 0; i < MAX_METHOD; i++) {
            body.append("  int a").append(i).append(" = ").append(i).append(";\n");
        }
        body.append(" }\n}\n");
        Files.writeString(dir.resolve("Long.java"), body);
        assertEquals(List.of("Long.java: method m 62 lines"), tooBig(dir));
    }

    /** The file limit counts every line: a short class after a long header is still a long file. */
    @Test
    void theCheckSeesALongFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder("/**\n");
        for (int i = 0; i < MAX_CLASS - 2; i++) {
            text.append(" * line ").append(i).append('\n');
        }
        text.append(" */\nclass Big {\n}\n");
        Files.writeString(dir.resolve("Big.java"), text);
        assertEquals(List.of("Big.java: file " + (MAX_CLASS + 2) + " lines"), tooBig(dir));
    }

    static List<String> tooBig(Path root) throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                CompilationUnit cu = StaticJavaParser.parse(f);
                String name = root.relativize(f).toString();
                int fileLines = Files.readAllLines(f).size();
                if (fileLines > MAX_CLASS) {
                    out.add(name + ": file " + fileLines + " lines");
                }
                for (CallableDeclaration<?> m : cu.findAll(CallableDeclaration.class)) {
                    int lines = lines(m);
                    if (lines > MAX_METHOD) {
                        out.add(name + ": method " + m.getNameAsString() + " " + lines + " lines");
                    }
                }
            }
        }
        return out;
    }

    private static int lines(com.github.javaparser.ast.Node n) {
        var r = n.getRange().orElseThrow();
        int begin = r.begin.line;
        // The range starts at the Javadoc where there is one; the unit starts after it.
        if (n.getComment().isPresent()) {
            begin = n.getComment().get().getRange().orElseThrow().end.line + 1;
        }
        return r.end.line - begin + 1;
    }
}
