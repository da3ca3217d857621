package fi.digikunta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: how long headless Chromium takes to render a page, measured inside the browser over the
 * DevTools protocol: from the start of navigation to the second animation frame after load (layout and
 * paint done) on the second of two loads, so the start-up of the browser and of its renderer process,
 * which on a shared machine take seconds, are not counted. scripts/bench-map runs it over the report of
 * 308 returns (issue 15's 2 s budget for the maps); speed is measured by a bench, not asserted in a test.
 *
 * <pre>java -cp CLASSES:JAR fi.digikunta.bench.ChromiumRender [--runs N] [--window W,H] PAGE...</pre>
 *
 * prints, per page, the median and the range of N renders in milliseconds.
 */
public final class ChromiumRender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:([0-9]+)/");
    private static final String RENDERED = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame("
            + "() => r(performance.now()))))";

    private ChromiumRender() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        String window = "1400,3000";
        List<Path> pages = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--window" -> window = args[++i];
                default -> pages.add(Path.of(args[i]));
            }
        }
        Path chromium = chromium();
        if (chromium == null || pages.isEmpty()) {
            System.err.println(chromium == null ? "ChromiumRender: chromium is not on PATH"
                    : "usage: ChromiumRender [--runs N] [--window W,H] PAGE...");
            System.exit(2);
        }
        Path tmp = Files.createTempDirectory("chromium-render");
        for (Path page : pages) {
            double[] ms = new double[runs];
            for (int r = 0; r < runs; r++) {
                ms[r] = renderMillis(chromium, page, window, tmp);
            }
            Arrays.sort(ms);
            double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
            System.out.printf(Locale.ROOT, "%s %.0f %.0f %.0f%n", page, median, ms[0], ms[runs - 1]);
        }
    }

    /** chromium or chromium-browser from PATH; null when neither is there. */
    public static Path chromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Milliseconds from navigation start until the page is laid out and painted. */
    static double renderMillis(Path chromium, Path page, String windowSize, Path tmp) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "timing");
        Process p = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-extensions", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
                "--window-size=" + windowSize, "about:blank")).redirectErrorStream(true).start();
        try {
            int port = port(p);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
            String ws = null;
            for (JsonNode t : targets) {
                if (t.path("type").asText().equals("page")) {
                    ws = t.path("webSocketDebuggerUrl").asText();
                }
            }
            Cdp cdp = new Cdp();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), cdp).get(60, TimeUnit.SECONDS);
            cdp.call(socket, 1, "Page.enable", "{}");
            // The first load of a file:// page starts its renderer process; the second one is the page's own time.
            double ms = Double.NaN;
            for (int round = 0; round < 2; round++) {
                CompletableFuture<JsonNode> loaded = cdp.event("Page.loadEventFired");
                cdp.call(socket, 10 * round + 2, "Page.navigate", "{\"url\":" + JSON.writeValueAsString(
                        page.toAbsolutePath().toUri() + "?round=" + round) + "}");
                loaded.get(120, TimeUnit.SECONDS);
                cdp.forget("Page.loadEventFired");
                JsonNode r = cdp.call(socket, 10 * round + 3, "Runtime.evaluate", "{\"expression\":"
                        + JSON.writeValueAsString(RENDERED) + ",\"awaitPromise\":true,\"returnByValue\":true}");
                ms = r.path("result").path("result").path("value").asDouble(Double.NaN);
            }
            socket.abort();
            return ms;
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int port(Process p) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            said.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> in.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("chromium gave no DevTools port:\n" + said);
    }

    /** A minimal DevTools protocol client: numbered calls and awaited events over one WebSocket. */
    private static final class Cdp implements WebSocket.Listener {
        private final ConcurrentHashMap<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        private final StringBuilder buffer = new StringBuilder();

        JsonNode call(WebSocket socket, int id, String method, String params) throws Exception {
            CompletableFuture<JsonNode> reply = waiting.computeIfAbsent("#" + id, k -> new CompletableFuture<>());
            socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true)
                    .get(60, TimeUnit.SECONDS);
            return reply.get(120, TimeUnit.SECONDS);
        }

        void forget(String method) {
            waiting.remove(method);
        }

        CompletableFuture<JsonNode> event(String method) {
            return waiting.computeIfAbsent(method, k -> new CompletableFuture<>());
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(buffer.toString());
                    String key = msg.has("id") ? "#" + msg.get("id").asText() : msg.path("method").asText();
                    waiting.computeIfAbsent(key, k -> new CompletableFuture<>()).complete(msg);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    buffer.setLength(0);
                }
            }
            socket.request(1);
            return null;
        }
    }
}
