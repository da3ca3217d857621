package fi.digikunta.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts programs in processes of their own for tests: a JVM on this run's class path, the
 * packaged jar, or any command, with output to files (never a pipe that could fill up and block
 * the process) and a time limit after which the process is killed.
 */
public final class Processes {
    /** Options for a quick start on a small machine; nothing the programs do depends on them. */
    public static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");

    private Processes() {
    }

    /** {@code java OPTIONS -cp <this test run's class path> MAIN ARGS}. */
    public static List<String> javaMain(List<String> options, Class<?> main, List<String> args) {
        List<String> tail = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        tail.addAll(args);
        return java(options, tail);
    }

    /** {@code java OPTIONS -jar JAR ARGS}. */
    public static List<String> javaJar(List<String> options, Path jar, List<String> args) {
        List<String> tail = new ArrayList<>(List.of("-jar", jar.toString()));
        tail.addAll(args);
        return java(options, tail);
    }

    private static List<String> java(List<String> options, List<String> tail) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.addAll(tail);
        return cmd;
    }

    /**
     * Starts a process with stdout and stderr going to files ({@code stderr} null: into the stdout
     * file) and nothing on its standard input.
     */
    public static Process startToFiles(ProcessBuilder pb, Path stdout, Path stderr) throws IOException {
        pb.redirectOutput(stdout.toFile());
        if (stderr == null) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(stderr.toFile());
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        return pb.start();
    }

    /** Waits for the end; at the time limit kills the process and returns false. */
    public static boolean awaitOrKill(Process p, Duration limit) throws InterruptedException {
        if (p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        kill(p, Duration.ofSeconds(60));
        return false;
    }

    /** SIGKILL on POSIX (no shutdown hook, no finally block runs), then waits at most {@code wait}. */
    public static void kill(Process p, Duration wait) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A process's output file as text: empty when missing, the error when unreadable. */
    public static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
