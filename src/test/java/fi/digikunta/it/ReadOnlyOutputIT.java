package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 on the packaged jar: an output folder that cannot be written ends the run with exit 3
 * (README.md, "Exit codes") and a message in the chosen language naming the folder, with no Java
 * class name and no stack trace. The folder is made read-only with chmod; as root, where chmod does
 * not stop writing, with a read-only bind mount in a private mount namespace ({@code unshare}),
 * and the test is skipped with the reason printed where neither works.
 */
class ReadOnlyOutputIT {
    /** A Java class name (e.g. java.nio.file.AccessDeniedException) or an exception's simple name. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w+|\\w+(Exception|Error)\\b");

    @TempDir
    Path dir;

    @Test
    void aReadOnlyOutputFolderIsExit3WithAMessageNamingItInEachLanguage() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx", "091-helsinki.xlsx");
        Path ro = Files.createDirectories(dir.resolve("ro")).toAbsolutePath();
        boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes())
                .strip());
        if (root) {
            NightlyPathsIT.assumeCommand(List.of("unshare", "--mount", "true"),
                    "a private mount namespace for a read-only bind mount (chmod does not stop root)");
        } else {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> words = Map.of("fi", "digikunta: Tuloskansioon ei voi kirjoittaa: ", "sv",
                "digikunta: Det går inte att skriva i utdatamappen: ", "en", "digikunta: Cannot write the output folder: ");
        for (String lang : List.of("fi", "sv", "en")) {
            List<String> run = new ArrayList<>(List.of(java, "-Dpicocli.ansi=false", "-jar",
                    Jar.jar().toAbsolutePath().toString(), "run", inbox.toString(), "--out", ro.resolve("out").toString(),
                    "--lang", lang));
            List<String> cmd = new ArrayList<>();
            if (root) {
                cmd.addAll(List.of("unshare", "--mount", "sh", "-c", "mount --bind \"$1\" \"$1\" && "
                        + "mount -o remount,ro,bind \"$1\" \"$1\" && shift && \"$@\"; exit $?", "sh", ro.toString()));
            }
            cmd.addAll(run);
            Jar.Result r = NightlyPathsIT.exec(dir, cmd);
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.stderr().startsWith(words.get(lang) + ro), "one line in the language, naming the folder: " + r);
            assertEquals(1, r.stderr().strip().lines().count(), r.toString());
            assertFalse(CLASS_NAME.matcher(r.stderr()).find(), "no Java class name: " + r);
            assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r);
            assertFalse(Files.exists(ro.resolve("out")), "nothing written");
        }
    }
}
