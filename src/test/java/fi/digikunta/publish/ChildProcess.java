package fi.digikunta.publish;

import fi.digikunta.testing.Processes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Starts {@link PublishChild} in its own JVM on the test class path and follows its stdout lines. */
final class ChildProcess implements AutoCloseable {
    final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildProcess(Process process) {
        this.process = process;
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null;) {
                    lines.add(l);
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        t.setDaemon(true);
        t.start();
    }

    static ChildProcess start(String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Processes.javaMain(Processes.QUICK_START, PublishChild.class,
                List.of(args)));
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        return new ChildProcess(pb.start());
    }

    /** Waits for a line starting with prefix; returns it, or null at timeout or end of output. */
    String await(String prefix, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            String l = lines.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            if (l != null && l.startsWith(prefix)) {
                return l;
            }
            if (l == null && !process.isAlive() && lines.isEmpty()) {
                return null;
            }
        }
    }

    String stderr() throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** SIGKILL on POSIX: no shutdown hooks, no finally blocks, the OS drops the file lock. */
    void kill() throws InterruptedException {
        Processes.kill(process, Duration.ofSeconds(30));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
