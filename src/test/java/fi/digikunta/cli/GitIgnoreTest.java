package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: what the README's commands write in a clone (the `out` link, `out.d/` with its report
 * sets, history and lock, the launcher's `target/`) is ignored by the clone's .gitignore, so git
 * shows nothing untracked. Run in a fresh repository holding only that .gitignore; skipped, with
 * the reason printed, where git is missing.
 */
class GitIgnoreTest {
    @TempDir
    Path repo;

    @Test
    void theReadmesCommandsLeaveNothingThatGitShowsAsUntracked() throws Exception {
        Path root = Path.of(System.getProperty("basedir", "."));
        String version = git(root, "--version");
        if (version == null) {
            System.out.println("GitIgnoreTest skipped: git cannot run");
        }
        Assumptions.assumeTrue(version != null, "git cannot run");
        git(repo, "init", "-q", ".");
        Files.copy(root.resolve(".gitignore"), repo.resolve(".gitignore"));
        // scripts/digikunta run samples/inbox --out out/, twice (the second keeps the first as history).
        String inbox = root.resolve("samples/inbox").toString();
        for (int night = 0; night < 2; night++) {
            CliTestSupport.run("run", inbox, "--out", repo + "/out/", "--quiet").expectExit(1);
        }
        assertTrue(Files.isSymbolicLink(repo.resolve("out")), "out is a link, which 'out/' alone would not match");
        // The launcher's build and class-data archive.
        Files.createDirectories(repo.resolve("target"));
        Files.writeString(repo.resolve("target/build.log"), "");
        Files.writeString(repo.resolve("target/digikunta.jsa"), "");
        assertEquals(List.of("?? .gitignore"),
                git(repo, "status", "--porcelain", "--untracked-files=all").lines().toList());
    }

    /** git's stdout, or null when git cannot run or fails. */
    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.excludesFile=/dev/null"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : null;
    }
}
