package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.bench.ChromiumRender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html and a municipality page in headless Chromium, saves screenshots under
 * target/screenshots/, and checks that the page logged nothing to the console (no script error, no
 * Content-Security-Policy violation) and made no network request. Requests are read from
 * Chromium's net log: a request whose network isolation key is the file:// page's is one the page
 * made. Chromium's own background requests (updates, sign-in) have other keys; a dead loopback
 * proxy and a resolver that finds no host keep every one of them on this machine. A deliberately
 * bad page is loaded too, to show that the checks catch what they should. Skipped where chromium is
 * not installed (.ci/run installs it).
 */
class ChromiumReportTest {
    static final Path SHOTS = Path.of("target", "screenshots");

    record Load(List<String> console, List<String> pageRequests, Path output) {
    }

    static Path chromium() {
        return ChromiumRender.chromium();
    }

    static Load load(Path page, Path output, String windowSize, Path tmp, boolean pdf) throws Exception {
        Path chromium = chromium();
        assumeTrue(chromium != null, "chromium not installed");
        Files.createDirectories(output.getParent());
        Files.deleteIfExists(output);
        Path profile = Files.createTempDirectory(tmp, "profile");
        Path netLog = tmp.resolve("net-" + output.getFileName() + ".json");
        Path log = tmp.resolve("chromium-" + output.getFileName() + ".log");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--no-default-browser-check", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--no-pings", "--disable-domain-reliability", "--disable-client-side-phishing-detection",
                "--disable-breakpad", "--metrics-recording-only",
                "--disable-features=Translate,OptimizationHints,MediaRouter,NetworkTimeServiceQuerying,"
                        + "SpellcheckService,AutofillServerCommunication,CertificateTransparencyComponentUpdater",
                "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--log-net-log=" + netLog,
                "--window-size=" + windowSize, "--hide-scrollbars"));
        cmd.add(pdf ? "--print-to-pdf=" + output.toAbsolutePath() : "--screenshot=" + output.toAbsolutePath());
        if (pdf) {
            cmd.add("--no-pdf-header-footer");
        }
        cmd.add(page.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium timed out on " + page);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        List<String> console = out.lines()
                .filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")
                        || (l.contains("ERR_") && l.contains(page.getFileName().toString())))
                .toList();
        List<String> requests = new ArrayList<>();
        JsonNode net = new ObjectMapper().readTree(netLog.toFile());
        for (JsonNode e : net.get("events")) {
            JsonNode params = e.get("params");
            if (params != null && params.has("url") && params.has("network_isolation_key")
                    && params.get("network_isolation_key").asText().startsWith("file://")) {
                requests.add(params.get("url").asText());
            }
        }
        assertTrue(Files.size(output) > 1000, () -> "no " + output + "; chromium said:\n" + out);
        return new Load(console, requests, output);
    }

    static void assertClean(Load l) {
        assertEquals(List.of(), l.console(), "console messages");
        assertEquals(List.of(), l.pageRequests(), "network requests");
    }

    @Test
    void reportAndMunicipalityPagesLoadWithNoConsoleErrorAndNoNetwork(@TempDir Path tmp) throws Exception {
        Path dir = Path.of("target", "chromium-report");
        ReportSet.write(TestRuns.twelve(), dir, ReportOptions.defaults());
        assertClean(load(dir.resolve("report.html"), SHOTS.resolve("report.png"), "1280,3600", tmp, false));
        assertClean(load(dir.resolve("municipalities/091.html"), SHOTS.resolve("municipality-091.png"), "1280,2400",
                tmp, false));
        assertClean(load(dir.resolve("municipalities/091.html"), SHOTS.resolve("municipality-091-phone.png"),
                "390,1800", tmp, false));
        Load pdf = load(dir.resolve("municipalities/091.html"), SHOTS.resolve("municipality-091.pdf"), "1280,2400",
                tmp, true);
        assertClean(pdf);
        assertTrue(Files.readString(pdf.output(), StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    }

    @Test
    void theChecksCatchABadPage(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>bad</title>"
                + "<link rel=\"stylesheet\" href=\"http://127.0.0.1:9/x.css\"></head><body><h1>bad</h1>"
                + "<img src=\"http://127.0.0.1:9/x.png\" alt=\"\"><script>undefinedFunction();</script></body></html>");
        Load l = load(bad, tmp.resolve("bad.png"), "800,600", tmp, false);
        assertTrue(l.console().stream().anyMatch(s -> s.contains("Uncaught")), "" + l.console());
        assertTrue(l.pageRequests().contains("http://127.0.0.1:9/x.png"), "" + l.pageRequests());
        assertTrue(l.pageRequests().contains("http://127.0.0.1:9/x.css"), "" + l.pageRequests());

        // With our CSP the load is blocked before any request: the violation is on the console.
        Path blocked = tmp.resolve("blocked.html");
        Files.writeString(blocked, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + HtmlReportTest.CSP + "<title>b</title></head><body><h1>b</h1>"
                + "<img src=\"http://127.0.0.1:9/y.png\" alt=\"\"></body></html>");
        Load b = load(blocked, tmp.resolve("blocked.png"), "800,600", tmp, false);
        assertFalse(b.console().isEmpty(), "the CSP violation is reported");
        assertTrue(b.console().get(0).contains("Content Security Policy"), b.console().get(0));
    }
}
