package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fi.digikunta.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the packaged jar as users do ({@code java -jar target/digikunta.jar ...}) in its own
 * process, with stdout and stderr going to files (never a pipe that could fill up and block it),
 * no terminal and no colours. Every process gets a name; its output files stay beside the test's
 * folders and are quoted in assertion messages.
 */
final class Jar {
    /** Fixed so that runs meant to be reproducible can set it; unset otherwise (see {@link #env}). */
    static final String EPOCH = "1772330400"; // 2026-03-01T02:00:00Z
    private static final AtomicInteger COUNT = new AtomicInteger();

    private Jar() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("digikunta.jar", "target/digikunta.jar"));
        assertTrue(Files.isRegularFile(jar), "the packaged jar (mvn verify builds it before the *IT tests): " + jar);
        return jar;
    }

    /** A started process, its output files and the command line. */
    record Started(String name, Process process, Path stdout, Path stderr, List<String> command) {
        long pid() {
            return process.pid();
        }

        /** Waits for the end (at most two minutes, then it is killed and the test fails). */
        Result await() throws Exception {
            if (!Processes.awaitOrKill(process, Duration.ofSeconds(120))) {
                fail(name + " did not finish in 120 s: " + command + "\nstderr:\n" + Processes.read(stderr));
            }
            return new Result(this, process.exitValue(), Processes.read(stdout), Processes.read(stderr));
        }

        /** SIGKILL on POSIX: no shutdown hook, no finally block runs. */
        void kill() throws InterruptedException {
            Processes.kill(process, Duration.ofSeconds(60));
        }
    }

    /** A finished process. */
    record Result(Started started, int exit, String stdout, String stderr) {
        /** Fails, quoting the command and both streams, unless the exit code is the expected one. */
        Result expect(int code) {
            assertEquals(code, exit, () -> this.toString());
            return this;
        }

        @Override
        public String toString() {
            return started.name() + " " + started.command() + " exited " + exit + "\n--- stdout\n"
                    + (stdout.length() > 2000 ? stdout.substring(0, 2000) + "..." : stdout) + "\n--- stderr\n"
                    + stderr;
        }
    }

    /**
     * Starts {@code digikunta ARGS} in {@code dir}. {@code env} entries are added to a clean
     * environment: TERM=dumb, no SOURCE_DATE_EPOCH unless given.
     */
    static Started start(Path dir, Map<String, String> env, String... args) throws IOException {
        return start(dir, List.of(), env, args);
    }

    /** The heap the launcher (scripts/digikunta) and the scheduling examples give the JVM. */
    static final List<String> LAUNCHER_HEAP = List.of("-Xmx256m");

    /** As above, with JVM options (e.g. {@link #LAUNCHER_HEAP}) before -jar. */
    static Started start(Path dir, List<String> jvm, Map<String, String> env, String... args) throws IOException {
        int n = COUNT.incrementAndGet();
        String name = "digikunta#" + n;
        Path logs = dir.resolve("process-output");
        Files.createDirectories(logs);
        List<String> options = new ArrayList<>(Processes.QUICK_START);
        options.addAll(jvm);
        options.add("-Dpicocli.ansi=false");
        ProcessBuilder pb = new ProcessBuilder(Processes.javaJar(options, jar().toAbsolutePath(), List.of(args)))
                .directory(dir.toFile());
        Path out = logs.resolve(n + ".stdout");
        Path err = logs.resolve(n + ".stderr");
        Map<String, String> e = pb.environment();
        e.remove("SOURCE_DATE_EPOCH");
        e.remove("JAVA_TOOL_OPTIONS");
        e.remove("_JAVA_OPTIONS");
        e.put("TERM", "dumb");
        e.put("NO_COLOR", "1");
        e.putAll(env);
        return new Started(name, Processes.startToFiles(pb, out, err), out, err, List.of(args));
    }

    static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
        return start(dir, env, args).await();
    }

    static Map<String, String> reproducible() {
        return Map.of("SOURCE_DATE_EPOCH", EPOCH);
    }
}
