package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.digikunta.testing.Processes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run's paths, names, locale and lock, through the packaged jar (issue 11, items 2, 3,
 * 4, 6, 7, 9 and the smaller defects of the terminal, --settle and a read-only inbox).
 */
class NightlyPathsIT {
    @TempDir
    Path dir;

    /** Items 2-4: every overlap of the run's folders is refused before anything is written or moved. */
    @Test
    void overlappingInboxOutArchiveAndTheirLinksAreUsageErrorsThatTouchNothing() throws Exception {
        record Case(String name, List<String> args, String first, String second) {
        }
        List<Case> cases = List.of(
                // 2: old report sets were removed with the archive inside them
                new Case("archive in out", List.of("inbox", "--out", "R", "--archive", "R/archive"),
                        "--out R", "--archive R/archive"),
                new Case("archive in out.d", List.of("inbox", "--out", "R", "--archive", "R.d/archive"),
                        "--out R (R.d)", "--archive R.d/archive"),
                new Case("out in archive", List.of("inbox", "--out", "A/out", "--archive", "A"),
                        "--out A/out", "--archive A"),
                // 3: the empty inbox became the link to the report set
                new Case("out is the inbox", List.of("empty", "--out", "empty"), "empty", "--out empty"),
                // 4: the tool read its own reports as returns, and moved its own lock away
                new Case("out in inbox", List.of("inbox", "--out", "inbox/reports", "--archive", "A"),
                        "inbox", "--out inbox/reports"),
                new Case("inbox in out.d", List.of("R.d/x", "--out", "R"), "R.d/x", "--out R (R.d)"),
                new Case("out through a link into the inbox", List.of("inbox", "--out", "link/reports"),
                        "inbox", "--out link/reports"),
                new Case("archive through a link into out", List.of("inbox", "--out", "R", "--archive",
                        "outlink/archive"), "--out R", "--archive outlink/archive"),
                new Case("inbox inside inbox", List.of("inbox", "inbox/sub", "--table", "files"), "inbox", "inbox/sub"),
                // An inbox given its round (YEAR=FOLDER) was not checked at all
                new Case("out in an inbox given its round", List.of("2025=inbox", "--out", "inbox/reports"),
                        "inbox", "--out inbox/reports"));
        for (Case c : cases) {
            Path work = Files.createDirectories(dir.resolve(c.name().replace(' ', '-')));
            Path inbox = work.resolve("inbox");
            Sets.copySamples(inbox, "049-espoo.xlsx", "091-helsinki.xlsx");
            Files.createDirectories(inbox.resolve("sub"));
            Files.createDirectories(work.resolve("empty"));
            Files.createDirectories(work.resolve("R.d/x"));
            Files.createSymbolicLink(work.resolve("link"), inbox);
            Files.createDirectories(work.resolve("R"));
            Files.createSymbolicLink(work.resolve("outlink"), work.resolve("R"));
            SortedMap<String, String> before = tree(work);
            List<String> args = new ArrayList<>(List.of("run"));
            args.addAll(c.args());
            args.add("--settle");
            args.add("0");
            Jar.Result r = Jar.run(work, Map.of(), args.toArray(String[]::new)).expect(2);
            assertTrue(r.stderr().contains(c.first()) && r.stderr().contains(c.second()),
                    c.name() + ": both paths named\n" + r);
            assertTrue(r.stderr().contains("päällekkäin"), c.name() + ": says they overlap\n" + r);
            assertFalse(r.stderr().contains("2025="), c.name() + ": names the folder, not the argument\n" + r);
            assertEquals(before, tree(work), c.name() + ": nothing written or moved");
        }
    }

    /** A --settle beyond any sense was an internal error (exit 3). */
    @Test
    void aHugeSettleIsAUsageError() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx");
        for (String settle : List.of("99999999999999999999s", "PT9999999999999999S", "2d")) {
            Jar.Result r = Jar.run(dir, Map.of(), "run", "inbox", "--out", "out", "--settle", settle).expect(2);
            assertTrue(r.stderr().contains("--settle " + settle), r.toString());
            assertFalse(Files.exists(dir.resolve("out.d")), "nothing written: " + r);
        }
    }

    /** Escape sequences in a file name reached the terminal through the archive's notes. */
    @Test
    void archiveNotesOnStderrCarryNoEscapeSequences() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx");
        // A link out of the inbox is left in place, with a note naming it.
        Files.createSymbolicLink(inbox.resolve("\u001b]0;pwned\u0007\u001b[2J\u009b31mx.xlsx"),
                Sets.SAMPLES.resolve("091-helsinki.xlsx").toAbsolutePath());
        Jar.Result r = Jar.run(dir, Map.of(), "run", "inbox", "--out", "out", "--archive", "archive", "--settle",
                "0").expect(1);
        assertTrue(r.stderr().contains("[2J"), "the note about the link is there: " + r);
        for (char c : new char[] {'\u001b', '\u0007', '\u009b'}) {
            assertEquals(-1, r.stderr().indexOf(c), "no control character " + (int) c + " on stderr: " + r);
        }
    }

    /**
     * Item 6: two names that differ only in bytes that are not UTF-8 decode alike; each file keeps
     * its own outcome, archive folder and content, and the next night the valid return still counts.
     */
    @Test
    void namesThatAreNotUtf8KeepEachFileApartAndArchiveTheRightBytes() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path helsinki = byteName(inbox, "091-helsinki%FF.xlsx");
        Path broken = byteName(inbox, "091-helsinki%FE.xlsx");
        put(Sets.SAMPLES.resolve("091-helsinki.xlsx"), helsinki);
        put(Sets.SAMPLES.resolve("broken-password.xlsx"), broken);
        String helsinkiSum = Sets.sha256Of(helsinki);
        String brokenSum = Sets.sha256Of(broken);
        String[] args = {"run", "inbox", "--out", "out", "--archive", "archive", "--settle", "0", "--quiet"};

        Jar.run(dir, Map.of(), args).expect(1);
        Path out = dir.resolve("out");
        assertEquals(Map.of("091-helsinki%FF.xlsx", "accepted", "091-helsinki%FE.xlsx", "rejected"),
                Sets.outcomes(out));
        assertEquals(Map.of("091/091-helsinki%FF.xlsx", helsinkiSum, "rejected/091-helsinki%FE.xlsx", brokenSum),
                returns(dir.resolve("archive")), "each file archived by its own bytes, under its shown name");
        String reason = Sets.text(dir.resolve("archive/rejected/091-helsinki%FE.xlsx.reason.txt"));
        assertTrue(reason.contains("reason_code: encrypted"), reason);
        assertEquals(List.of(), names(inbox), "both left the inbox");

        Jar.run(dir, Map.of(), args).expect(0);
        assertEquals(Map.of("091-helsinki%FF.xlsx", "accepted"), Sets.outcomes(out), "Helsinki still counts");
        assertTrue(NightlyRunIT.codes(out).contains("091"));
    }

    /**
     * Item 7: without any locale (cron, containers, {@code env -i}) the launcher and the scheduling
     * examples keep Finnish and Swedish names intact, and so does the bare jar, archive included.
     */
    @Test
    void withAnEmptyEnvironmentTheLauncherTheExamplesAndTheBareJarKeepNamesIntact() throws Exception {
        Path root = Path.of(System.getProperty("basedir", "."));
        // The launcher in a copy of the layout it expects (no sources: it never builds here; no
        // samples: no class-data training run).
        Path app = Files.createDirectories(dir.resolve("app/scripts"));
        Files.copy(root.resolve("scripts/digikunta"), app.resolve("digikunta"));
        app.resolve("digikunta").toFile().setExecutable(true);
        Files.createDirectories(dir.resolve("app/target"));
        Files.copy(Jar.jar(), dir.resolve("app/target/digikunta.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Map<String, List<String>> ways = new TreeMap<>();
        ways.put("launcher", List.of(app.resolve("digikunta").toString(), "run"));
        ways.put("crontab", scheduled(root.resolve("scripts/crontab.example"), java));
        ways.put("systemd", scheduled(root.resolve("scripts/systemd/digikunta.service"), java));
        ways.put("bare jar", List.of(java, "-jar", Jar.jar().toAbsolutePath().toString(), "run"));
        for (Map.Entry<String, List<String>> way : ways.entrySet()) {
            Path work = Files.createDirectories(dir.resolve(way.getKey().replace(' ', '-')));
            Path inbox = Files.createDirectories(work.resolve("inbox"));
            // Made from UTF-8 bytes, so that this test does not depend on its own locale either.
            put(Sets.SAMPLES.resolve("109-hameenlinna.xlsx"), byteName(inbox, "h%C3%A4meenlinna.xlsx"));
            put(Sets.SAMPLES.resolve("091-helsinki.xlsx"), byteName(inbox, "h%C3%B6meenlinna.xlsx"));
            put(Sets.SAMPLES.resolve("478-maarianhamina-sv.xlsx"), byteName(inbox, "mariehamn-%C3%A5land.xlsx"));
            Map<String, String> expected = Map.of("hämeenlinna.xlsx", "109", "hömeenlinna.xlsx", "091",
                    "mariehamn-åland.xlsx", "478");
            for (int night = 1; night <= 2; night++) {
                List<String> cmd = new ArrayList<>(List.of("env", "-i"));
                cmd.addAll(way.getValue());
                cmd.addAll(List.of(inbox.toString(), "--out", work.resolve("out").toString(), "--archive",
                        work.resolve("archive").toString(), "--settle", "0", "--quiet"));
                Jar.Result r = exec(work, cmd).expect(0);
                assertEquals(expected, codes(work.resolve("out")), way.getKey() + ", night " + night + ": " + r);
            }
            assertEquals(List.of(), names(inbox), way.getKey() + ": all archived");
            assertEquals(List.of("091", "109", "478"), names(work.resolve("archive")), way.getKey());
        }
    }

    /**
     * Item 9: two runs in separate PID namespaces (containers) that share a host name. The second
     * sees the first's pid as dead; it must still be refused while the first holds the OS lock.
     */
    @Test
    void aHeldOsLockIsNeverTakenOverByAPidGuessFromAnotherPidNamespace() throws Exception {
        assumeCommand(List.of("unshare", "--pid", "--fork", "--mount-proc", "true"), "separate PID namespaces");
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx");
        // A file saved just now: the first run waits --settle for it, holding the lock.
        Files.copy(Sets.SAMPLES.resolve("091-helsinki.xlsx"), inbox.resolve("091-helsinki.xlsx"));
        String jar = Jar.jar().toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The first run's java gets a pid past 30 in its namespace, one the second's namespace lacks.
        List<String> first = List.of("unshare", "--pid", "--fork", "--mount-proc", "sh", "-c",
                "for i in $(seq 30); do /bin/true; done; \"$0\" \"$@\"; exit $?", java, "-jar", jar, "run", "inbox",
                "--out", "out", "--settle", "15s", "--quiet");
        Jar.Started a = start(dir, first);
        Path lock = dir.resolve("out.d/lock");
        long until = System.nanoTime() + 60_000_000_000L;
        while (!(Files.exists(lock) && Sets.text(lock).contains("pid")) && System.nanoTime() < until) {
            assertTrue(a.process().isAlive(), "the first run is still going");
            Thread.sleep(50);
        }
        String holder = Sets.text(lock);
        long pid = Sets.JSON.readTree(holder).get("pid").asLong();
        assertTrue(pid > 30, "the first run's pid in its namespace: " + holder);

        Jar.Result b = exec(dir, List.of("unshare", "--pid", "--fork", "--mount-proc", "sh", "-c",
                "\"$0\" \"$@\"; exit $?", java, "-jar", jar, "run", "inbox", "--out", "out", "--settle", "0"));
        b.expect(3);
        assertTrue(b.stderr().contains("pid " + pid), "refused, naming the holder: " + b);
        assertTrue(a.process().isAlive(), "the refused run did not wait for the first");
        Jar.Result r = a.await().expect(0);
        assertEquals(Map.of("049-espoo.xlsx", "accepted", "091-helsinki.xlsx", "accepted"),
                Sets.outcomes(dir.resolve("out")), r.toString());
        String log = Sets.text(dir.resolve("out.d/run-log.jsonl"));
        assertFalse(log.contains("stale_lock_taken_over"), log);
    }

    /**
     * A read-only inbox with --archive: the copies are made but the originals cannot be removed. The
     * next night each return counts once, from the inbox, and is not superseded by its own copy.
     */
    @Test
    void aReadOnlyInboxFileIsNotSupersededByItsOwnArchiveCopy() throws Exception {
        assumeCommand(List.of("unshare", "--mount", "true"), "a private mount namespace for a read-only bind mount");
        Path inbox = dir.resolve("inbox").toAbsolutePath();
        Sets.copySamples(inbox, "049-espoo.xlsx", "091-helsinki.xlsx");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of("unshare", "--mount", "sh", "-c", "mount --bind \"$1\" \"$1\" && "
                + "mount -o remount,ro,bind \"$1\" \"$1\" && shift && \"$@\"; exit $?", "sh", inbox.toString(), java,
                "-jar", Jar.jar().toAbsolutePath().toString(), "run", inbox.toString(), "--out", "out", "--archive",
                "archive", "--settle", "0");
        for (int night = 1; night <= 3; night++) {
            Jar.Result r = exec(dir, cmd).expect(0);
            assertEquals(Map.of("049-espoo.xlsx", "accepted", "091-helsinki.xlsx", "accepted"),
                    Sets.outcomes(dir.resolve("out")), "night " + night + ": " + r);
            assertEquals(List.of("049-espoo.xlsx", "091-helsinki.xlsx"), names(inbox), "the inbox as it was");
        }
        JsonNode since = Sets.reportJson(dir.resolve("out")).get("since_previous_run");
        assertEquals(0, since.get("superseded_returns").size(), since.toString());
    }

    /** Skips (with the reason printed) where a command the test needs cannot run. */
    static void assumeCommand(List<String> probe, String what) throws Exception {
        String why = null;
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!Processes.awaitOrKill(p, java.time.Duration.ofSeconds(30)) || p.exitValue() != 0) {
                why = String.join(" ", probe) + " failed (needs root and unshare): " + out.strip();
            }
        } catch (java.io.IOException e) {
            why = String.join(" ", probe) + ": " + e.getMessage();
        }
        if (why != null) {
            System.out.println("NightlyPathsIT skipped, " + what + ": " + why);
        }
        Assumptions.assumeTrue(why == null, what + ": " + why);
    }

    static Jar.Started start(Path work, List<String> command) throws Exception {
        Path logs = Files.createDirectories(work.resolve("process-output"));
        long n = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        Process p = Processes.startToFiles(pb, logs.resolve(n + ".stdout"), logs.resolve(n + ".stderr"));
        return new Jar.Started("exec#" + n, p, logs.resolve(n + ".stdout"), logs.resolve(n + ".stderr"), command);
    }

    // ------------------------------------------------------------------ helpers

    /** The environment lines and the command of a scheduling example, with this machine's paths. */
    static List<String> scheduled(Path example, String java) throws Exception {
        List<String> cmd = new ArrayList<>();
        String line = null;
        for (String l : Files.readAllLines(example, StandardCharsets.UTF_8)) {
            if (l.startsWith("Environment=")) {
                cmd.add(l.substring("Environment=".length()));
            } else if (l.matches("(LC_ALL|LANG|LC_CTYPE)=.*")) {
                cmd.add(l);
            } else if (l.startsWith("ExecStart=") || l.matches("[0-9*].*\\*.*java .*")) {
                line = l.startsWith("ExecStart=") ? l.substring("ExecStart=".length())
                        : l.replaceFirst("^(\\S+\\s+){5}", "");
            }
        }
        assertTrue(line != null, "a command in " + example);
        List<String> words = new ArrayList<>(List.of(line.trim().split("\\s+")));
        words.set(0, java);
        words.set(words.indexOf("/opt/digikunta/target/digikunta.jar"), Jar.jar().toAbsolutePath().toString());
        // Up to "run": inbox, --out and the rest are this test's.
        cmd.addAll(words.subList(0, words.indexOf("run") + 1));
        return cmd;
    }

    static Jar.Result exec(Path work, List<String> command) throws Exception {
        return start(work, command).await();
    }

    /** A path whose file name has the bytes of a %-escaped URI path (the one way Java makes such names). */
    static Path byteName(Path folder, String escaped) {
        return Path.of(URI.create(folder.toAbsolutePath().toUri() + escaped));
    }

    static void put(Path sample, Path target) throws Exception {
        Files.copy(sample, target);
        Files.setLastModifiedTime(target, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    /** file -> municipality code of report.json. */
    static Map<String, String> codes(Path out) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode f : Sets.reportJson(out).get("files")) {
            m.put(f.get("file").asText(), f.get("municipality_code").asText());
        }
        return m;
    }

    /** The returns in an archive (not the reasons or name notes), by their names shown as %-escaped bytes. */
    static SortedMap<String, String> returns(Path archive) throws Exception {
        SortedMap<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(archive)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                // The archive names copies of such files with %XX in place of the bytes: plain ASCII.
                String rel = archive.relativize(p).toString();
                if (!rel.endsWith(".reason.txt") && !p.getFileName().toString().startsWith(".")) {
                    m.put(rel, Sets.sha256Of(p));
                }
            }
        }
        return m;
    }

    static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /** Every path under root (links not followed) with its size, so that any write shows. */
    static SortedMap<String, String> tree(Path root) throws Exception {
        SortedMap<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (!p.toString().contains("process-output")) {
                    m.put(root.relativize(p).toString(), Files.isSymbolicLink(p) ? "link"
                            : Files.isDirectory(p) ? "dir" : Files.size(p) + " " + Files.getLastModifiedTime(p));
                }
            }
        }
        return m;
    }
}
