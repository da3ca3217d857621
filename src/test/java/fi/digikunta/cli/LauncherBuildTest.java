package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.testing.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the launcher's build step (scripts/digikunta, when the jar is missing or stale) keeps its
 * output quiet and free of colour codes although Maven prints them. Run against a copy of the
 * launcher with a fake {@code mvn} on PATH, which records its arguments and prints escape sequences
 * as Debian's Maven 3.8 does even in batch mode (and colours everything without the flags), and a
 * fake {@code java} under JAVA_HOME: no real build, seconds to run. stdout and stderr are files,
 * never a terminal.
 */
class LauncherBuildTest {
    private static final String ESC = "\u001b";

    @TempDir
    Path dir;

    /** A copy of the launcher in an app folder with sources and no jar, so that it builds first. */
    private Path app(boolean buildSucceeds) throws Exception {
        Path root = Path.of(System.getProperty("basedir", "."));
        Path app = dir.resolve("app");
        Files.createDirectories(app.resolve("scripts"));
        Files.createDirectories(app.resolve("src/main"));
        Files.writeString(app.resolve("pom.xml"), "<project/>");
        Files.copy(root.resolve("scripts/digikunta"), app.resolve("scripts/digikunta"));
        executable(app.resolve("scripts/digikunta"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("mvn"), String.join("\n",
                "#!/bin/sh",
                "printf '%s\\n' \"$@\" > \"" + dir.resolve("mvn-args") + "\"",
                "colour=1",
                "for a in \"$@\"; do [ \"$a\" = -Dstyle.color=never ] && colour=0; done",
                "printf '\\033[0m\\033[0m'",
                "printf '\\033[0m' >&2",
                "[ $colour = 1 ] && printf '\\033[1;34m[INFO]\\033[m Building\\n'",
                buildSucceeds ? "mkdir -p target && echo jar > target/digikunta.jar"
                        : "printf '\\033[1;31m[ERROR]\\033[m boom in pom.xml\\n'; exit 1",
                "exit 0", ""));
        executable(bin.resolve("mvn"));
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin"));
        Files.writeString(javaHome.resolve("java"), "#!/bin/sh\necho \"java ran: $*\" | grep -o 'run-args.*'\n");
        executable(javaHome.resolve("java"));
        return app;
    }

    private static void executable(Path p) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run launch(Path app) throws Exception {
        return launch(app, Map.of());
    }

    private Run launch(Path app, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", app.resolve("scripts/digikunta").toString(), "run-args")
                .directory(dir.toFile());
        pb.environment().put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().remove("MAVEN_OPTS");
        pb.environment().put("TERM", "xterm-256color");
        pb.environment().remove("DIGIKUNTA_JAVA_OPTS");
        pb.environment().remove("_JAVA_OPTIONS");
        pb.environment().putAll(env);
        Path out = dir.resolve("launcher.stdout");
        Path err = dir.resolve("launcher.stderr");
        Process p = Processes.startToFiles(pb, out, err);
        assertTrue(Processes.awaitOrKill(p, Duration.ofSeconds(60)), "the launcher ended");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theBuildStepIsQuietAndPassesNoColourCodeOnAlthoughMavenPrintsThem() throws Exception {
        Run r = launch(app(true));
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.stdout().contains(ESC) || r.stderr().contains(ESC), "no escape byte: " + r);
        assertEquals("run-args", r.stdout().strip(), "the tool itself ran after the build: " + r);
        assertEquals(List.of("digikunta: building " + dir.resolve("app").toRealPath() + "/target/digikunta.jar ..."),
                r.stderr().strip().lines().toList(), "one line for the build, nothing of Maven's: " + r);
        List<String> args = Files.readAllLines(dir.resolve("mvn-args"));
        assertTrue(args.containsAll(List.of("-B", "-q", "--no-transfer-progress", "-Dstyle.color=never")), "" + args);
    }

    /**
     * Issue 16: huge pages for the heap exactly where the kernel offers them on request; where it does
     * not, the JVM would print a warning on stdout, into a {@code --table} CSV. The kernel's answer is
     * read from a file of the test's (DIGIKUNTA_THP_FILE), so that every case runs on every machine.
     */
    @Test
    void transparentHugePagesOnlyWhereTheKernelOffersThem() throws Exception {
        Path app = app(true);
        recordJavaArgs();
        Path thp = dir.resolve("thp-enabled");
        Map<String, Boolean> cases = new LinkedHashMap<>();
        cases.put("always [madvise] never\n", true);
        cases.put("[always] madvise never\n", true);
        cases.put("always madvise [never]\n", false);
        cases.put(null, false);
        for (Map.Entry<String, Boolean> c : cases.entrySet()) {
            Files.deleteIfExists(thp);
            if (c.getKey() != null) {
                Files.writeString(thp, c.getKey());
            }
            assertEquals(0, launch(app, Map.of("DIGIKUNTA_THP_FILE", thp.toString())).exit());
            List<String> args = Files.readAllLines(dir.resolve("java-args"));
            assertEquals(c.getValue(), args.contains("-XX:+UseTransparentHugePages"), c.getKey() + " -> " + args);
            assertEquals("run-args", args.get(args.size() - 1), "the tool's own arguments last: " + args);
        }
    }

    /** Replaces the fake {@code java} by one that writes its arguments to java-args, one per line. */
    private void recordJavaArgs() throws Exception {
        Files.writeString(dir.resolve("jdk/bin/java"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + dir.resolve("java-args")
                + "\"\n");
    }

    /**
     * Issue 16: one compiler thread with C1 alone; where DIGIKUNTA_JAVA_OPTS brings C2 back the JVM needs
     * two and would refuse to start, so the launcher leaves the count to it.
     */
    @Test
    void oneCompilerThreadUnlessTheOptionsChooseTheCompilers() throws Exception {
        Path app = app(true);
        recordJavaArgs();
        assertEquals(0, launch(app).exit());
        List<String> args = Files.readAllLines(dir.resolve("java-args"));
        assertTrue(args.containsAll(List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1")), "" + args);
        assertEquals(0, launch(app, Map.of("_JAVA_OPTIONS", "-XX:TieredStopAtLevel=4")).exit());
        args = Files.readAllLines(dir.resolve("java-args"));
        assertFalse(args.contains("-XX:CICompilerCount=1"), "_JAVA_OPTIONS comes after the command line: " + args);
        for (String opts : List.of("-XX:TieredStopAtLevel=4", "-Xmx1g -XX:CICompilerCount=3", "@/etc/jvm.args")) {
            assertEquals(0, launch(app, Map.of("DIGIKUNTA_JAVA_OPTS", opts)).exit());
            args = Files.readAllLines(dir.resolve("java-args"));
            assertFalse(args.contains("-XX:CICompilerCount=1"), opts + " -> " + args);
            assertEquals(List.of(opts.split(" ")), args.subList(args.indexOf("-jar") - opts.split(" ").length,
                    args.indexOf("-jar")), "the user's options last before -jar: " + args);
        }
    }

    @Test
    void aFailedBuildShowsMavensOutputWithoutEscapeSequencesAndExits3() throws Exception {
        Run r = launch(app(false));
        assertEquals(3, r.exit(), r.toString());
        assertFalse(r.stdout().contains(ESC) || r.stderr().contains(ESC), "no escape byte: " + r);
        assertTrue(r.stderr().contains("[ERROR] boom in pom.xml"), r.toString());
        assertTrue(r.stderr().contains("digikunta: build failed"), r.toString());
        assertEquals("", r.stdout(), "nothing ran");
    }
}
