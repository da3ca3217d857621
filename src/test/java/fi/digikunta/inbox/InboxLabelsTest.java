package fi.digikunta.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same-named files of several inbox folders keep apart: each name starts with its folder's label. */
class InboxLabelsTest {
    @TempDir
    Path tmp;

    @Test
    void severalFoldersNameTheirFilesWithTheShortestTailThatTellsThemApart() throws IOException {
        Path y25 = file("inbox/2025/091-helsinki.xlsx");
        Path y26 = file("inbox/2026/091-helsinki.xlsx");
        file("a/in/091-helsinki.xlsx");
        file("b/in/091-helsinki.xlsx");
        assertEquals(List.of("2025/091-helsinki.xlsx", "2026/091-helsinki.xlsx"),
                names(List.of(y25.getParent(), y26.getParent())));
        assertEquals(List.of("a/in/091-helsinki.xlsx", "b/in/091-helsinki.xlsx"),
                names(List.of(tmp.resolve("a/in"), tmp.resolve("b/in"))));
        // The label depends on the folders, not on the order they are given in.
        assertEquals(List.of("2025/091-helsinki.xlsx", "2026/091-helsinki.xlsx"),
                names(List.of(y26.getParent(), y25.getParent())));
    }

    @Test
    void oneFolderOrFilesGivenDirectlyKeepTheirNames() throws IOException {
        Path a = file("inbox/2025/091-helsinki.xlsx");
        Path b = file("inbox/2026/049-espoo.xlsx");
        assertEquals(List.of("091-helsinki.xlsx"), names(List.of(a.getParent())));
        assertEquals(List.of("049-espoo.xlsx", "091-helsinki.xlsx"), names(List.of(a, b)));
        // A folder beside a file: only one folder, so no label.
        assertEquals(List.of("049-espoo.xlsx", "091-helsinki.xlsx"), names(List.of(a.getParent(), b)));
    }

    @Test
    void aFileNamedDirectlyWhoseNameAnotherInputHasIsNamedByItsFolderToo() throws IOException {
        Path inInbox = file("inbox/x.xlsx");
        Path a = file("a/x.xlsx");
        Path b = file("b/x.xlsx");
        // Two files of one name from two folders: each by the folder it is in.
        assertEquals(List.of("a/x.xlsx", "b/x.xlsx"), names(List.of(a, b)));
        // Beside an inbox that holds one of that name: the inbox's file keeps it.
        assertEquals(List.of("b/x.xlsx", "x.xlsx"), names(List.of(inInbox.getParent(), b)));
        // No clash, no change.
        assertEquals(List.of("x.xlsx"), names(List.of(a)));
        // A file at the root has no folder to be named by: its whole path.
        InboxEntry inbox = new InboxEntry(Path.of("/srv/inbox/x.xlsx"), "x.xlsx", 1, java.time.Instant.EPOCH, false,
                null, null);
        InboxEntry root = new InboxEntry(Path.of("/x.xlsx"), "x.xlsx", 1, java.time.Instant.EPOCH, false, null, null);
        assertEquals(List.of("x.xlsx", "/x.xlsx"), InboxLabels.separateDirect(List.of(inbox, root),
                java.util.Set.of(Path.of("/x.xlsx"))).stream().map(InboxEntry::name).toList());
    }

    @Test
    void skippedItemsOfSeveralFoldersAreNamedTheSameWay() throws IOException {
        file("inbox/2025/~$091-helsinki.xlsx");
        file("inbox/2026/x.xlsx");
        InboxScan scan = new InboxScanner().scanAll(List.of(tmp.resolve("inbox/2025"), tmp.resolve("inbox/2026")),
                new InboxOptions(false, Duration.ZERO));
        assertEquals(List.of("2025/~$091-helsinki.xlsx"), scan.skipped().stream().map(Skipped::name).toList());
    }

    private List<String> names(List<Path> roots) {
        return InboxScanner.scan(roots, new InboxOptions(false, Duration.ZERO)).stream().map(InboxEntry::name)
                .toList();
    }

    private Path file(String rel) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[] {1, 2, 3});
    }
}
