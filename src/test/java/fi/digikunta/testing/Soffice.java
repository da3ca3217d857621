package fi.digikunta.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * LibreOffice's {@code soffice} for the tests that convert files with it; they are skipped where it
 * is not installed (CI installs it).
 */
public final class Soffice {
    private Soffice() {
    }

    /** soffice on the PATH; null when not installed. */
    public static Path path() {
        return onPath("soffice");
    }

    /** A program on the PATH; skips the calling test when it is not installed. */
    public static Path requireTool(String name) {
        Path p = onPath(name);
        assumeTrue(p != null, name + " not installed");
        return p;
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** soffice on the PATH; skips the calling test when it is not installed. */
    public static Path require() {
        Path p = path();
        assumeTrue(p != null, "soffice not installed");
        return p;
    }

    /** How a run ended: whether within the time limit, and then its exit code. */
    public record Run(boolean finished, int exit) {
    }

    /**
     * Runs {@code soffice -env:UserInstallation=PROFILE --headless --norestore ARGS} with its output
     * in {@code log}. A profile of its own per run, so that runs (and a desktop LibreOffice) never
     * share or lock one; killed at the time limit.
     */
    public static Run run(Path profile, Path log, Duration limit, List<String> args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(require().toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore"));
        cmd.addAll(args);
        Process p = Processes.startToFiles(new ProcessBuilder(cmd), log, null);
        boolean done = Processes.awaitOrKill(p, limit);
        return new Run(done, done ? p.exitValue() : -1);
    }

    /** Sets a profile to recalculate every formula of an .xlsx on load (by default it trusts cached values). */
    public static void recalculateOnLoad(Path profile) throws IOException {
        Files.writeString(Files.createDirectories(profile.resolve("user")).resolve("registrymodifications.xcu"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\""
                        + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                        + "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"OOXMLRecalcMode\""
                        + " oor:op=\"fuse\"><value>0</value></prop></item>\n</oor:items>\n", java.nio.charset.StandardCharsets.UTF_8);
    }
}
