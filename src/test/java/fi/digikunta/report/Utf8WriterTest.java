package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Utf8Writer writes the bytes an OutputStreamWriter in UTF-8 writes, however the text is cut into calls. */
class Utf8WriterTest {
    /** Writes the pieces with each kind of call in turn, then flushes (never closes, as the writers do). */
    private static byte[] write(List<String> pieces, boolean fast) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Writer w = fast ? new Utf8Writer(b) : new OutputStreamWriter(b, StandardCharsets.UTF_8);
        int k = 0;
        for (String p : pieces) {
            switch (k++ % 6) {
                case 0 -> w.write(p);
                case 1 -> w.write(p.toCharArray(), 0, p.length());
                case 2 -> w.append(new StringBuilder("<").append(p).append(">"), 1, p.length() + 1);
                case 3 -> p.chars().forEach(c -> {
                    try {
                        w.write(c);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                case 4 -> w.write("x" + p + "y", 1, p.length());
                default -> w.append("(" + p + ")", 1, p.length() + 1);
            }
        }
        w.flush();
        return b.toByteArray();
    }

    private static void same(List<String> pieces) throws IOException {
        assertArrayEquals(write(pieces, false), write(pieces, true), pieces.toString());
    }

    @Test
    void textOfEveryWidth() throws IOException {
        same(List.of("Hämeenlinna – Åland ", "€ 1 234,50", "😀 and 𝄞", "plain ascii", "ÿ\u07ff\u0800\uffff"));
    }

    @Test
    void unpairedAndSplitSurrogates() throws IOException {
        same(List.of("a\ud83d", "\ude00b")); // a pair cut between two calls
        same(List.of("lone low \ude00 here"));
        same(List.of("high then high \ud83d\ud83d\ude00"));
        same(List.of("high then text \ud83dx"));
        same(List.of("ends high \ud83d")); // never written by a flush, as OutputStreamWriter
    }

    @Test
    void longAndRandomText() throws IOException {
        Random r = new Random(16);
        String alphabet = "aZ09<>&\"';,\r\n\täöåÄÖÅ€–—\u2714\u25CF\ud83d\ude00\ud800\udc00\ude00\ud83d";
        for (int round = 0; round < 50; round++) {
            List<String> pieces = new ArrayList<>();
            for (int i = 0, count = r.nextInt(40); i < count; i++) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0, len = r.nextInt(round == 0 ? 70_000 : 300); j < len; j++) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                pieces.add(sb.toString());
            }
            same(pieces);
        }
    }
}
