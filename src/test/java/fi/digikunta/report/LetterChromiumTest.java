package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13: the municipality pages of the sample run (samples/expected, which GoldenSamplesTest
 * keeps equal to a fresh run) as a municipality sees them in headless Chromium. Screenshots at
 * 1,400 and 390 px and A4 PDFs go to target/screenshots/. Checked: the page's language and title,
 * that page one of the print holds the outcome, what to do and the fix list (pdftotext), that no
 * element is wider than the viewport (an inline script, added only in the test's copy of the page,
 * writes its measurements into the DOM, read back with --dump-dom), and that every kind of finding
 * the file has is listed with its count. Skipped where chromium or pdftotext is missing.
 */
class LetterChromiumTest {
    static final Path PAGES = Path.of("samples", "expected", "municipalities");
    static final Path SHOTS = ChromiumReportTest.SHOTS;
    /** Headless Chromium lays out --dump-dom at least 500 px wide: the page is held to W px by its root instead. */
    static final String MEASURE = "<script>(function(){var w=document.documentElement.getBoundingClientRect().width,"
            + "bad=[],sc=[];"
            + "document.querySelectorAll('body *').forEach(function(e){var s=e.closest('.scroll');"
            + "if(s&&s!==e)return;var r=e.getBoundingClientRect();"
            + "if(r.width>0&&(r.right>w+0.5||r.left<-0.5))bad.push(e.tagName+'.'+e.className+' '+Math.round(r.right));});"
            + "document.querySelectorAll('.scroll').forEach(function(s){if(s.scrollWidth>s.clientWidth+1)"
            + "sc.push((s.querySelector('caption,th')||s).textContent.trim().slice(0,40));});"
            + "var o=document.createElement('pre');o.id='measure';o.textContent=JSON.stringify({w:w,"
            + "doc:Math.round(document.body.getBoundingClientRect().width),bad:bad,scrolls:sc});"
            + "document.body.appendChild(o);})();"
            + "</script>";

    /** code, file, language, title (the h1 and title start), first words of page one's letter. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "853|853-turku.xlsx|fi|Turku (853)|Teidän ei tarvitse tehdä mitään.|Havainnot lajeittain",
        "035|035-brando-sv.xlsx|sv|Brändö (035)|Ni behöver inte göra något.|Inget att rätta.",
        "423|broken-missing-column.xlsx|fi|Lieto (423)|Korjatkaa tiedosto ja lähettäkää se uudelleen.|Syy:"})
    void aPageReadsAsALetterOnScreenAndInPrint(String code, String file, String lang, String title, String action,
            String onPageOne, @TempDir Path tmp) throws Exception {
        Path page = PAGES.resolve(code + ".html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains("<html lang=\"" + lang + "\">"), "page language " + lang);
        assertTrue(html.contains("<title>" + title + " – "), "title " + title);

        for (int width : new int[] {1400, 390}) {
            ChromiumReportTest.assertClean(ChromiumReportTest.load(page,
                    SHOTS.resolve("letter-" + code + "-" + width + ".png"), width + ",2400", tmp, false));
            JsonNode m = measure(page, width, tmp);
            assertEquals(width, m.get("w").asInt(), "viewport");
            assertEquals("[]", m.get("bad").toString(), code + " at " + width + " px: elements wider than the page");
            assertTrue(m.get("doc").asInt() <= width, code + " at " + width + " px: the body is wider " + m);
            if (width == 1400) {
                assertEquals("[]", m.get("scrolls").toString(), code + ": a table overflows its box at 1,400 px");
            }
        }

        ChromiumReportTest.Load pdf = ChromiumReportTest.load(page, SHOTS.resolve("letter-" + code + ".pdf"),
                "1400,2400", tmp, true);
        ChromiumReportTest.assertClean(pdf);
        String pageOne = pdfPageOne(pdf.output());
        String flat = pageOne.replaceAll("\\s+", " ");
        assertTrue(flat.contains(title), "page one names the municipality:\n" + pageOne);
        assertTrue(flat.contains(file), "page one names the file:\n" + pageOne);
        assertTrue(flat.contains(action), "page one says what to do:\n" + pageOne);
        assertTrue(flat.contains(onPageOne), "page one holds the fixes:\n" + pageOne);
    }

    /** Every kind of finding a file has, with the number the findings table gives, is on its page. */
    @Test
    void everyKindOfFindingIsListedWithItsCount() throws Exception {
        Map<String, Map<String, Integer>> byFile = new TreeMap<>();
        Map<String, String> codeOfFile = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(Path.of("samples", "expected", "findings.csv"))) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                byFile.computeIfAbsent(rec.get("file"), k -> new TreeMap<>()).merge(rec.get("code"), 1, Integer::sum);
                codeOfFile.put(rec.get("file"), rec.get("municipality_code"));
            }
        }
        Pattern row = Pattern.compile("<tr data-kind=\"([a-z-]+)\">.*?<td class=\"num\">([0-9]+)</td></tr>");
        int checked = 0;
        for (var e : byFile.entrySet()) {
            String code = codeOfFile.get(e.getKey());
            Path page = PAGES.resolve(code + ".html");
            if (code.isEmpty() || !Files.exists(page) || e.getKey().startsWith("837-tampere-2026-01")) {
                continue;
            }
            String html = Files.readString(page, StandardCharsets.UTF_8);
            Map<String, Integer> shown = new TreeMap<>();
            Matcher m = row.matcher(html);
            while (m.find()) {
                shown.merge(m.group(1), Integer.parseInt(m.group(2)), Integer::sum);
            }
            assertEquals(e.getValue(), shown, e.getKey() + " on " + page);
            checked++;
        }
        assertTrue(checked >= 10, "pages checked: " + checked);
    }

    /** Loads a copy of the page with the measuring script (the real page has none, and its CSP forbids one). */
    static JsonNode measure(Path page, int width, Path tmp) throws Exception {
        Path chromium = ChromiumReportTest.chromium();
        assumeTrue(chromium != null, "chromium not installed");
        String html = Files.readString(page, StandardCharsets.UTF_8)
                .replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
                .replace("</head>", "<style>html{width:" + width + "px}</style></head>")
                .replace("</body>", MEASURE + "</body>");
        Path dir = Files.createDirectories(tmp.resolve("measure"));
        Path copy = dir.resolve(width + "-" + page.getFileName());
        Files.writeString(copy, html, StandardCharsets.UTF_8);
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--proxy-server=127.0.0.1:9",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile, "--hide-scrollbars",
                "--window-size=" + width + ",2400", "--dump-dom", copy.toUri().toString()));
        Path out = tmp.resolve("dom-" + width + ".html");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium timed out on " + copy);
        }
        Matcher m = Pattern.compile("<pre id=\"measure\">(.*?)</pre>", Pattern.DOTALL)
                .matcher(Files.readString(out, StandardCharsets.UTF_8));
        assertTrue(m.find(), "no measurement in the dumped DOM of " + copy);
        return new ObjectMapper().readTree(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
    }

    private static String pdfPageOne(Path pdf) throws Exception {
        Path tool = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "pdftotext"))) {
                tool = Path.of(dir, "pdftotext");
            }
        }
        assumeTrue(tool != null, "pdftotext not installed (poppler-utils)");
        Process p = new ProcessBuilder(tool.toString(), "-f", "1", "-l", "1", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftotext failed on " + pdf);
        return text;
    }
}
